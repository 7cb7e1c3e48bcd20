import { useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningIdpAdminApi } from "#src/contracts/api/eherkenning-idp.ts";
import type { RegisteredServiceProvider } from "#src/contracts/eherkenning/idp.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Dialog } from "#src/web/ui/components/Dialog.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { LoadNotices } from "#src/web/ui/components/LoadNotices.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { AdminOnly } from "../catalogue/AdminOnly.tsx";
import { RegisterServiceProviderForm } from "./RegisterServiceProviderForm.tsx";

const a = "ehIdpAdmin";

/**
 * "Dienstverleners (SAML)": the SPs registered with Poort's IdP (issue 15), registering one by
 * its metadata, and withdrawing one after confirmation. The supplier's admins only.
 */
export function ServiceProvidersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t(`${a}.title`));
  return (
    <>
      <Heading level={1}>{t(`${a}.title`)}</Heading>
      <AdminOnly>
        <Paragraph appearance="lead">{t(`${a}.lead`)}</Paragraph>
        <ServiceProviders />
      </AdminOnly>
    </>
  );
}

function ServiceProviders() {
  const { t, i18n } = useTranslation();
  const list = useApiData(eherkenningIdpAdminApi.serviceProviders);
  const withdrawal = useSubmit();
  const [confirming, setConfirming] = useState<RegisteredServiceProvider>();
  const [withdrawn, setWithdrawn] = useState<string>();
  const providers = list.data?.serviceProviders;

  const withdraw = async (provider: RegisteredServiceProvider) => {
    setConfirming(undefined);
    setWithdrawn(undefined);
    const ok = await withdrawal.run(async () => {
      await callApi(eherkenningIdpAdminApi.withdraw, {
        params: { serviceProviderId: provider.id },
      });
    });
    if (ok) setWithdrawn(t(`${a}.withdrawn`, { name: provider.name }));
    list.reload();
  };

  return (
    <>
      <section className="poort-section" aria-labelledby="eh-sp-list-heading">
        <Heading level={2} id="eh-sp-list-heading">
          {t(`${a}.listHeading`)}
        </Heading>
        <LoadNotices
          loading={list.loading && !providers}
          error={list.error}
          loadingText={t("account.loading")}
          errorText={t("account.errors.general")}
        />
        <ErrorSummary>{withdrawal.error?.message}</ErrorSummary>
        {withdrawn && <Alert type="ok">{withdrawn}</Alert>}
        {providers && providers.length === 0 && <Paragraph>{t(`${a}.none`)}</Paragraph>}
        {providers && providers.length > 0 && (
          <Table caption={t(`${a}.listCaption`)}>
            <TableHeadings
              labels={[
                t(`${a}.columns.name`),
                t(`${a}.columns.entityId`),
                t(`${a}.columns.services`),
                t(`${a}.columns.state`),
                t(`${a}.columns.actions`),
              ]}
            />
            <TableBody>
              {providers.map((provider) => (
                <TableRow key={provider.id}>
                  <TableCell>{provider.name}</TableCell>
                  <TableCell>{provider.entityId}</TableCell>
                  <TableCell>
                    {provider.services
                      .map(
                        (service) =>
                          `${i18n.language === "en" ? service.nameEn : service.nameNl} (${service.level})`,
                      )
                      .join(", ")}
                  </TableCell>
                  <TableCell>
                    {provider.withdrawnAt
                      ? t(`${a}.state.withdrawn`, {
                          date: formatDate(provider.withdrawnAt, i18n.language),
                        })
                      : t(`${a}.state.active`, {
                          date: formatDate(provider.registeredAt, i18n.language),
                        })}
                  </TableCell>
                  <TableCell>
                    {!provider.withdrawnAt && (
                      <Button
                        appearance="subtle"
                        disabled={withdrawal.busy}
                        aria-label={t(`${a}.withdrawOf`, { name: provider.name })}
                        onClick={() => setConfirming(provider)}
                      >
                        {t(`${a}.withdraw`)}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section className="poort-section" aria-labelledby="eh-sp-register-heading">
        <Heading level={2} id="eh-sp-register-heading">
          {t(`${a}.register.heading`)}
        </Heading>
        {list.data && (
          <RegisterServiceProviderForm
            options={list.data.serviceOptions}
            onRegistered={list.reload}
          />
        )}
      </section>
      {confirming && (
        <Dialog title={t(`${a}.withdrawTitle`)} onClose={() => setConfirming(undefined)}>
          <Paragraph>
            {t(`${a}.withdrawText`, { name: confirming.name, entityId: confirming.entityId })}
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action" onClick={() => void withdraw(confirming)}>
              {t(`${a}.withdrawConfirm`)}
            </Button>
          </ButtonGroup>
        </Dialog>
      )}
    </>
  );
}
