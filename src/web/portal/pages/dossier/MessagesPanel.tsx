import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { portalApi } from "#src/contracts/api/portal.ts";
import type { UploadLimits } from "#src/contracts/dossiers.ts";
import type { PortalMessage } from "#src/contracts/messages.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { Table, TableBody, TableCell, TableHeadings } from "#src/web/ui/components/Table.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { PaperclipIcon } from "#src/web/ui/messages/icons.tsx";
import {
  MessageTextFields,
  SendOrCancel,
  useMessageDraft,
} from "#src/web/ui/messages/MessageDraft.tsx";
import {
  AttachmentLinks,
  DraftAttachmentList,
  type DraftFile,
  MessageBody,
  MessageDirection,
  MessageRow,
  UnreadBadge,
} from "#src/web/ui/messages/MessageParts.tsx";
import { UploadDialog } from "#src/web/ui/upload/UploadDialog.tsx";

interface MessagesPanelProps {
  dossierId: string;
  /** The limits of the client's uploads in this dossier; attachments count as supplied files. */
  uploads: UploadLimits;
  /** The counts in the tabs may have changed: a message was read or sent. */
  onCountsChanged: () => void;
}

type Compose = { kind: "new" } | { kind: "reply"; to: PortalMessage };

/**
 * The Berichten tab (B9): the dossier's incoming and outgoing messages, each marked by its
 * icon; one click opens a message and marks it read. "Beantwoorden" and "Nieuw bericht" open
 * the form, with attachments through the upload dialog.
 */
export function MessagesPanel({ dossierId, uploads, onCountsChanged }: MessagesPanelProps) {
  const { t } = useTranslation();
  const list = useApiData(portalApi.messages, { params: { dossierId } });
  const reloadList = list.reload;
  const [openId, setOpenId] = useState<string>();
  const [compose, setCompose] = useState<Compose>();
  // Opening the form anew (another reply, or again after sending) starts it empty.
  const [composeKey, setComposeKey] = useState(0);
  const [sent, setSent] = useState<string>();

  const reloadAll = useCallback(() => {
    reloadList();
    onCountsChanged();
  }, [reloadList, onCountsChanged]);

  const open = (message: PortalMessage) => {
    setOpenId(message.id);
    if (message.read) return;
    callApi(portalApi.markMessageRead, { params: { messageId: message.id } })
      .catch(() => undefined)
      .finally(reloadAll);
  };

  const startCompose = (next: Compose) => {
    setSent(undefined);
    setComposeKey((n) => n + 1);
    setCompose(next);
  };

  const messages = list.data?.messages;
  const opened = messages?.find((message) => message.id === openId);

  return (
    <>
      <div className="poort-message__actions">
        <Button appearance="primary-action" onClick={() => startCompose({ kind: "new" })}>
          {t("messages.new")}
        </Button>
      </div>
      {sent && <Alert type="ok">{t("messages.compose.sent", { subject: sent })}</Alert>}
      {compose && (
        <MessageComposer
          key={composeKey}
          dossierId={dossierId}
          replyTo={compose.kind === "reply" ? compose.to : undefined}
          uploads={uploads}
          onCancel={() => setCompose(undefined)}
          onSent={(message) => {
            setCompose(undefined);
            setSent(message.subject);
            setOpenId(undefined);
            reloadAll();
          }}
        />
      )}
      {list.error !== undefined && (
        <Alert type="error">{errorMessage(list.error, t("portal.errors.load"))}</Alert>
      )}
      {!messages && list.error === undefined && <Paragraph>{t("portal.loading")}</Paragraph>}
      {messages && messages.length === 0 && (
        <Paragraph>{t("portal.dossier.messages.empty")}</Paragraph>
      )}
      {messages && messages.length > 0 && (
        <MessageTable messages={messages} openId={openId} onOpen={open} />
      )}
      {opened && (
        <MessageView
          key={opened.id}
          message={opened}
          onReply={() => startCompose({ kind: "reply", to: opened })}
        />
      )}
    </>
  );
}

function MessageTable({
  messages,
  openId,
  onOpen,
}: {
  messages: PortalMessage[];
  openId?: string;
  onOpen: (message: PortalMessage) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table caption={t("portal.dossier.messages.caption")}>
      <TableHeadings
        labels={[
          t("messages.columns.direction"),
          t("messages.columns.subject"),
          t("messages.columns.from"),
          t("messages.columns.sentAt"),
          t("messages.columns.attachments"),
        ]}
      />
      <TableBody>
        {messages.map((message) => (
          <MessageRow key={message.id} read={message.read} selected={message.id === openId}>
            <TableCell>
              <MessageDirection sender={message.sender} view="client" />
            </TableCell>
            <TableCell>
              <button
                type="button"
                className="poort-message-row__open poort-message-row__subject"
                aria-expanded={message.id === openId}
                onClick={() => onOpen(message)}
              >
                {message.subject}
              </button>
              <UnreadBadge read={message.read} />
            </TableCell>
            <TableCell>{message.authorName}</TableCell>
            <TableCell>{formatDateTime(message.sentAt, i18n.language)}</TableCell>
            <TableCell>{message.attachments.length}</TableCell>
          </MessageRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** One opened message: who wrote it and when, its text and its files, and "Beantwoorden". */
function MessageView({ message, onReply }: { message: PortalMessage; onReply: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="poort-message" aria-labelledby={`message-${message.id}-heading`}>
      <FocusHeading level={2} id={`message-${message.id}-heading`}>
        {message.subject}
      </FocusHeading>
      <Paragraph>
        <MessageDirection sender={message.sender} view="client" />{" "}
        {t("messages.meta", {
          author: message.authorName,
          date: formatDateTime(message.sentAt, i18n.language),
        })}
      </Paragraph>
      {message.replyTo && (
        <Paragraph>{t("messages.inReplyTo", { subject: message.replyTo.subject })}</Paragraph>
      )}
      <MessageBody body={message.body} />
      <AttachmentLinks
        attachments={message.attachments}
        hrefOf={(attachment) =>
          pathOf(portalApi.messageAttachmentContent, {
            params: { messageId: message.id, documentId: attachment.id },
          })
        }
        downloadLabel={t("portal.dossier.documents.download")}
      />
      <div className="poort-message__actions">
        <Button appearance="primary-action" onClick={onReply}>
          {t("messages.reply")}
        </Button>
      </div>
    </article>
  );
}

/**
 * "Nieuw bericht" or "Beantwoorden": Onderwerp and Bericht (both required), the attachments
 * uploaded for it (each with its trash can), Versturen and Annuleer.
 */
const fieldIds = { subject: "message-subject", body: "message-body" };

function MessageComposer({
  dossierId,
  replyTo,
  uploads,
  onCancel,
  onSent,
}: {
  dossierId: string;
  replyTo?: PortalMessage;
  uploads: UploadLimits;
  onCancel: () => void;
  onSent: (message: PortalMessage) => void;
}) {
  const { t } = useTranslation();
  const draft = useMessageDraft(replyTo?.subject);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [attachmentError, setAttachmentError] = useState<string>();
  const drafts = useApiData(portalApi.draftAttachments, { params: { dossierId } });
  const reloadDrafts = drafts.reload;
  const metadata = useMemo(() => ({ dossierId, purpose: "message-attachment" }), [dossierId]);
  const files: DraftFile[] = drafts.data?.attachments ?? [];

  const onSubmit = draft.onSubmit(
    (message): Promise<PortalMessage> => {
      const body = { ...message, attachmentIds: files.map((file) => file.id) };
      return replyTo
        ? callApi(portalApi.replyToMessage, { params: { messageId: replyTo.id }, body })
        : callApi(portalApi.sendMessage, { params: { dossierId }, body });
    },
    onSent,
    // An attachment that is no longer a draft (removed elsewhere, swept): show the rest.
    reloadDrafts,
  );

  const remove = async (file: DraftFile) => {
    setRemoving(true);
    setAttachmentError(undefined);
    try {
      await callApi(portalApi.removeDraftAttachment, { params: { documentId: file.id } });
    } catch (caught) {
      setAttachmentError(errorMessage(caught, t("account.errors.general")));
    } finally {
      setRemoving(false);
      reloadDrafts();
    }
  };

  const fieldLinks = draft.fieldLinks(fieldIds);
  const headingId = "message-compose-heading";
  const full = uploads.remainingFiles <= 0;

  return (
    <section className="poort-message-compose" aria-labelledby={headingId}>
      <FocusHeading level={2} id={headingId}>
        {replyTo
          ? t("messages.compose.replyHeading", { subject: replyTo.subject })
          : t("messages.new")}
      </FocusHeading>
      <FieldErrorSummary
        message={draft.summary(fieldLinks.length)}
        fields={fieldLinks}
        attempt={draft.attempt}
      />
      <form className="poort-form" noValidate onSubmit={onSubmit}>
        <MessageTextFields draft={draft} ids={fieldIds} />
        <div>
          <p className="utrecht-paragraph">
            <strong>{t("messages.attachments")}</strong>
          </p>
          {drafts.error !== undefined && (
            <Alert type="error">{errorMessage(drafts.error, t("portal.errors.load"))}</Alert>
          )}
          {attachmentError && <Alert type="error">{attachmentError}</Alert>}
          {files.length === 0 && drafts.data && (
            <Paragraph>{t("messages.compose.noAttachments")}</Paragraph>
          )}
          <DraftAttachmentList
            files={files}
            busy={removing}
            onRemove={(file) => void remove(file)}
          />
          {full ? (
            <Paragraph>{t("portal.dossier.supply.full")}</Paragraph>
          ) : (
            <div className="poort-message-compose__actions">
              <Button onClick={() => setDialogOpen(true)}>
                <PaperclipIcon /> {t("messages.compose.addAttachments")}
              </Button>
            </div>
          )}
        </div>
        <SendOrCancel busy={draft.submit.busy} onCancel={onCancel} />
      </form>
      <UploadDialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        endpoint={pathOf(portalApi.uploads)}
        metadata={metadata}
        maxFileBytes={uploads.maxFileBytes}
        onUploaded={reloadDrafts}
      />
    </section>
  );
}
