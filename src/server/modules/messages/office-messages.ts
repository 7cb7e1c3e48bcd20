import type { OfficeInbox, OfficeMessage } from "#src/contracts/messages.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor, type StaffActor } from "../accounts/request-actors.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { takeOfficeAttachments } from "../documents/message-attachments.ts";
import { officeDossierListItems, requireDossier } from "../dossiers/service.ts";
import { notifyDossierClients } from "../notifications/service.ts";
import { attachmentsOf, toOfficeInboxItem, toOfficeMessage } from "./message-views.ts";
import {
  findOfficeMessage,
  type InboxFilter,
  listOfficeDossierMessages,
  markMessageRead,
  markMessageUnread,
  type OfficeMessageRow,
  searchInbox,
  updateMessage,
} from "./repository.ts";
import { storeSentMessage } from "./store-sent-message.ts";

/**
 * The office's side of the messages: one inbox over all its dossiers, a dossier's messages,
 * writing and answering, read state per staff member, "handled" shared by the office, and
 * withdrawing a message sent in error (ADR 0012). Every staff role may do all of it in the
 * office's dossiers.
 */

/** The office's message, or not found (also another office's). */
async function requireOfficeMessage(db: Database, staff: StaffActor, messageId: string) {
  const found = await findOfficeMessage(db, staff.scope, staff.account.id, messageId);
  if (!found) throw new AppError("not_found");
  return found;
}

async function viewOf(db: Database, row: OfficeMessageRow): Promise<OfficeMessage> {
  const attachments = await attachmentsOf(db, [row]);
  return toOfficeMessage(row, attachments.get(row.id) ?? []);
}

async function freshView(db: Database, staff: StaffActor, messageId: string) {
  return viewOf(db, await requireOfficeMessage(db, staff, messageId));
}

export async function officeInbox(
  db: Database,
  staff: StaffActor,
  filter: InboxFilter,
): Promise<OfficeInbox> {
  const { rows, attachmentCounts, total, unread } = await searchInbox(
    db,
    staff.scope,
    staff.account.id,
    filter,
  );
  return {
    messages: rows.map((row) => toOfficeInboxItem(row, attachmentCounts.get(row.id) ?? 0)),
    total,
    unread,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** Every message of the dossier, both ways, withdrawn ones too, newest first. */
export async function officeDossierMessages(
  db: Database,
  staff: StaffActor,
  dossierId: string,
): Promise<OfficeMessage[]> {
  const dossier = await requireDossier(db, staff.scope, dossierId);
  const rows = await listOfficeDossierMessages(db, dossier, staff.account.id);
  const attachments = await attachmentsOf(db, rows);
  return rows.map((row) => toOfficeMessage(row, attachments.get(row.id) ?? []));
}

export function officeMessage(db: Database, staff: StaffActor, messageId: string) {
  return freshView(db, staff, messageId);
}

/** This staff member has read the message, or (`read: false`) wants it unread again. */
export async function setOfficeMessageRead(
  deps: Pick<DocumentsDeps, "db" | "clock">,
  staff: StaffActor,
  messageId: string,
  read: boolean,
): Promise<void> {
  const found = await requireOfficeMessage(deps.db, staff, messageId);
  if (read) await markMessageRead(deps.db, found, staff.account.id, deps.clock.now());
  else await markMessageUnread(deps.db, found, staff.account.id);
}

/**
 * A client's message is handled (or open again): one mark for the whole office. Only clients'
 * messages are handled; asking for the state a message already has changes nothing.
 */
export async function setOfficeMessageHandled(
  deps: Pick<DocumentsDeps, "db" | "clock">,
  staff: StaffActor,
  messageId: string,
  handled: boolean,
): Promise<OfficeMessage> {
  await deps.db.transaction(async (tx) => {
    const found = await requireOfficeMessage(tx, staff, messageId);
    if (found.message.sender !== "client") throw new AppError("conflict");
    if ((found.message.handledAt !== null) === handled) return;
    const now = deps.clock.now();
    await updateMessage(
      tx,
      found,
      handled
        ? { handledAt: now, handledByAccountId: staff.account.id }
        : { handledAt: null, handledByAccountId: null },
    );
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: handled ? "message.handled" : "message.reopened",
      subject: { type: "message", id: messageId },
      officeId: staff.officeId,
      details: { dossierId: found.message.dossierId },
    });
  });
  return freshView(deps.db, staff, messageId);
}

/**
 * Takes back a message the office sent in error: the clients no longer see it (nor its files
 * through it), the office still does, and the audit log records who did it and what it was.
 */
export async function withdrawOfficeMessage(
  deps: Pick<DocumentsDeps, "db" | "clock">,
  staff: StaffActor,
  messageId: string,
): Promise<OfficeMessage> {
  await deps.db.transaction(async (tx) => {
    const found = await requireOfficeMessage(tx, staff, messageId);
    const { message } = found;
    if (message.sender !== "office") throw new AppError("conflict");
    if (message.withdrawnAt) return;
    await updateMessage(tx, found, {
      withdrawnAt: deps.clock.now(),
      withdrawnByAccountId: staff.account.id,
    });
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: "message.withdrawn",
      subject: { type: "message", id: messageId },
      officeId: staff.officeId,
      details: {
        dossierId: message.dossierId,
        clientId: message.clientId,
        sentAt: message.sentAt.toISOString(),
        authorName: message.authorName,
        subject: message.subject,
      },
    });
  });
  return freshView(deps.db, staff, messageId);
}

/** A new message in a dossier (to all its clients, or one), or the answer to a message. */
export type OfficeMessageTarget =
  | { dossierId: string; clientId?: string | undefined }
  | { replyToMessageId: string };

/**
 * The dossier, the message answered and the client the message is for: a new message goes to
 * every client of the dossier or to one linked to it; an answer goes to the client whose
 * conversation it answers (or to all, answering a message to all).
 */
async function resolveTarget(tx: Database, staff: StaffActor, target: OfficeMessageTarget) {
  if ("replyToMessageId" in target) {
    const replyTo = await requireOfficeMessage(tx, staff, target.replyToMessageId);
    if (replyTo.message.withdrawnAt) throw new AppError("conflict");
    const dossier = await requireDossier(tx, staff.scope, replyTo.message.dossierId);
    return { dossier, replyTo, clientId: replyTo.message.clientId };
  }
  const dossier = await requireDossier(tx, staff.scope, target.dossierId);
  if (target.clientId) {
    const [item] = await officeDossierListItems(tx, [dossier]);
    if (!item?.clients.some((client) => client.id === target.clientId)) {
      throw new AppError("unknown_reference", [
        { path: "body.clientId", code: "unknown", message: "not a client of the dossier" },
      ]);
    }
  }
  return { dossier, replyTo: undefined, clientId: target.clientId ?? null };
}

/**
 * Staff send a message to the dossier's clients, with documents the dossier holds or new files
 * uploaded for it (category "message"). In one transaction: the new files are published with
 * the message, the message is stored and read by its writer (and the message it answers too),
 * audited, and the clients are told.
 */
export async function sendOfficeMessage(
  deps: DocumentsDeps,
  staff: StaffActor,
  target: OfficeMessageTarget,
  input: { subject: string; body: string; attachmentIds: string[] },
): Promise<OfficeMessage> {
  const sent = await deps.db.transaction(async (tx) => {
    const { dossier, replyTo, clientId } = await resolveTarget(tx, staff, target);
    const attachments = await takeOfficeAttachments(
      tx,
      deps.clock,
      staff,
      dossier,
      input.attachmentIds,
    );
    const message = await storeSentMessage(tx, deps.clock, staff.account, {
      officeId: staff.scope.officeId,
      dossierId: dossier.id,
      sender: "office",
      clientId,
      replyTo,
      subject: input.subject,
      body: input.body,
      attachmentIds: attachments.map((attachment) => attachment.id),
    });
    await notifyDossierClients(tx, deps.clock, {
      dossierId: dossier.id,
      kind: "messages",
      clientId,
    });
    return message;
  });
  return freshView(deps.db, staff, sent.id);
}
