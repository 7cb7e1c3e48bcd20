import { useTranslation } from "react-i18next";
import { eherkenningBeheerApi } from "#src/contracts/api/eherkenning-beheer.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { TableCell } from "#src/web/ui/components/Table.tsx";
import { formatDate, formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { beheerPaths } from "../paths.ts";
import { ListTable } from "./ListTable.tsx";

/** "Identificaties": the partner agent's open identifications, the one due first on top. */
export function IdentificationsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t("ehReview.identifications.title"));
  const list = useApiData(eherkenningBeheerApi.identifications);

  return (
    <>
      <Heading level={1}>{t("ehReview.identifications.title")}</Heading>
      <Paragraph>{t("ehReview.identifications.intro")}</Paragraph>
      <ListTable
        list={list}
        items={list.data?.identifications}
        empty={t("ehReview.identifications.empty")}
        caption={t("ehReview.identifications.caption")}
        headings={[
          t("ehReview.columns.reference"),
          t("ehReview.columns.user"),
          t("ehReview.columns.company"),
          t("ehReview.columns.level"),
          t("ehReview.identification.dueAt"),
          t("ehReview.identification.appointment"),
        ]}
        cells={(identification) => (
          <>
            <TableCell>
              <RouterLink to={beheerPaths.identification(identification.id)}>
                {identification.reference}
              </RouterLink>
            </TableCell>
            <TableCell>{identification.userName ?? "–"}</TableCell>
            <TableCell>{identification.companyName ?? "–"}</TableCell>
            <TableCell>{identification.level}</TableCell>
            <TableCell>{formatDate(identification.dueAt, i18n.language)}</TableCell>
            <TableCell>
              {identification.appointmentAt
                ? `${formatDateTime(identification.appointmentAt, i18n.language)}, ${identification.appointmentPlace ?? ""}`
                : t("ehReview.identification.notPlanned")}
            </TableCell>
          </>
        )}
      />
    </>
  );
}
