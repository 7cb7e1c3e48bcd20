import type { PortalMessage } from "#src/contracts/messages.ts";
import { AppError } from "#src/server/errors.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { ClientActor } from "../accounts/request-actors.ts";
import { markRead as markDocumentRead } from "../documents/client-documents.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { takeClientAttachments } from "../documents/message-attachments.ts";
import { type DossierRef, requireDossier } from "../dossiers/service.ts";
import { notifyDossierStaff } from "../notifications/service.ts";
import { recordOfficeEvent } from "../office-events/record-event.ts";
import { attachmentsOf, toPortalMessage } from "./message-views.ts";
import {
  type ClientReader,
  countClientMessages,
  countClientUnread,
  countClientUnreadByDossier,
  findClientMessage,
  findClientMessageAttachment,
  listClientMessages,
  markMessageRead,
} from "./repository.ts";
import { storeSentMessage } from "./store-sent-message.ts";

/**
 * The client's side of a dossier's messages (B9, the Berichten tab): what it sees, reads and
 * sends. Every account of a company sees the company's messages; each login has its own read
 * state (ADR 0012).
 */

const readerOf = (client: ClientActor): ClientReader => ({
  scope: client.scope,
  accountId: client.account.id,
});

/** The Berichten tab's counts: the messages the client sees, and how many this login has not read. */
export function messageTabCounts(db: Database, client: ClientActor, dossier: DossierRef) {
  return countClientMessages(db, readerOf(client), dossier);
}

/** Unread messages per dossier, for the dossier list's "Ongelezen". */
export function unreadMessagesByDossier(db: Database, client: ClientActor, dossierIds: string[]) {
  return countClientUnreadByDossier(db, readerOf(client), dossierIds);
}

/** Unread messages over all the client's dossiers, for Home. */
export function unreadMessagesTotal(db: Database, client: ClientActor) {
  return countClientUnread(db, readerOf(client));
}

/** The dossier's messages, newest first, incoming and outgoing. */
export async function clientDossierMessages(
  db: Database,
  client: ClientActor,
  dossierId: string,
): Promise<PortalMessage[]> {
  const dossier = await requireDossier(db, client.scope, dossierId);
  const rows = await listClientMessages(db, readerOf(client), dossier);
  const attachments = await attachmentsOf(db, rows);
  return rows.map((row) => toPortalMessage(row, attachments.get(row.id) ?? []));
}

/** The message when the client sees it; not found otherwise, whoever's it is. */
async function requireClientMessage(db: Database, client: ClientActor, messageId: string) {
  const found = await findClientMessage(db, readerOf(client), messageId);
  if (!found) throw new AppError("not_found");
  return found;
}

export async function clientMessage(
  db: Database,
  client: ClientActor,
  messageId: string,
): Promise<PortalMessage> {
  const found = await requireClientMessage(db, client, messageId);
  const attachments = await attachmentsOf(db, [found]);
  return toPortalMessage(found, attachments.get(found.id) ?? []);
}

/** "One click reads": this login has read the message (its company's other accounts not yet). */
export async function markClientMessageRead(
  deps: Pick<DocumentsDeps, "db" | "clock">,
  client: ClientActor,
  messageId: string,
): Promise<void> {
  const found = await requireClientMessage(deps.db, client, messageId);
  await markMessageRead(deps.db, found, client.account.id, deps.clock.now());
}

/** A new message in a dossier, or the answer to a message. */
export type MessageTarget = { dossierId: string } | { replyToMessageId: string };

/** The dossier the message goes to, and the message it answers, both as the client sees them. */
async function resolveTarget(tx: Database, client: ClientActor, target: MessageTarget) {
  if ("dossierId" in target) {
    return {
      dossier: await requireDossier(tx, client.scope, target.dossierId),
      replyTo: undefined,
    };
  }
  const replyTo = await requireClientMessage(tx, client, target.replyToMessageId);
  return { dossier: await requireDossier(tx, client.scope, replyTo.message.dossierId), replyTo };
}

/**
 * A new message from the client to the office ("Nieuw bericht"), or its answer to a message it
 * sees ("Beantwoorden"), with the draft attachments this login uploaded in the dossier. In one
 * transaction: the attachments become supplied documents of the dossier, the message is
 * stored, read by its writer, audited, and the dossier's handler is told.
 */
export async function sendClientMessage(
  deps: DocumentsDeps,
  client: ClientActor,
  target: MessageTarget,
  input: { subject: string; body: string; attachmentIds: string[] },
): Promise<PortalMessage> {
  const reader = readerOf(client);
  const sent = await deps.db.transaction(async (tx) => {
    const { dossier, replyTo } = await resolveTarget(tx, client, target);
    const attachments = await takeClientAttachments(
      tx,
      deps.clock,
      client,
      dossier,
      input.attachmentIds,
    );
    const message = await storeSentMessage(tx, deps.clock, client.account, {
      officeId: client.scope.officeId,
      dossierId: dossier.id,
      sender: "client",
      clientId: client.scope.clientId,
      replyTo,
      subject: input.subject,
      body: input.body,
      attachmentIds: attachments.map((attachment) => attachment.id),
    });
    await notifyDossierStaff(tx, deps.clock, { dossierId: dossier.id, kind: "messages" });
    await recordOfficeEvent(tx, deps.clock, {
      type: "message.received",
      client: client.scope,
      dossierId: dossier.id,
      data: { messageId: message.id },
    });
    return message;
  });
  const found = await findClientMessage(deps.db, reader, sent.id);
  if (!found) throw new Error("a sent message that its writer cannot see");
  const attachments = await attachmentsOf(deps.db, [found]);
  return toPortalMessage(found, attachments.get(found.id) ?? []);
}

/**
 * The file of an attachment of a message the client sees, without reading it (the client's
 * data export); not found otherwise, whoever's it is.
 */
export async function clientMessageAttachmentFile(
  db: Database,
  client: ClientActor,
  messageId: string,
  documentId: string,
) {
  const document = await findClientMessageAttachment(db, readerOf(client), messageId, documentId);
  if (!document) throw new AppError("not_found");
  return document;
}

/**
 * An attachment of a message the client sees, to download; opening it reads the message, and a
 * supplied document (the client's own) also in "Door mij aangeleverd".
 */
export async function openClientMessageAttachment(
  deps: DocumentsDeps,
  client: ClientActor,
  messageId: string,
  documentId: string,
) {
  const reader = readerOf(client);
  const document = await findClientMessageAttachment(deps.db, reader, messageId, documentId);
  if (!document) throw new AppError("not_found");
  await markClientMessageRead(deps, client, messageId);
  if (document.category === "supplied") await markDocumentRead(deps, client, document.id);
  return document;
}
