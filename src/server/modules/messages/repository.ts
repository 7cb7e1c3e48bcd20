import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  accountPlaceholder,
  foundIn,
  inVisibleDossierForClient,
  ofOffice,
  scopePlaceholders,
  scopeValues,
} from "#src/server/access/tenant-filters.ts";
import type { ClientScope, InScope, OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { isAnyOf, preparedQuery } from "#src/server/platform/db/prepared-queries.ts";
import { accounts, clients } from "../accounts/schema.ts";
import { documents } from "../documents/schema.ts";
import { dossiers } from "../dossiers/schema.ts";
import { messageAttachments, messageReads, messages } from "./schema.ts";

export type MessageRow = typeof messages.$inferSelect;

/** Whose view of the portal a query takes: a client, through one of its logins. */
export interface ClientReader {
  scope: ClientScope;
  accountId: string;
}

/** A dossier found in the actor's scope (the dossiers module's `DossierRef`). */
type DossierRef = InScope<{ id: string }>;
/** A message found in the actor's scope. */
export type MessageRef = InScope<{ id: string }>;

const messageTenant = {
  officeId: messages.officeId,
  dossierId: messages.dossierId,
  clientId: messages.clientId,
};

/**
 * The messages a client sees: in the dossiers shared with it, those to all its clients and
 * its own conversation with the office, never a co-client's; never one the office withdrew.
 */
function visibleTo(scope: ClientScope): SQL {
  return and(inVisibleDossierForClient(scope, messageTenant), isNull(messages.withdrawnAt)) as SQL;
}

const readBy = (accountId: string) =>
  sql`exists (select 1 from ${messageReads} where ${messageReads.messageId} = ${messages.id}
        and ${messageReads.accountId} = ${accountId})`;
const unreadBy = (accountId: string) => sql`not ${readBy(accountId)}`;

const replyTo = alias(messages, "reply_to");
const newestFirst = [desc(messages.sentAt), desc(messages.id)] as const;

export async function insertMessage(db: Database, values: typeof messages.$inferInsert) {
  const [row] = await db.insert(messages).values(values).returning();
  if (!row) throw new Error("inserting a message returned no row");
  return foundIn([row])[0] as InScope<MessageRow>;
}

export async function insertAttachments(
  db: Database,
  message: MessageRef,
  documentIds: readonly string[],
): Promise<void> {
  if (documentIds.length === 0) return;
  await db
    .insert(messageAttachments)
    .values(
      documentIds.map((documentId, position) => ({ messageId: message.id, documentId, position })),
    );
}

export async function markMessageRead(
  db: Database,
  message: MessageRef,
  accountId: string,
  now: Date,
): Promise<void> {
  await db
    .insert(messageReads)
    .values({ messageId: message.id, accountId, readAt: now })
    .onConflictDoNothing();
}

export async function markMessageUnread(
  db: Database,
  message: MessageRef,
  accountId: string,
): Promise<void> {
  await db
    .delete(messageReads)
    .where(and(eq(messageReads.messageId, message.id), eq(messageReads.accountId, accountId)));
}

/** The files of each of the messages, in their order. */
export function listAttachments(db: Database, scopedMessages: readonly MessageRef[]) {
  const messageIds = scopedMessages.map((message) => message.id);
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      messageId: messageAttachments.messageId,
      id: documents.id,
      fileName: documents.fileName,
      contentType: documents.contentType,
      size: documents.size,
    })
    .from(messageAttachments)
    .innerJoin(documents, eq(documents.id, messageAttachments.documentId))
    .where(inArray(messageAttachments.messageId, messageIds))
    .orderBy(asc(messageAttachments.messageId), asc(messageAttachments.position));
}

// ── The client's view ──────────────────────────────────────────────────────────────────

/** The client's messages with this login's read state and what they answer (when it sees it). */
function selectClientMessages(db: Database, reader: ClientReader) {
  return db
    .select({
      message: messages,
      readAt: messageReads.readAt,
      replyToSubject: replyTo.subject,
    })
    .from(messages)
    .leftJoin(
      messageReads,
      and(eq(messageReads.messageId, messages.id), eq(messageReads.accountId, reader.accountId)),
    )
    .leftJoin(
      replyTo,
      and(
        eq(replyTo.id, messages.replyToMessageId),
        isNull(replyTo.withdrawnAt),
        sql`(${replyTo.clientId} is null or ${replyTo.clientId} = ${reader.scope.clientId})`,
      ),
    );
}

export async function listClientMessages(db: Database, reader: ClientReader, dossier: DossierRef) {
  const rows = await selectClientMessages(db, reader)
    .where(and(eq(messages.dossierId, dossier.id), visibleTo(reader.scope)))
    .orderBy(...newestFirst);
  return foundIn(rows.map((row) => ({ ...row, id: row.message.id })));
}

export async function findClientMessage(db: Database, reader: ClientReader, messageId: string) {
  const rows = await selectClientMessages(db, reader).where(
    and(eq(messages.id, messageId), visibleTo(reader.scope)),
  );
  return foundIn(rows.map((row) => ({ ...row, id: row.message.id })))[0];
}

/** The dossier's messages the client sees, and how many of them this login has not read. */
export async function countClientMessages(db: Database, reader: ClientReader, dossier: DossierRef) {
  const [row] = await db
    .select({
      total: count(),
      unread: sql<number>`count(*) filter (where ${unreadBy(reader.accountId)})`.mapWith(Number),
    })
    .from(messages)
    .where(and(eq(messages.dossierId, dossier.id), visibleTo(reader.scope)));
  return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
}

/** Unread messages of each of the client's dossiers. */
export async function countClientUnreadByDossier(
  db: Database,
  reader: ClientReader,
  dossierIds: readonly string[],
): Promise<Map<string, number>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await clientUnreadByDossierQuery(db).execute({
    ...scopeValues(reader.scope),
    accountId: reader.accountId,
    dossierIds,
  });
  return new Map(rows.map((row) => [row.dossierId, row.unread]));
}

const clientUnreadByDossierQuery = preparedQuery((db) =>
  db
    .select({ dossierId: messages.dossierId, unread: count() })
    .from(messages)
    .where(
      and(
        isAnyOf(messages.dossierId, "dossierIds"),
        visibleTo(scopePlaceholders.client),
        unreadBy(accountPlaceholder),
      ),
    )
    .groupBy(messages.dossierId)
    .prepare("unread_messages_by_dossier"),
);

/** Unread messages over all of the client's dossiers (Home). */
export async function countClientUnread(db: Database, reader: ClientReader): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(messages)
    .where(and(visibleTo(reader.scope), unreadBy(reader.accountId)));
  return row?.unread ?? 0;
}

/** The document when it is an attachment of a message the client sees. */
export async function findClientMessageAttachment(
  db: Database,
  reader: ClientReader,
  messageId: string,
  documentId: string,
) {
  const [row] = await db
    .select({ document: documents })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .innerJoin(documents, eq(documents.id, messageAttachments.documentId))
    .where(
      and(
        eq(messageAttachments.messageId, messageId),
        eq(messageAttachments.documentId, documentId),
        visibleTo(reader.scope),
        ofOffice(reader.scope, documents.officeId),
      ),
    );
  return row?.document;
}

// ── The office's view ──────────────────────────────────────────────────────────────────

const handledBy = alias(accounts, "handled_by");
const withdrawnBy = alias(accounts, "withdrawn_by");
const handler = alias(accounts, "handler");

/** Messages with their dossier, client, handler, who handled or withdrew them, and read state. */
function selectOfficeMessages(db: Database, accountId: string) {
  return db
    .select({
      message: messages,
      dossier: {
        id: dossiers.id,
        number: dossiers.number,
        description: dossiers.description,
      },
      handlerId: dossiers.handlerId,
      handlerName: handler.name,
      clientName: clients.name,
      clientKind: clients.kind,
      readAt: messageReads.readAt,
      handledByName: handledBy.name,
      withdrawnByName: withdrawnBy.name,
      replyToSubject: replyTo.subject,
    })
    .from(messages)
    .innerJoin(dossiers, eq(dossiers.id, messages.dossierId))
    .leftJoin(handler, eq(handler.id, dossiers.handlerId))
    .leftJoin(clients, eq(clients.id, messages.clientId))
    .leftJoin(
      messageReads,
      and(eq(messageReads.messageId, messages.id), eq(messageReads.accountId, accountId)),
    )
    .leftJoin(handledBy, eq(handledBy.id, messages.handledByAccountId))
    .leftJoin(withdrawnBy, eq(withdrawnBy.id, messages.withdrawnByAccountId))
    .leftJoin(replyTo, eq(replyTo.id, messages.replyToMessageId));
}

export type OfficeMessageRow = NonNullable<Awaited<ReturnType<typeof findOfficeMessage>>>;

const scoped = <Row extends { message: { id: string } }>(rows: Row[]) =>
  foundIn(rows.map((row) => ({ ...row, id: row.message.id })));

/** The office's message, with this staff member's read state; another office's is not found. */
export async function findOfficeMessage(
  db: Database,
  scope: OfficeScope,
  accountId: string,
  messageId: string,
) {
  const rows = await selectOfficeMessages(db, accountId).where(
    and(eq(messages.id, messageId), ofOffice(scope, messages.officeId)),
  );
  return scoped(rows)[0];
}

/** Every message of the office's dossier, withdrawn ones too, newest first. */
export async function listOfficeDossierMessages(
  db: Database,
  dossier: DossierRef,
  accountId: string,
) {
  const rows = await selectOfficeMessages(db, accountId)
    .where(eq(messages.dossierId, dossier.id))
    .orderBy(...newestFirst);
  return scoped(rows);
}

export interface InboxFilter {
  handler?: string | undefined;
  dossierId?: string | undefined;
  read?: "read" | "unread" | undefined;
  state?: "open" | "handled" | undefined;
  page: number;
  pageSize: number;
}

/**
 * The office's clients' messages that match the filters other than read state. Its conditions
 * are those of the inbox's partial indexes (literal, so the planner matches them): the office,
 * clients' messages, and for "open" not handled; newest first, the index read backwards.
 */
function inboxConditions(scope: OfficeScope, filter: InboxFilter): SQL {
  const handlerCondition =
    filter.handler === undefined
      ? undefined
      : sql`exists (select 1 from ${dossiers} where ${dossiers.id} = ${messages.dossierId}
          and ${filter.handler === "none" ? sql`${dossiers.handlerId} is null` : sql`${dossiers.handlerId} = ${filter.handler}`})`;
  return and(
    ofOffice(scope, messages.officeId),
    sql`${messages.sender} = 'client'`,
    filter.state === "open" ? sql`${messages.handledAt} is null` : undefined,
    filter.state === "handled" ? isNotNull(messages.handledAt) : undefined,
    filter.dossierId ? eq(messages.dossierId, filter.dossierId) : undefined,
    handlerCondition,
  ) as SQL;
}

async function inboxIds(
  db: Database,
  where: SQL,
  read: SQL,
  window: { offset: number; limit: number },
): Promise<string[]> {
  if (window.limit <= 0) return [];
  const rows = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(where, read))
    .orderBy(...newestFirst)
    .limit(window.limit)
    .offset(window.offset);
  return rows.map((row) => row.id);
}

/** How many messages meet the conditions. */
async function countWhere(db: Database, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: count() }).from(messages).where(where);
  return row?.total ?? 0;
}

/**
 * A page of the inbox: unread (by this staff member) first, then read, each newest first.
 * Counted first: all the filtered messages (an index-only count), and the unread ones, with the
 * read test in the query's own conditions so the planner may hash this member's reads instead of
 * probing once per message (ADR 0012 has the numbers). Then each part of the page is read by the
 * index in its order, and only the page's rows are joined to their details.
 */
export async function searchInbox(
  db: Database,
  scope: OfficeScope,
  accountId: string,
  filter: InboxFilter,
) {
  const where = inboxConditions(scope, filter);
  const all = await countWhere(db, where);
  const unread = all === 0 ? 0 : await countWhere(db, and(where, unreadBy(accountId)));
  const total = filter.read === "unread" ? unread : filter.read === "read" ? all - unread : all;

  const offset = (filter.page - 1) * filter.pageSize;
  const limit = filter.pageSize;
  let ids: string[];
  if (filter.read === "unread") {
    ids = await inboxIds(db, where, unreadBy(accountId), { offset, limit });
  } else if (filter.read === "read") {
    ids = await inboxIds(db, where, readBy(accountId), { offset, limit });
  } else {
    const unreadIds =
      offset < unread ? await inboxIds(db, where, unreadBy(accountId), { offset, limit }) : [];
    const readIds = await inboxIds(db, where, readBy(accountId), {
      offset: Math.max(0, offset - unread),
      limit: limit - unreadIds.length,
    });
    ids = [...unreadIds, ...readIds];
  }

  const details =
    ids.length === 0
      ? []
      : await selectOfficeMessages(db, accountId).where(
          and(inArray(messages.id, ids), ofOffice(scope, messages.officeId)),
        );
  const attachmentCounts =
    ids.length === 0
      ? []
      : await db
          .select({ messageId: messageAttachments.messageId, count: count() })
          .from(messageAttachments)
          .where(inArray(messageAttachments.messageId, ids))
          .groupBy(messageAttachments.messageId);
  const byId = new Map(details.map((row) => [row.message.id, row]));
  const rows = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
  return {
    rows: scoped(rows),
    attachmentCounts: new Map(attachmentCounts.map((row) => [row.messageId, row.count])),
    total,
    unread,
  };
}

export async function updateMessage(
  db: Database,
  message: MessageRef,
  values: Partial<
    Pick<MessageRow, "handledAt" | "handledByAccountId" | "withdrawnAt" | "withdrawnByAccountId">
  >,
): Promise<void> {
  await db.update(messages).set(values).where(eq(messages.id, message.id));
}
