import { useTranslation } from "react-i18next";
import type { OfficeDetail } from "../../../contracts/certificates.ts";
import { Heading } from "../../ui/components/Heading.tsx";
import { Paragraph } from "../../ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "../../ui/components/Table.tsx";
import { formatDateTime } from "../../ui/format.ts";

/** The mails to this office that bounced (A9), so the servicedesk can call the office. */
export function OfficeBouncesSection({ office }: { office: OfficeDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="poort-section" aria-labelledby="office-bounces-heading">
      <Heading level={2} id="office-bounces-heading">
        {t("servicedesk.certificates.bounces.title")}
      </Heading>
      {office.bounces.length === 0 ? (
        <Paragraph>{t("servicedesk.certificates.bounces.noneForOffice")}</Paragraph>
      ) : (
        <Table
          caption={t("servicedesk.certificates.bounces.officeCaption", { office: office.name })}
        >
          <TableHeadings
            labels={[
              t("servicedesk.certificates.columns.to"),
              t("servicedesk.certificates.columns.subject"),
              t("servicedesk.certificates.columns.at"),
            ]}
          />
          <TableBody>
            {office.bounces.map((bounce, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: bounces have no id; the list is fixed per load
              <TableRow key={index}>
                <TableCell>{bounce.to}</TableCell>
                <TableCell>{bounce.subject}</TableCell>
                <TableCell>{formatDateTime(bounce.at, i18n.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
