import { useTranslation } from "react-i18next";
import { eherkenningCatalogueAdminApi } from "#src/contracts/api/eherkenning-catalogue.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { LoadNotices } from "#src/web/ui/components/LoadNotices.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { beheerPaths } from "../paths.ts";
import { AdminOnly } from "./AdminOnly.tsx";
import { ProviderForm } from "./ProviderForm.tsx";

const a = "ehCatalogue.admin";

/** "Catalogus": the providers, and adding one. */
export function ProvidersAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t(`${a}.title`));
  return (
    <>
      <Heading level={1}>{t(`${a}.title`)}</Heading>
      <AdminOnly>
        <Paragraph appearance="lead">{t(`${a}.lead`)}</Paragraph>
        <ProviderCatalogue />
      </AdminOnly>
    </>
  );
}

function ProviderCatalogue() {
  const { t } = useTranslation();
  const list = useApiData(eherkenningCatalogueAdminApi.providers);
  const providers = list.data?.providers;
  return (
    <>
      <section className="poort-section" aria-labelledby="eh-admin-providers-heading">
        <Heading level={2} id="eh-admin-providers-heading">
          {t(`${a}.providersCaption`)}
        </Heading>
        <LoadNotices
          loading={list.loading && !providers}
          error={list.error}
          loadingText={t("account.loading")}
          errorText={t("account.errors.general")}
        />
        {providers && providers.length === 0 && <Paragraph>{t(`${a}.noProviders`)}</Paragraph>}
        {providers && providers.length > 0 && (
          <Table caption={t(`${a}.providersCaption`)}>
            <TableHeadings
              labels={[t(`${a}.name`), t(`${a}.oin`), t(`${a}.activeServices`), t(`${a}.website`)]}
            />
            <TableBody>
              {providers.map((provider) => (
                <TableRow key={provider.id}>
                  <TableCell>
                    <RouterLink to={beheerPaths.provider(provider.id)}>{provider.name}</RouterLink>
                    {provider.isPlatform && ` (${t(`${a}.platform`)})`}
                  </TableCell>
                  <TableCell>{provider.oin}</TableCell>
                  <TableCell>{provider.activeServices}</TableCell>
                  <TableCell>{provider.websiteUrl ?? ""}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section className="poort-section" aria-labelledby="eh-add-provider-heading">
        <Heading level={2} id="eh-add-provider-heading">
          {t(`${a}.addProviderHeading`)}
        </Heading>
        <ProviderForm
          idPrefix="new-provider"
          initial={{ name: "", oin: "", websiteUrl: "" }}
          submitLabel={t(`${a}.addProvider`)}
          onSave={async (values) => {
            const created = await callApi(eherkenningCatalogueAdminApi.createProvider, {
              body: {
                oin: values.oin?.trim() ?? "",
                name: values.name,
                websiteUrl: values.websiteUrl,
              },
            });
            list.reload();
            return { notice: t(`${a}.providerAdded`, { name: created.name }), reset: true };
          }}
        />
      </section>
    </>
  );
}
