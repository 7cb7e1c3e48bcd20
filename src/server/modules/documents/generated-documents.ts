import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { BlobStore, StoredBlob } from "#src/server/platform/blobs/blob-store.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor, type ClientActor } from "../accounts/request-actors.ts";
import type { DossierRef } from "../dossiers/service.ts";
import { insertDocument, markDocumentRead } from "./repository.ts";

/**
 * Files Poort writes itself for a client, such as a completed questionnaire's PDF: they are the
 * client's, under "Door mij aangeleverd", added by the login whose act made them. Poort wrote
 * the bytes, so there is nothing to scan or to check the type of.
 */

/** Stores the content first; the document that points at it follows in the caller's change. */
export function storeGeneratedFile(blobs: BlobStore, content: Buffer): Promise<StoredBlob> {
  return blobs.put(content);
}

/** The supplied document for stored content, inside the caller's transaction. */
export async function fileGeneratedDocument(
  tx: Database,
  clock: Clock,
  client: ClientActor,
  dossier: DossierRef,
  file: { blob: StoredBlob; title: string; fileName: string; contentType: string },
) {
  const now = clock.now();
  const row = await insertDocument(tx, {
    officeId: client.scope.officeId,
    dossierId: dossier.id,
    category: "supplied",
    title: file.title,
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.blob.size,
    sha256: file.blob.sha256,
    blobKey: file.blob.key,
    scanStatus: "not-scanned",
    scanEngine: null,
    state: "published",
    publishedAt: now,
    addedByAccountId: client.account.id,
    addedByName: client.account.name,
    addedByKind: "client",
    suppliedByClientId: client.clientId,
    createdAt: now,
  });
  await markDocumentRead(tx, row.id, client.account.id, now);
  await recordAuditEvent(tx, clock, {
    actor: auditActor(client.account),
    action: "document.generated",
    subject: { type: "document", id: row.id },
    details: { dossierId: dossier.id, size: row.size },
    officeId: client.officeId,
  });
  return row;
}
