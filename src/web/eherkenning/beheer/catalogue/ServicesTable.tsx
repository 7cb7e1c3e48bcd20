import { useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningCatalogueAdminApi } from "#src/contracts/api/eherkenning-catalogue.ts";
import type { AdminProvider, AdminService } from "#src/contracts/eherkenning/catalogue.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Dialog } from "#src/web/ui/components/Dialog.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { Link } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDate } from "#src/web/ui/format.ts";

const a = "ehCatalogue.admin";

/**
 * The provider's services with their ServiceID, level and state, and per service: export it,
 * change it (not a client portal, which its office manages) or withdraw it after confirming.
 */
export function ServicesTable({
  provider,
  onEdit,
  reload,
}: {
  provider: AdminProvider;
  onEdit: (service: AdminService) => void;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const withdrawal = useSubmit();
  const [confirming, setConfirming] = useState<AdminService>();
  const [notice, setNotice] = useState<string>();

  const withdraw = async (service: AdminService) => {
    setConfirming(undefined);
    setNotice(undefined);
    const ok = await withdrawal.run(async () => {
      await callApi(eherkenningCatalogueAdminApi.withdrawService, {
        params: { serviceId: service.id },
      });
    });
    if (ok) setNotice(t(`${a}.serviceWithdrawn`, { service: service.nameNl }));
    reload();
  };

  if (provider.services.length === 0) return <Paragraph>{t(`${a}.noServicesYet`)}</Paragraph>;
  return (
    <>
      <ErrorSummary>{withdrawal.error?.message}</ErrorSummary>
      {notice && <Alert type="ok">{notice}</Alert>}
      <Table caption={t(`${a}.servicesCaption`, { provider: provider.name })}>
        <TableHeadings
          labels={[
            t(`${a}.index`),
            t(`${a}.service`),
            t(`${a}.serviceId`),
            t(`${a}.level`),
            t(`${a}.status`),
            t(`${a}.actions`),
          ]}
        />
        <TableBody>
          {provider.services.map((service) => (
            <TableRow key={service.id}>
              <TableCell>{service.serviceIndex}</TableCell>
              <TableCell>
                <span lang="nl">{service.nameNl}</span>
                <br />
                <span lang="en">{service.nameEn}</span>
                {service.officeId && (
                  <Paragraph appearance="small">{t(`${a}.officePortal`)}</Paragraph>
                )}
              </TableCell>
              <TableCell>
                <code>{service.serviceId}</code>
              </TableCell>
              <TableCell>{t(`ehCatalogue.levels.${service.level}`)}</TableCell>
              <TableCell>
                {service.withdrawnAt
                  ? t(`${a}.withdrawnOn`, { date: formatDate(service.withdrawnAt, i18n.language) })
                  : t(`${a}.active`)}
              </TableCell>
              <TableCell>
                <ButtonGroup>
                  <Link
                    href={pathOf(eherkenningCatalogueAdminApi.serviceXml, {
                      params: { serviceId: service.id },
                    })}
                    download
                    aria-label={t(`${a}.exportOf`, { service: service.nameNl })}
                  >
                    {t(`${a}.export`)}
                  </Link>
                  {!service.withdrawnAt && !service.officeId && (
                    <Button
                      appearance="subtle"
                      aria-label={t(`${a}.editOf`, { service: service.nameNl })}
                      onClick={() => onEdit(service)}
                    >
                      {t(`${a}.edit`)}
                    </Button>
                  )}
                  {!service.withdrawnAt && (
                    <Button
                      appearance="subtle"
                      disabled={withdrawal.busy}
                      aria-label={t(`${a}.withdrawOf`, { service: service.nameNl })}
                      onClick={() => setConfirming(service)}
                    >
                      {t(`${a}.withdraw`)}
                    </Button>
                  )}
                </ButtonGroup>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {confirming && (
        <Dialog title={t(`${a}.withdrawTitle`)} onClose={() => setConfirming(undefined)}>
          <Paragraph>
            {t(`${a}.withdrawText`, {
              service: confirming.nameNl,
              index: confirming.serviceIndex,
            })}
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
