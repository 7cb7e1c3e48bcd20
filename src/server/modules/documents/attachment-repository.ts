import { and, asc, eq, inArray, lt, ne, or } from "drizzle-orm";
import { foundIn, inVisibleDossier, ofOffice } from "#src/server/access/tenant-filters.ts";
import type { InScope, OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { ClientReader } from "./repository.ts";
import { documents } from "./schema.ts";

/**
 * The attachments of messages not yet sent (ADR 0012): a client's are supplied documents in
 * state "draft" that only the login that uploaded them sees; the office's are documents of
 * category "message" in state "draft". Sending the message publishes them.
 */

type DossierRef = InScope<{ id: string }>;

/** A client login's own draft attachments: of its client, in a dossier shared with it. */
function clientDraftsOf(reader: ClientReader) {
  const { scope } = reader;
  return and(
    inVisibleDossier(scope, { officeId: documents.officeId, dossierId: documents.dossierId }),
    eq(documents.category, "supplied"),
    eq(documents.state, "draft"),
    eq(documents.suppliedByClientId, scope.clientId),
    eq(documents.addedByAccountId, reader.accountId),
  );
}

/** The office's draft attachments (category "message"), of its own dossiers. */
function officeDraftsOf(scope: OfficeScope) {
  return and(
    ofOffice(scope, documents.officeId),
    eq(documents.category, "message"),
    eq(documents.state, "draft"),
  );
}

export function listClientDraftAttachments(
  db: Database,
  reader: ClientReader,
  dossier: DossierRef,
) {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.dossierId, dossier.id), clientDraftsOf(reader)))
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

/** The login's draft attachments among the ids, in the dossier, held until the change ends. */
export function lockClientDraftAttachments(
  db: Database,
  reader: ClientReader,
  dossier: DossierRef,
  documentIds: readonly string[],
) {
  return db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.dossierId, dossier.id),
        inArray(documents.id, [...documentIds]),
        clientDraftsOf(reader),
      ),
    )
    .for("update")
    .then(foundIn);
}

/**
 * The documents among the ids that the office may attach in its dossier: any of the dossier's,
 * but a client's draft attachment (which is not the office's to see), held until the change
 * ends so that a sweep cannot take a draft the message is about to publish.
 */
export async function lockOfficeAttachments(
  db: Database,
  scope: OfficeScope,
  dossier: DossierRef,
  documentIds: readonly string[],
) {
  const rows = await db
    .select()
    .from(documents)
    .where(
      and(
        ofOffice(scope, documents.officeId),
        eq(documents.dossierId, dossier.id),
        inArray(documents.id, [...documentIds]),
        or(ne(documents.category, "supplied"), ne(documents.state, "draft")),
      ),
    )
    .for("update");
  return foundIn(rows);
}

/** Publishes the drafts among the documents, which the caller locked and checked. */
export async function publishDraftAttachments(
  db: Database,
  locked: ReadonlyArray<{ id: string; state: string }>,
  now: Date,
): Promise<void> {
  const drafts = locked.filter((row) => row.state === "draft").map((row) => row.id);
  if (drafts.length === 0) return;
  await db
    .update(documents)
    .set({ state: "published", publishedAt: now })
    .where(and(inArray(documents.id, drafts), eq(documents.state, "draft")));
}

const removed = { id: documents.id, dossierId: documents.dossierId, blobKey: documents.blobKey };

export async function deleteClientDraftAttachment(
  db: Database,
  reader: ClientReader,
  documentId: string,
) {
  const [row] = await db
    .delete(documents)
    .where(and(eq(documents.id, documentId), clientDraftsOf(reader)))
    .returning(removed);
  return row;
}

export async function deleteOfficeDraftAttachment(
  db: Database,
  scope: OfficeScope,
  documentId: string,
) {
  const [row] = await db
    .delete(documents)
    .where(and(eq(documents.id, documentId), officeDraftsOf(scope)))
    .returning(removed);
  return row;
}

/**
 * Deletes every draft attachment, of any office, uploaded before `before`: the nightly sweep,
 * which no actor asks for. A draft that a message is publishing at the same moment is locked
 * by that change; once it commits the row is no longer a draft and stays.
 */
export function unscopedDeleteStaleDraftAttachments(db: Database, before: Date) {
  return db
    .delete(documents)
    .where(
      and(
        eq(documents.state, "draft"),
        inArray(documents.category, ["supplied", "message"]),
        lt(documents.createdAt, before),
      ),
    )
    .returning({ ...removed, officeId: documents.officeId, category: documents.category });
}
