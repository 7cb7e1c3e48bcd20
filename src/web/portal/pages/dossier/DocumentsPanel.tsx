import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { portalApi } from "#src/contracts/api/portal.ts";
import type { DocumentCategory, PortalDocument, UploadLimits } from "#src/contracts/dossiers.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { Link } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { VisuallyHidden } from "#src/web/ui/components/VisuallyHidden.tsx";
import { formatDate, formatFileSize } from "#src/web/ui/format.ts";
import { UploadDialog } from "#src/web/ui/upload/UploadDialog.tsx";
import { useReloadOnReturn } from "./use-reload-on-return.ts";

/** How long after a click on a document link the lists are fetched again, as a safety net. */
const settleMs = 1500;

interface DocumentsPanelProps {
  dossierId: string;
  category: DocumentCategory;
  /** For "Door mij aangeleverd": the limits of uploads, and so the button to supply documents. */
  uploads?: UploadLimits;
  /** The counts in the tabs may have changed: a document was read or supplied. */
  onCountsChanged: () => void;
}

/** One tab's documents, fetched when the tab opens; opening one marks it read. */
export function DocumentsPanel({
  dossierId,
  category,
  uploads,
  onCountsChanged,
}: DocumentsPanelProps) {
  const { t } = useTranslation();
  const list = useApiData(portalApi.documents, { params: { dossierId }, query: { category } });
  const reloadList = list.reload;
  const reloadAll = useCallback(() => {
    reloadList();
    onCountsChanged();
  }, [reloadList, onCountsChanged]);
  useReloadOnReturn(reloadList);

  // The download itself marks the document read; marking it here too makes the counts drop
  // as soon as the click was handled, and the timer catches a download that took longer.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onOpened = (document: PortalDocument) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(reloadAll, settleMs);
    if (document.read) return;
    callApi(portalApi.markDocumentRead, { params: { documentId: document.id } })
      .catch(() => undefined)
      .finally(reloadAll);
  };

  const documents = list.data?.documents;
  return (
    <>
      {uploads && <SupplySection dossierId={dossierId} uploads={uploads} onUploaded={reloadAll} />}
      {list.error !== undefined && (
        <Alert type="error">{errorMessage(list.error, t("portal.errors.load"))}</Alert>
      )}
      {!documents && list.error === undefined && <Paragraph>{t("portal.loading")}</Paragraph>}
      {documents && documents.length === 0 && (
        <Paragraph>{t(`portal.dossier.documents.empty.${category}`)}</Paragraph>
      )}
      {documents && documents.length > 0 && (
        <DocumentTable category={category} documents={documents} onOpened={onOpened} />
      )}
    </>
  );
}

function DocumentTable({
  category,
  documents,
  onOpened,
}: {
  category: DocumentCategory;
  documents: PortalDocument[];
  onOpened: (document: PortalDocument) => void;
}) {
  const { t, i18n } = useTranslation();
  const showSupplier = documents.some((document) => document.suppliedBy !== null);
  return (
    <Table
      caption={t("portal.dossier.documents.caption", {
        category: t(`dossiers.category.${category}`),
      })}
    >
      <TableHeadings
        labels={[
          t("portal.dossier.documents.columns.title"),
          t("portal.dossier.documents.columns.file"),
          t("portal.dossier.documents.columns.date"),
          t("portal.dossier.documents.columns.size"),
          ...(showSupplier ? [t("portal.dossier.documents.columns.suppliedBy")] : []),
          t("portal.dossier.documents.columns.actions"),
        ]}
      />
      <TableBody>
        {documents.map((document) => {
          const params = { documentId: document.id };
          const download = pathOf(portalApi.documentContent, { params });
          const inline = pathOf(portalApi.documentContent, {
            params,
            query: { disposition: "inline" },
          });
          return (
            <TableRow
              key={document.id}
              className={
                document.read
                  ? "utrecht-table__row poort-document"
                  : "utrecht-table__row poort-document poort-document--unread"
              }
            >
              <TableCell>
                <span className="poort-document__title">{document.title}</span>
                {!document.read && " "}
                {!document.read && (
                  <span className="poort-badge">{t("portal.dossier.documents.new")}</span>
                )}
              </TableCell>
              <TableCell>{document.fileName}</TableCell>
              <TableCell>{formatDate(document.date, i18n.language)}</TableCell>
              <TableCell>{formatFileSize(document.size, i18n.language)}</TableCell>
              {showSupplier && <TableCell>{document.suppliedBy ?? ""}</TableCell>}
              <TableCell>
                <div className="poort-document__links">
                  <Link
                    href={download}
                    download={document.fileName}
                    onClick={() => onOpened(document)}
                  >
                    {t("portal.dossier.documents.download")}
                    <VisuallyHidden> {document.title}</VisuallyHidden>
                  </Link>
                  <Link
                    href={inline}
                    target="_blank"
                    rel="noopener"
                    onClick={() => onOpened(document)}
                  >
                    {t("portal.dossier.documents.open")}
                    <VisuallyHidden>
                      {" "}
                      {t("portal.dossier.documents.openWhich", { title: document.title })}
                    </VisuallyHidden>
                  </Link>
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function SupplySection({
  dossierId,
  uploads,
  onUploaded,
}: {
  dossierId: string;
  uploads: UploadLimits;
  onUploaded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [supplied, setSupplied] = useState<string[]>([]);
  const metadata = useMemo(() => ({ dossierId }), [dossierId]);
  const types = [...new Set(uploads.extensions.map((extension) => extension.toUpperCase()))].join(
    ", ",
  );
  const full = uploads.remainingFiles <= 0;

  return (
    <div className="poort-supply">
      <Paragraph>
        {t("portal.dossier.supply.hint", {
          types,
          size: formatFileSize(uploads.maxFileBytes, i18n.language),
        })}
      </Paragraph>
      {full ? (
        <Paragraph>{t("portal.dossier.supply.full")}</Paragraph>
      ) : (
        <Button
          appearance="primary-action"
          onClick={() => {
            setSupplied([]);
            setOpen(true);
          }}
        >
          {t("portal.dossier.supply.button")}
        </Button>
      )}
      {supplied.length > 0 && (
        <Alert type="ok">{t("portal.dossier.supply.done", { files: supplied.join(", ") })}</Alert>
      )}
      <UploadDialog
        open={open}
        onClose={() => setOpen(false)}
        endpoint={pathOf(portalApi.uploads)}
        metadata={metadata}
        maxFileBytes={uploads.maxFileBytes}
        onUploaded={(fileName) => {
          setSupplied((previous) => [...previous, fileName]);
          onUploaded();
        }}
      />
    </div>
  );
}
