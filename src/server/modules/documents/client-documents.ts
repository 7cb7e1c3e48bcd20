import type { DocumentCategory, PortalDocument } from "#src/contracts/dossiers.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor, type ClientActor } from "../accounts/request-actors.ts";
import { type DossierRef, requireDossier } from "../dossiers/service.ts";
import { recordOfficeEvent } from "../office-events/record-event.ts";
import type { DocumentsDeps } from "./deps.ts";
import { toPortalDocument } from "./document-views.ts";
import {
  keepStoredFile,
  receiveUpload,
  storedFileColumns,
  type WaitingUpload,
} from "./receive-upload.ts";
import {
  type ClientReader,
  countClientDocuments,
  countSuppliedDocuments,
  countUnreadByDossier,
  countUnreadDocuments,
  findClientDocument,
  insertDocument,
  listClientDocuments,
  lockDossier,
  markDocumentRead,
} from "./repository.ts";

export const readerOf = (client: ClientActor): ClientReader => ({
  scope: client.scope,
  accountId: client.account.id,
});

/** Per tab of the dossier: the documents the client sees, and how many this account has not read. */
export async function documentTabCounts(db: Database, client: ClientActor, dossierId: string) {
  const rows = await countClientDocuments(db, readerOf(client), dossierId);
  const of = (category: DocumentCategory) => {
    const row = rows.find((candidate) => candidate.category === category);
    return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
  };
  return {
    correspondence: of("correspondence"),
    documents: of("documents"),
    supplied: of("supplied"),
  };
}

export function unreadByDossier(db: Database, client: ClientActor, dossierIds: string[]) {
  return countUnreadByDossier(db, readerOf(client), dossierIds);
}

/** How many documents this login has not read, over all the client's dossiers (Home). */
export function unreadDocumentsTotal(db: Database, client: ClientActor) {
  return countUnreadDocuments(db, readerOf(client));
}

export async function clientDossierDocuments(
  db: Database,
  client: ClientActor,
  dossierId: string,
  category: DocumentCategory,
): Promise<PortalDocument[]> {
  await requireDossier(db, client.scope, dossierId);
  const rows = await listClientDocuments(db, readerOf(client), dossierId, category);
  return rows.map((row) => toPortalDocument(row.document, row.readAt, row.addedByName));
}

/** The document when the client may see it; not found otherwise, whoever's it is. */
export async function requireClientDocument(db: Database, client: ClientActor, documentId: string) {
  const document = await findClientDocument(db, readerOf(client), documentId);
  if (!document) throw new AppError("not_found");
  return document;
}

export async function markRead(deps: DocumentsDeps, client: ClientActor, documentId: string) {
  const document = await requireClientDocument(deps.db, client, documentId);
  await markDocumentRead(deps.db, document.id, client.account.id, deps.clock.now());
}

/** How many more files the client may supply in the dossier. */
export async function remainingSupplies(
  deps: DocumentsDeps,
  client: ClientActor,
  dossier: DossierRef,
) {
  const supplied = await countSuppliedDocuments(deps.db, client.scope, dossier);
  return Math.max(0, deps.limits.maxFilesPerDossier - supplied);
}

/** The refusal of an upload over the dossier's limit, counted among the refused uploads. */
function refusedForTooManyFiles(deps: DocumentsDeps): AppError {
  const refusal = new AppError("too_many_files");
  deps.uploadRefusals.count(refusal);
  return refusal;
}

/** Refuses a further upload when the client has reached the dossier's limit. */
export async function checkSupplyAllowed(
  deps: DocumentsDeps,
  client: ClientActor,
  dossierId: string,
): Promise<DossierRef> {
  const dossier = await requireDossier(deps.db, client.scope, dossierId);
  if ((await remainingSupplies(deps, client, dossier)) === 0) {
    throw refusedForTooManyFiles(deps);
  }
  return dossier;
}

/**
 * What a client uploads for: "supplied", a document under "Door mij aangeleverd" at once; or
 * "message-attachment", a draft attachment of a message it is writing, which only this login
 * sees until the message is sent (ADR 0012). Both count towards the dossier's limit.
 */
export type SupplyPurpose = "supplied" | "message-attachment";

/**
 * A client's upload becomes a document under "Door mij aangeleverd": visible at once to the
 * office and to the client's own accounts, and already read by the account that sent it. For
 * a message it waits as a draft attachment until the message goes.
 */
export async function supplyDocument(
  deps: DocumentsDeps,
  client: ClientActor,
  dossierId: string,
  upload: WaitingUpload,
  purpose: SupplyPurpose = "supplied",
): Promise<PortalDocument> {
  const published = purpose === "supplied";
  const dossier = await checkSupplyAllowed(deps, client, dossierId);
  const accepted = await receiveUpload(deps, auditActor(client.account), dossierId, upload);
  const document = await keepStoredFile(deps, accepted, () =>
    deps.db.transaction(async (tx) => {
      // Checked again inside the change, in turn: parallel uploads must not pass the limit together.
      await lockDossier(tx, dossier);
      if (
        (await countSuppliedDocuments(tx, client.scope, dossier)) >= deps.limits.maxFilesPerDossier
      ) {
        throw refusedForTooManyFiles(deps);
      }
      const now = deps.clock.now();
      const row = await insertDocument(tx, {
        officeId: client.scope.officeId,
        dossierId,
        category: "supplied",
        title: accepted.fileName,
        ...storedFileColumns(accepted),
        state: published ? "published" : "draft",
        publishedAt: published ? now : null,
        addedByAccountId: client.account.id,
        addedByName: client.account.name,
        addedByKind: "client",
        suppliedByClientId: client.clientId,
        createdAt: now,
      });
      await markDocumentRead(tx, row.id, client.account.id, now);
      await recordAuditEvent(tx, deps.clock, {
        actor: auditActor(client.account),
        action: published ? "document.supplied" : "document.attachment-drafted",
        subject: { type: "document", id: row.id },
        details: { dossierId, scan: accepted.scan.status, size: row.size },
        officeId: client.officeId,
      });
      if (published)
        await recordOfficeEvent(tx, deps.clock, {
          type: "upload.supplied",
          client: client.scope,
          dossierId,
          data: { documentId: row.id },
        });
      return row;
    }),
  );
  return toPortalDocument(document, document.createdAt, client.account.name);
}
