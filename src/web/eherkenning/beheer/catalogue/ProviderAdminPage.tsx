import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { eherkenningCatalogueAdminApi } from "#src/contracts/api/eherkenning-catalogue.ts";
import type { AdminProvider, AdminService } from "#src/contracts/eherkenning/catalogue.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { LoadNotices } from "#src/web/ui/components/LoadNotices.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { beheerPaths } from "../paths.ts";
import { AdminOnly } from "./AdminOnly.tsx";
import { ProviderForm } from "./ProviderForm.tsx";
import { emptyService, ServiceForm } from "./ServiceForm.tsx";
import { ServicesTable } from "./ServicesTable.tsx";

const a = "ehCatalogue.admin";

/** One provider: its details, its services (change, withdraw, export) and adding a service. */
export function ProviderAdminPage() {
  const { t } = useTranslation();
  const { providerId = "" } = useParams();
  const provider = useApiData(eherkenningCatalogueAdminApi.provider, { params: { providerId } });
  const name = provider.data?.name;
  useDocumentTitle(name ?? t(`${a}.title`));
  return (
    <>
      <Paragraph>
        <RouterLink to={beheerPaths.catalogue}>{t(`${a}.back`)}</RouterLink>
      </Paragraph>
      <Heading level={1}>{name ?? t(`${a}.title`)}</Heading>
      <AdminOnly>
        <LoadNotices
          loading={provider.loading && !provider.data}
          error={provider.error}
          loadingText={t("account.loading")}
          errorText={t("account.errors.general")}
        />
        {provider.data && (
          // Keyed by id: another provider's page starts with that provider's values in its forms.
          <ProviderDetails
            key={provider.data.id}
            provider={provider.data}
            reload={provider.reload}
          />
        )}
      </AdminOnly>
    </>
  );
}

function ProviderDetails({ provider, reload }: { provider: AdminProvider; reload: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<AdminService>();
  return (
    <>
      <DataList
        items={[
          { key: "oin", label: t(`${a}.oin`), value: provider.oin },
          { key: "services", label: t(`${a}.activeServices`), value: provider.activeServices },
        ]}
      />
      {provider.isPlatform && <Alert type="info">{t(`${a}.platformNote`)}</Alert>}

      <section className="poort-section" aria-labelledby="eh-provider-details-heading">
        <Heading level={2} id="eh-provider-details-heading">
          {t(`${a}.detailsHeading`)}
        </Heading>
        <ProviderForm
          idPrefix="provider"
          initial={{ name: provider.name, websiteUrl: provider.websiteUrl ?? "" }}
          submitLabel={t(`${a}.saveProvider`)}
          onSave={async (values) => {
            await callApi(eherkenningCatalogueAdminApi.updateProvider, {
              params: { providerId: provider.id },
              body: { name: values.name, websiteUrl: values.websiteUrl },
            });
            reload();
            return { notice: t(`${a}.providerSaved`), reset: false };
          }}
        />
      </section>

      <section className="poort-section" aria-labelledby="eh-services-heading">
        <Heading level={2} id="eh-services-heading">
          {t(`${a}.servicesHeading`)}
        </Heading>
        <ServicesTable provider={provider} onEdit={setEditing} reload={reload} />
      </section>

      {editing ? (
        <section className="poort-section" aria-labelledby="eh-edit-service-heading">
          <Heading level={2} id="eh-edit-service-heading" tabIndex={-1}>
            {t(`${a}.editServiceHeading`, { service: editing.nameNl })}
          </Heading>
          <ServiceForm
            key={editing.id}
            idPrefix="edit-service"
            initial={{
              nameNl: editing.nameNl,
              nameEn: editing.nameEn,
              descriptionNl: editing.descriptionNl,
              descriptionEn: editing.descriptionEn,
              level: editing.level,
            }}
            submitLabel={t(`${a}.saveService`)}
            onCancel={() => setEditing(undefined)}
            onSave={async (values) => {
              await callApi(eherkenningCatalogueAdminApi.updateService, {
                params: { serviceId: editing.id },
                body: values,
              });
              reload();
              return { notice: t(`${a}.serviceSaved`, { service: values.nameNl }), reset: false };
            }}
          />
        </section>
      ) : (
        <section className="poort-section" aria-labelledby="eh-add-service-heading">
          <Heading level={2} id="eh-add-service-heading">
            {t(`${a}.addServiceHeading`)}
          </Heading>
          <ServiceForm
            idPrefix="new-service"
            initial={emptyService}
            submitLabel={t(`${a}.addService`)}
            onSave={async ({ serviceIndex, ...texts }) => {
              await callApi(eherkenningCatalogueAdminApi.createService, {
                params: { providerId: provider.id },
                body: { ...texts, serviceIndex: Number(serviceIndex) },
              });
              reload();
              return { notice: t(`${a}.serviceAdded`, { service: texts.nameNl }), reset: true };
            }}
          />
        </section>
      )}
    </>
  );
}
