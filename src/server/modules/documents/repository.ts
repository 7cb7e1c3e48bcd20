import { and, asc, count, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DocumentCategory } from "#src/contracts/dossiers.ts";
import { foundIn, inVisibleDossier, ofOffice } from "#src/server/access/tenant-filters.ts";
import type { ClientScope, InScope, OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { accounts, clientMemberships } from "../accounts/schema.ts";
import { dossierClients, dossiers } from "../dossiers/schema.ts";
import { documentNotices, documentReads, documents } from "./schema.ts";

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
 * its own). Drafts and withdrawn documents never show.
 */
function visibleTo({ scope }: ClientReader): SQL {
  return and(
    inVisibleDossier(scope, { officeId: documents.officeId, dossierId: documents.dossierId }),
    or(
      and(
        inArray(documents.category, ["correspondence", "documents"]),
        eq(documents.state, "published"),
      ),
      and(eq(documents.category, "supplied"), eq(documents.suppliedByClientId, scope.clientId)),
    ),
  ) as SQL;
}

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
    .select({ document: documents, addedByName: accounts.name, addedByKind: accounts.kind })
    .from(documents)
    .innerJoin(accounts, eq(accounts.id, documents.addedByAccountId))
    .where(and(eq(documents.id, documentId), ofOffice(scope, documents.officeId)));
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
      addedByName: accounts.name,
      addedByKind: accounts.kind,
    })
    .from(documents)
    .innerJoin(accounts, eq(accounts.id, documents.addedByAccountId))
    .where(eq(documents.dossierId, dossier.id))
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
      addedByName: accounts.name,
    })
    .from(documents)
    .innerJoin(accounts, eq(accounts.id, documents.addedByAccountId))
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
  const rows = await db
    .select({ dossierId: documents.dossierId, unread: count() })
    .from(documents)
    .where(
      and(
        inArray(documents.dossierId, [...dossierIds]),
        visibleTo(reader),
        isUnread(reader.accountId),
      ),
    )
    .groupBy(documents.dossierId);
  return new Map(rows.map((row) => [row.dossierId, row.unread]));
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

/**
 * The active client logins that act for a dossier's clients (through an open membership, ADR
 * 0011) and want mail about new documents. Not scoped: the dossier's publication, in the
 * office's scope, planned the mails.
 */
export function unscopedListAccountsToNotify(db: Database, dossierId: string) {
  return db
    .select({ id: accounts.id, membershipId: clientMemberships.id })
    .from(clientMemberships)
    .innerJoin(dossierClients, eq(dossierClients.clientId, clientMemberships.clientId))
    .innerJoin(accounts, eq(accounts.id, clientMemberships.accountId))
    .where(
      and(
        eq(dossierClients.dossierId, dossierId),
        isNull(clientMemberships.revokedAt),
        eq(accounts.kind, "client"),
        eq(accounts.status, "active"),
        eq(accounts.notifyDocuments, true),
      ),
    );
}

/** Published documents the account can see but has neither read nor been mailed about. */
export function listUnannouncedDocuments(db: Database, reader: ClientReader) {
  return db
    .select({
      id: documents.id,
      title: documents.title,
      dossierId: dossiers.id,
      dossierNumber: dossiers.number,
      dossierDescription: dossiers.description,
    })
    .from(documents)
    .innerJoin(dossiers, eq(dossiers.id, documents.dossierId))
    .leftJoin(
      documentNotices,
      and(
        eq(documentNotices.documentId, documents.id),
        eq(documentNotices.accountId, reader.accountId),
      ),
    )
    .where(
      and(
        visibleTo(reader),
        inArray(documents.category, ["correspondence", "documents"]),
        isNull(documentNotices.documentId),
        isUnread(reader.accountId),
      ),
    )
    .orderBy(asc(dossiers.number), asc(documents.publishedAt));
}

export async function recordNotices(
  db: Database,
  documentIds: readonly string[],
  accountId: string,
  now: Date,
): Promise<void> {
  if (documentIds.length === 0) return;
  await db
    .insert(documentNotices)
    .values(documentIds.map((documentId) => ({ documentId, accountId, at: now })))
    .onConflictDoNothing();
}
