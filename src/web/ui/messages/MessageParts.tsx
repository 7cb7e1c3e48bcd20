import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MessageSender } from "#src/contracts/messages.ts";
import { Button } from "../components/Button.tsx";
import { classNames } from "../components/class-names.ts";
import { Link } from "../components/Link.tsx";
import { TableRow } from "../components/Table.tsx";
import { VisuallyHidden } from "../components/VisuallyHidden.tsx";
import { formatFileSize } from "../format.ts";
import { IncomingIcon, OutgoingIcon, TrashIcon } from "./icons.tsx";
import "./messages.css";

/**
 * Whether a message came in or went out, as its icon with the words for screen readers. `view`
 * is whose view it is: for a client the office's messages come in, for the office the clients'.
 */
export function MessageDirection({ sender, view }: { sender: MessageSender; view: MessageSender }) {
  const { t } = useTranslation();
  const incoming = sender !== view;
  return (
    <span className="poort-message-direction">
      {incoming ? <IncomingIcon /> : <OutgoingIcon />}
      <VisuallyHidden>
        {incoming ? t("messages.direction.incoming") : t("messages.direction.outgoing")}
      </VisuallyHidden>
    </span>
  );
}

/** The text of a message, with its line breaks. */
export function MessageBody({ body }: { body: string }) {
  return <div className="utrecht-paragraph poort-message__body">{body}</div>;
}

export interface DraftFile {
  id: string;
  fileName: string;
  size: number;
}

/**
 * The files of a message being written, each with its trash can; renders nothing when there
 * are none.
 */
export function DraftAttachmentList({
  files,
  onRemove,
  busy,
}: {
  files: readonly DraftFile[];
  onRemove: (file: DraftFile) => void;
  busy?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="poort-attachments" aria-label={t("messages.compose.attachmentsLabel")}>
      {files.map((file) => (
        <li key={file.id} className="poort-attachments__item">
          <span className="poort-attachments__name">
            {file.fileName} ({formatFileSize(file.size, i18n.language)})
          </span>
          <Button
            appearance="subtle"
            className="poort-icon-button"
            aria-label={t("messages.compose.removeAttachment", { name: file.fileName })}
            disabled={busy}
            onClick={() => onRemove(file)}
          >
            <TrashIcon />
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** A row of a list of messages: an unread one stands out, the one open beside it is marked. */
export function MessageRow({
  read,
  selected,
  children,
}: {
  read: boolean;
  selected?: boolean;
  children: ReactNode;
}) {
  return (
    <TableRow
      className={classNames(
        "utrecht-table__row",
        "poort-message-row",
        selected && "utrecht-table__row--selected",
        !read && "poort-message-row--unread",
      )}
    >
      {children}
    </TableRow>
  );
}

/** "Ongelezen" after the subject of a message this reader has not opened. */
export function UnreadBadge({ read }: { read: boolean }) {
  const { t } = useTranslation();
  if (read) return null;
  return (
    <>
      {" "}
      <span className="poort-badge">{t("messages.unread")}</span>
    </>
  );
}

/** A sent message's files, each with its size and a download link named after it. */
export function AttachmentLinks({
  attachments,
  hrefOf,
  downloadLabel,
}: {
  attachments: readonly DraftFile[];
  hrefOf: (attachment: DraftFile) => string;
  downloadLabel: string;
}) {
  const { t, i18n } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <ul className="poort-attachments" aria-label={t("messages.attachments")}>
      {attachments.map((attachment) => (
        <li key={attachment.id} className="poort-attachments__item">
          <span className="poort-attachments__name">
            {attachment.fileName} ({formatFileSize(attachment.size, i18n.language)})
          </span>
          <Link href={hrefOf(attachment)} download={attachment.fileName}>
            {downloadLabel}
            <VisuallyHidden> {attachment.fileName}</VisuallyHidden>
          </Link>
        </li>
      ))}
    </ul>
  );
}
