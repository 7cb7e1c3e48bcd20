import { useTranslation } from "react-i18next";
import { officeApi } from "#src/contracts/api/office.ts";
import type { OfficeDocument } from "#src/contracts/dossiers.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Link } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDateTime, formatFileSize } from "#src/web/ui/format.ts";
import { documentStateLabel } from "../dossiers/labels.ts";
import { useRowAction } from "../use-row-action.ts";
import { ListNotices } from "./ListNotices.tsx";

/** "Downloaden", named after the document for screen readers. */
function DownloadLink({ document }: { document: OfficeDocument }) {
  const { t } = useTranslation();
  return (
    <Link
      href={pathOf(officeApi.documentContent, { params: { documentId: document.id } })}
      aria-label={t("office.dossiers.documents.downloadNamed", { title: document.title })}
    >
      {t("office.dossiers.documents.download")}
    </Link>
  );
}

/** The file's name and size, e.g. "akte.pdf (120 kB)". */
function FileCell({ document }: { document: OfficeDocument }) {
  const { i18n } = useTranslation();
  return (
    <TableCell>
      {document.fileName} ({formatFileSize(document.size, i18n.language)})
    </TableCell>
  );
}

/**
 * What the office shares with the clients, a table per category (Correspondentie,
 * Documenten): drafts, published and unpublished documents, to publish or unpublish.
 */
export function OfficeDocuments({
  documents,
  reload,
}: {
  documents: OfficeDocument[];
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const action = useRowAction(reload);

  const toggle = (document: OfficeDocument) => {
    const publish = document.state !== "published";
    const endpoint = publish ? officeApi.publishDocument : officeApi.unpublishDocument;
    void action.act(
      async () => void (await callApi(endpoint, { params: { documentId: document.id } })),
      t(
        publish
          ? "office.dossiers.documents.publishedNotice"
          : "office.dossiers.documents.unpublishedNotice",
        { title: document.title },
      ),
    );
  };

  return (
    <>
      <ListNotices loading={false} loadError={undefined} action={action} />
      {(["correspondence", "documents"] as const).map((category) => {
        const inCategory = documents.filter((document) => document.category === category);
        const label = t(`dossiers.category.${category}`);
        return (
          <section key={category} aria-labelledby={`documents-${category}-heading`}>
            <Heading level={3} id={`documents-${category}-heading`}>
              {label}
            </Heading>
            {inCategory.length === 0 ? (
              <Paragraph>{t("office.dossiers.documents.empty")}</Paragraph>
            ) : (
              // Named unlike its section: both are regions, which one name could not tell apart.
              <Table caption={t("office.dossiers.documents.caption", { category: label })}>
                <TableHeadings
                  labels={[
                    t("office.dossiers.documents.title"),
                    t("office.dossiers.documents.file"),
                    t("office.dossiers.documents.state"),
                    t("office.dossiers.documents.date"),
                    t("office.dossiers.documents.addedBy"),
                    t("office.dossiers.documents.actions"),
                  ]}
                />
                <TableBody>
                  {inCategory.map((document) => {
                    const published = document.state === "published";
                    return (
                      <TableRow key={document.id}>
                        <TableCell>{document.title}</TableCell>
                        <FileCell document={document} />
                        <TableCell>{documentStateLabel(document.state, t)}</TableCell>
                        <TableCell>
                          {formatDateTime(
                            document.publishedAt ?? document.createdAt,
                            i18n.language,
                          )}
                        </TableCell>
                        <TableCell>{document.addedBy.name}</TableCell>
                        <TableCell>
                          <ButtonGroup>
                            <DownloadLink document={document} />
                            <Button
                              disabled={action.busy}
                              aria-label={t(
                                published
                                  ? "office.dossiers.documents.unpublishNamed"
                                  : "office.dossiers.documents.publishNamed",
                                { title: document.title },
                              )}
                              onClick={() => toggle(document)}
                            >
                              {t(
                                published
                                  ? "office.dossiers.documents.unpublish"
                                  : "office.dossiers.documents.publish",
                              )}
                            </Button>
                          </ButtonGroup>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            )}
          </section>
        );
      })}
    </>
  );
}

/** "Aangeleverd door cliënten": what the clients uploaded to the dossier. */
export function SuppliedDocuments({ documents }: { documents: OfficeDocument[] }) {
  const { t, i18n } = useTranslation();
  if (documents.length === 0) return <Paragraph>{t("office.dossiers.supplied.empty")}</Paragraph>;
  return (
    <Table caption={t("office.dossiers.supplied.caption")}>
      <TableHeadings
        labels={[
          t("office.dossiers.documents.title"),
          t("office.dossiers.documents.file"),
          t("office.dossiers.supplied.suppliedBy"),
          t("office.dossiers.documents.date"),
          t("office.dossiers.documents.actions"),
        ]}
      />
      <TableBody>
        {documents.map((document) => (
          <TableRow key={document.id}>
            <TableCell>{document.title}</TableCell>
            <FileCell document={document} />
            <TableCell>{document.addedBy.name}</TableCell>
            <TableCell>{formatDateTime(document.createdAt, i18n.language)}</TableCell>
            <TableCell>
              <DownloadLink document={document} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
