import { and, asc, count, desc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import type { DocumentCategory } from "#src/contracts/dossiers.ts";
import {
  accountPlaceholder,
  foundIn,
  inVisibleDossier,
  ofOffice,
  scopePlaceholders,
  scopeValues,
} from "#src/server/access/tenant-filters.ts";
import type { ClientScope, InScope, OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { isAnyOf, preparedQuery } from "#src/server/platform/db/prepared-queries.ts";
import { dossiers } from "../dossiers/schema.ts";
import { documentReads, documents } from "./schema.ts";

export type DocumentRow = typeof documents.$inferSelect;

/** Whose view of the portal a query takes: a client, through one of its accounts. */
export interface ClientReader {
  scope: ClientScope;
  accountId: string;
}

/** A dossier found in the actor's scope (the dossiers module's `DossierRef`). */
type DossierRef = InScope<{ id: string }>;

/**
 * The documents a client may see: the office's published ones in the client's dossiers, and
 * what this client supplied itself ("door mij": another client of the same dossier supplies
 * its own). Drafts and withdrawn documents never show, nor the attachments of messages not yet
 * sent; what the office sent with a message is seen through the message (ADR 0012).
 */
function visibleTo({ scope }: ClientReader): SQL {
  return and(
    inVisibleDossier(scope, { officeId: documents.officeId, dossierId: documents.dossierId }),
    eq(documents.state, "published"),
    or(
      inArray(documents.category, ["correspondence", "documents"]),
      and(eq(documents.category, "supplied"), eq(documents.suppliedByClientId, scope.clientId)),
    ),
  ) as SQL;
}

/**
 * What the office sees of its dossiers' documents: everything but a client's attachments of a
 * message it has not sent yet, which are that login's alone until then (ADR 0012).
 */
const notClientDraft = or(ne(documents.category, "supplied"), ne(documents.state, "draft"));

const isUnread = (accountId: string) =>
  sql`not exists (select 1 from ${documentReads} where ${documentReads.documentId} = ${documents.id}
        and ${documentReads.accountId} = ${accountId})`;

export async function insertDocument(db: Database, values: typeof documents.$inferInsert) {
  const [row] = await db.insert(documents).values(values).returning();
  if (!row) throw new Error("inserting a document returned no row");
  return row;
}

/** The office's document with who added it; another office's is not found. */
export async function findOfficeDocument(db: Database, scope: OfficeScope, documentId: string) {
  const rows = await db
    .select({
      document: documents,
      addedByName: documents.addedByName,
      addedByKind: documents.addedByKind,
    })
    .from(documents)
    .where(and(eq(documents.id, documentId), ofOffice(scope, documents.officeId), notClientDraft));
  return foundIn(rows)[0];
}

export async function findClientDocument(db: Database, reader: ClientReader, documentId: string) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), visibleTo(reader)));
  return row;
}

/** All documents of a dossier for its office, with who added each. */
export function listDossierDocuments(db: Database, dossier: DossierRef) {
  return db
    .select({
      document: documents,
      addedByName: documents.addedByName,
      addedByKind: documents.addedByKind,
    })
    .from(documents)
    .where(and(eq(documents.dossierId, dossier.id), notClientDraft))
    .orderBy(desc(documents.createdAt), asc(documents.title));
}

/** A tab of the client's dossier, with whether this account has read each document. */
export function listClientDocuments(
  db: Database,
  reader: ClientReader,
  dossierId: string,
  category: DocumentCategory,
) {
  return db
    .select({
      document: documents,
      readAt: documentReads.at,
      addedByName: documents.addedByName,
    })
    .from(documents)
    .leftJoin(
      documentReads,
      and(
        eq(documentReads.documentId, documents.id),
        eq(documentReads.accountId, reader.accountId),
      ),
    )
    .where(
      and(eq(documents.dossierId, dossierId), eq(documents.category, category), visibleTo(reader)),
    )
    .orderBy(desc(sql`coalesce(${documents.publishedAt}, ${documents.createdAt})`));
}

/** Per category of the dossier: how many documents the client sees, and how many are unread. */
export function countClientDocuments(db: Database, reader: ClientReader, dossierId: string) {
  return db
    .select({
      category: documents.category,
      total: count(),
      unread: sql<number>`count(*) filter (where ${isUnread(reader.accountId)})`.mapWith(Number),
    })
    .from(documents)
    .where(and(eq(documents.dossierId, dossierId), visibleTo(reader)))
    .groupBy(documents.category);
}

/** Unread documents of each of the client's dossiers. */
export async function countUnreadByDossier(
  db: Database,
  reader: ClientReader,
  dossierIds: readonly string[],
): Promise<Map<string, number>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await unreadByDossierQuery(db).execute({
    ...scopeValues(reader.scope),
    accountId: reader.accountId,
    dossierIds,
  });
  return new Map(rows.map((row) => [row.dossierId, row.unread]));
}

const unreadByDossierQuery = preparedQuery((db) =>
  db
    .select({ dossierId: documents.dossierId, unread: count() })
    .from(documents)
    .where(
      and(
        isAnyOf(documents.dossierId, "dossierIds"),
        visibleTo({ scope: scopePlaceholders.client, accountId: accountPlaceholder }),
        isUnread(accountPlaceholder),
      ),
    )
    .groupBy(documents.dossierId)
    .prepare("unread_documents_by_dossier"),
);

/** Unread documents over all of the client's dossiers (Home). */
export async function countUnreadDocuments(db: Database, reader: ClientReader): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(documents)
    .where(and(visibleTo(reader), isUnread(reader.accountId)));
  return row?.unread ?? 0;
}

export async function markDocumentRead(
  db: Database,
  documentId: string,
  accountId: string,
  now: Date,
): Promise<void> {
  await db.insert(documentReads).values({ documentId, accountId, at: now }).onConflictDoNothing();
}

export async function updateDocumentState(
  db: Database,
  found: InScope<{ document: { id: string } }>,
  values: Pick<DocumentRow, "state"> & Partial<Pick<DocumentRow, "publishedAt">>,
) {
  const [row] = await db
    .update(documents)
    .set(values)
    .where(eq(documents.id, found.document.id))
    .returning();
  return row;
}

/** Names a document by what it answers; only for a row the caller holds in its scope. */
export async function updateDocumentTitle(
  db: Database,
  document: InScope<{ id: string }>,
  title: string,
): Promise<void> {
  await db.update(documents).set({ title }).where(eq(documents.id, document.id));
}

/** Holds the dossier's row until the transaction ends, so parallel uploads count in turn. */
export async function lockDossier(db: Database, dossier: DossierRef): Promise<void> {
  await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(eq(dossiers.id, dossier.id))
    .for("update");
}

/** How many documents the client supplied in the dossier (the per-dossier limit). */
export async function countSuppliedDocuments(
  db: Database,
  scope: ClientScope,
  dossier: DossierRef,
): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(documents)
    .where(
      and(
        eq(documents.dossierId, dossier.id),
        eq(documents.category, "supplied"),
        eq(documents.suppliedByClientId, scope.clientId),
      ),
    );
  return row?.total ?? 0;
}
