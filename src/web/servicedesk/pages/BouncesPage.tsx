import { useTranslation } from "react-i18next";
import { bounceListSchema } from "../../../contracts/certificates.ts";
import { useApiData } from "../../ui/api/use-api-data.ts";
import { Heading } from "../../ui/components/Heading.tsx";
import { RouterLink } from "../../ui/components/Link.tsx";
import { Paragraph } from "../../ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "../../ui/components/Table.tsx";
import { formatDateTime } from "../../ui/format.ts";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { LoadNotices } from "../components/LoadNotices.tsx";
import { servicedeskPaths } from "../paths.ts";
import "../servicedesk.css";

/** Bounced mails (A9): which address, which mail, why, and the office to contact. */
export function BouncesPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t("servicedesk.certificates.bounces.title"));
  const list = useApiData("/api/servicedesk/bounces", bounceListSchema);
  const bounces = list.data?.bounces;
  const k = "servicedesk.certificates.bounces";
  return (
    <>
      <Heading level={1}>{t(`${k}.title`)}</Heading>
      <Paragraph appearance="lead">{t(`${k}.intro`)}</Paragraph>
      <LoadNotices loading={!bounces && list.loading} error={list.error} />
      {bounces &&
        (bounces.length === 0 ? (
          <Paragraph>{t(`${k}.none`)}</Paragraph>
        ) : (
          <Table caption={t(`${k}.caption`)}>
            <TableHeadings
              labels={[
                t("servicedesk.certificates.columns.office"),
                t("servicedesk.certificates.columns.to"),
                t("servicedesk.certificates.columns.subject"),
                t("servicedesk.certificates.columns.reason"),
                t("servicedesk.certificates.columns.at"),
              ]}
            />
            <TableBody>
              {bounces.map((bounce, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: bounces have no id; the list is fixed per load
                <TableRow key={index}>
                  <TableCell>
                    {bounce.officeId ? (
                      <RouterLink to={servicedeskPaths.office(bounce.officeId)}>
                        {bounce.officeName ?? t(`${k}.unknownOffice`)}
                      </RouterLink>
                    ) : (
                      (bounce.officeName ?? t(`${k}.unknownOffice`))
                    )}
                  </TableCell>
                  <TableCell>{bounce.to}</TableCell>
                  <TableCell>{bounce.subject}</TableCell>
                  <TableCell>{bounce.reason}</TableCell>
                  <TableCell>{formatDateTime(bounce.at, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
    </>
  );
}
