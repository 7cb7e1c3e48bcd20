import { useTranslation } from "react-i18next";
import { servicedeskApi } from "#src/contracts/api/servicedesk.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
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
import { LoadNotices } from "../components/LoadNotices.tsx";
import { servicedeskPaths } from "../paths.ts";
import "../servicedesk.css";

/** How far ahead the overview looks: the server's window, which it does not take as a query. */
const DAYS = 60;

/**
 * "Verloopoverzicht": the certificates that expire within 60 days, the reminders sent for them
 * (40 and 20 days before, A1–A2) and whether the office already has a new one.
 */
export function ExpiringPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t("servicedesk.certificates.expiring.title"));
  const list = useApiData(servicedeskApi.expiring);
  const certificates = list.data?.certificates;
  const k = "servicedesk.certificates.expiring";
  return (
    <>
      <Heading level={1}>{t(`${k}.title`)}</Heading>
      <Paragraph appearance="lead">{t(`${k}.intro`, { days: DAYS })}</Paragraph>
      <LoadNotices loading={!certificates && list.loading} error={list.error} />
      {certificates &&
        (certificates.length === 0 ? (
          <Paragraph>{t(`${k}.none`, { days: DAYS })}</Paragraph>
        ) : (
          <Table caption={t(`${k}.caption`, { days: DAYS })}>
            <TableHeadings
              labels={[
                t("servicedesk.certificates.columns.office"),
                t("servicedesk.certificates.columns.debtorNumber"),
                t("certificates.fields.serialNumber"),
                t("certificates.fields.notAfter"),
                t(`${k}.reminders`),
                t(`${k}.replacedColumn`),
              ]}
            />
            <TableBody>
              {certificates.map((certificate) => (
                <TableRow key={`${certificate.officeId}-${certificate.serialNumber}`}>
                  <TableCell>
                    <RouterLink to={servicedeskPaths.office(certificate.officeId)}>
                      {certificate.officeName}
                    </RouterLink>
                  </TableCell>
                  <TableCell>{certificate.debtorNumber}</TableCell>
                  <TableCell className="poort-serial">
                    <span translate="no">{certificate.serialNumber}</span>
                  </TableCell>
                  <TableCell>{formatDate(certificate.notAfter, i18n.language)}</TableCell>
                  <TableCell>
                    {certificate.remindersSent.length === 0
                      ? t(`${k}.noReminders`)
                      : [...certificate.remindersSent]
                          .sort((a, b) => b - a)
                          .map((days) => t(`${k}.reminderDays`, { days }))
                          .join(", ")}
                  </TableCell>
                  <TableCell>
                    {certificate.replaced ? t(`${k}.replaced`) : t(`${k}.notReplaced`)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
    </>
  );
}
