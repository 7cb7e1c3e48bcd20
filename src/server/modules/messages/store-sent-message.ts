import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor, type StaffActor } from "../accounts/request-actors.ts";
import {
  insertAttachments,
  insertMessage,
  type MessageRef,
  markMessageRead,
} from "./repository.ts";

/** A message as either side sends it, its attachments already documents of the dossier. */
export interface SentMessage {
  officeId: string;
  dossierId: string;
  sender: "office" | "client";
  /** The client the message is for or from; null for an office message to every client. */
  clientId: string | null;
  replyTo: MessageRef | undefined;
  subject: string;
  body: string;
  attachmentIds: string[];
}

/**
 * What sending does on both sides, inside the caller's transaction: the message is stored with
 * its attachments, read by its writer (and so is the message it answers), and audited. Telling
 * the other side is the caller's, since the office tells clients and a client tells staff.
 */
export async function storeSentMessage(
  tx: Database,
  clock: Clock,
  author: Pick<StaffActor["account"], "id" | "kind" | "name">,
  sent: SentMessage,
) {
  const now = clock.now();
  const message = await insertMessage(tx, {
    officeId: sent.officeId,
    dossierId: sent.dossierId,
    sender: sent.sender,
    clientId: sent.clientId,
    authorAccountId: author.id,
    authorName: author.name,
    replyToMessageId: sent.replyTo?.id ?? null,
    subject: sent.subject,
    body: sent.body,
    sentAt: now,
  });
  await insertAttachments(tx, message, sent.attachmentIds);
  await markMessageRead(tx, message, author.id, now);
  if (sent.replyTo) await markMessageRead(tx, sent.replyTo, author.id, now);
  await recordAuditEvent(tx, clock, {
    actor: auditActor(author),
    action: "message.sent",
    subject: { type: "message", id: message.id },
    officeId: sent.officeId,
    details: {
      dossierId: sent.dossierId,
      sender: sent.sender,
      clientId: sent.clientId,
      replyTo: sent.replyTo?.id ?? null,
      attachments: sent.attachmentIds,
    },
  });
  return message;
}
