import type {
  MessageAttachment,
  OfficeInboxItem,
  OfficeMessage,
  PortalMessage,
} from "#src/contracts/messages.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import {
  listAttachments,
  type MessageRef,
  type MessageRow,
  type OfficeMessageRow,
} from "./repository.ts";

/** The attachments of each of the messages, by message id. */
export async function attachmentsOf(
  db: Database,
  messages: readonly MessageRef[],
): Promise<Map<string, MessageAttachment[]>> {
  const rows = await listAttachments(db, messages);
  const byMessage = new Map<string, MessageAttachment[]>();
  for (const { messageId, ...attachment } of rows) {
    byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), attachment]);
  }
  return byMessage;
}

export function toPortalMessage(
  row: { message: MessageRow; readAt: Date | null; replyToSubject: string | null },
  attachments: MessageAttachment[],
): PortalMessage {
  const { message } = row;
  return {
    id: message.id,
    dossierId: message.dossierId,
    sender: message.sender,
    authorName: message.authorName,
    subject: message.subject,
    body: message.body,
    sentAt: message.sentAt.toISOString(),
    read: row.readAt !== null,
    replyTo:
      message.replyToMessageId && row.replyToSubject !== null
        ? { id: message.replyToMessageId, subject: row.replyToSubject }
        : null,
    attachments,
  };
}

const byWhom = (at: Date | null, name: string | null) =>
  at ? { at: at.toISOString(), byName: name ?? "" } : null;

function officeFields(row: OfficeMessageRow) {
  const { message } = row;
  return {
    id: message.id,
    dossier: row.dossier,
    sender: message.sender,
    authorName: message.authorName,
    client:
      message.clientId && row.clientName && row.clientKind
        ? { id: message.clientId, name: row.clientName, kind: row.clientKind }
        : null,
    subject: message.subject,
    sentAt: message.sentAt.toISOString(),
    read: row.readAt !== null,
    handled: byWhom(message.handledAt, row.handledByName),
  };
}

export function toOfficeMessage(
  row: OfficeMessageRow,
  attachments: MessageAttachment[],
): OfficeMessage {
  const { message } = row;
  return {
    ...officeFields(row),
    body: message.body,
    withdrawn: byWhom(message.withdrawnAt, row.withdrawnByName),
    replyTo:
      message.replyToMessageId && row.replyToSubject !== null
        ? { id: message.replyToMessageId, subject: row.replyToSubject }
        : null,
    attachments,
  };
}

export function toOfficeInboxItem(row: OfficeMessageRow, attachmentCount: number): OfficeInboxItem {
  return {
    ...officeFields(row),
    handler: row.handlerId && row.handlerName ? { id: row.handlerId, name: row.handlerName } : null,
    attachmentCount,
  };
}
