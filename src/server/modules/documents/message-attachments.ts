import { z } from "zod";
import type { PortalDocument } from "#src/contracts/dossiers.ts";
import type { InScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { BlobStore } from "#src/server/platform/blobs/blob-store.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { auditActor, type ClientActor, type StaffActor } from "../accounts/request-actors.ts";
import { type DossierRef, requireDossier } from "../dossiers/service.ts";
import {
  deleteClientDraftAttachment,
  deleteOfficeDraftAttachment,
  listClientDraftAttachments,
  lockClientDraftAttachments,
  lockOfficeAttachments,
  publishDraftAttachments,
  unscopedDeleteStaleDraftAttachments,
} from "./attachment-repository.ts";
import { readerOf } from "./client-documents.ts";
import type { DocumentsDeps } from "./deps.ts";
import { toPortalDocument } from "./document-views.ts";
import { type DocumentRow, updateDocumentTitle } from "./repository.ts";

/**
 * The files of a message (ADR 0012) are documents of its dossier. A client uploads each with
 * tus for a message still to be written (`supplyDocument` with purpose "message-attachment"):
 * a supplied document in state "draft", seen only by that login, removable until it is sent.
 * The office attaches documents the dossier holds, or uploads new ones with category "message"
 * (drafts too). Sending the message publishes the drafts: a client's then show under "Door mij
 * aangeleverd"; the office's are seen by the clients only through the message. Drafts nobody
 * sent go after a day.
 */

/** An unsent draft attachment is swept when it is older than this. */
export const DRAFT_ATTACHMENT_MAX_AGE_MS = 24 * 60 * 60_000;

/** The login's own draft attachments in the dossier: the files of the message it is writing. */
export async function clientDraftAttachments(
  db: Database,
  client: ClientActor,
  dossierId: string,
): Promise<PortalDocument[]> {
  const dossier = await requireDossier(db, client.scope, dossierId);
  const rows = await listClientDraftAttachments(db, readerOf(client), dossier);
  return rows.map((row) => toPortalDocument(row, row.createdAt, client.account.name));
}

/** A 400 that names each attachment the message cannot take, by its place in the list. */
function unknownAttachments(documentIds: readonly string[], found: readonly { id: string }[]) {
  const known = new Set(found.map((row) => row.id));
  return new AppError(
    "unknown_attachment",
    documentIds.flatMap((id, index) =>
      known.has(id)
        ? []
        : [{ path: `body.attachmentIds.${index}`, code: "unknown", message: "unknown attachment" }],
    ),
  );
}

/** In the order the sender listed them, once each. */
function inListedOrder<Row extends { id: string }>(
  documentIds: readonly string[],
  rows: readonly Row[],
): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return [...new Set(documentIds)].flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/**
 * Publishes the client login's draft attachments for the message it is sending, in the
 * message's transaction: each now a supplied document of the dossier. Refuses any id that is
 * not such a draft of this login in this dossier (another's, sent already, removed, swept).
 */
export async function takeClientAttachments(
  tx: Database,
  clock: Clock,
  client: ClientActor,
  dossier: DossierRef,
  documentIds: readonly string[],
): Promise<InScope<DocumentRow>[]> {
  if (documentIds.length === 0) return [];
  const locked = await lockClientDraftAttachments(tx, readerOf(client), dossier, documentIds);
  const rows = inListedOrder(documentIds, locked);
  if (rows.length !== new Set(documentIds).size) throw unknownAttachments(documentIds, locked);
  const now = clock.now();
  await publishDraftAttachments(tx, rows, now);
  for (const row of rows) {
    await recordAuditEvent(tx, clock, {
      actor: auditActor(client.account),
      action: "document.supplied",
      subject: { type: "document", id: row.id },
      details: { dossierId: dossier.id, scan: row.scanStatus, size: row.size, message: true },
      officeId: client.officeId,
    });
  }
  return rows.map((row) => ({ ...row, state: "published", publishedAt: now }));
}

/**
 * A file the login uploaded as a draft (as for a message) that answers something else: an
 * upload request's item or a questionnaire's file question. In the caller's transaction it
 * becomes a supplied document named after what it answers.
 */
export async function takeClientDraft(
  tx: Database,
  clock: Clock,
  client: ClientActor,
  dossier: DossierRef,
  documentId: string,
  title: string,
): Promise<DocumentRow> {
  const [row] = await takeClientAttachments(tx, clock, client, dossier, [documentId]);
  if (!row) throw new Error("a taken draft that is not there");
  await updateDocumentTitle(tx, row, title);
  return { ...row, title };
}

/**
 * The office's attachments for the message it is sending, in the message's transaction: any
 * document of the dossier (a client's draft is not the office's); its own drafts of category
 * "message" are published with the message.
 */
export async function takeOfficeAttachments(
  tx: Database,
  clock: Clock,
  staff: StaffActor,
  dossier: DossierRef,
  documentIds: readonly string[],
): Promise<DocumentRow[]> {
  if (documentIds.length === 0) return [];
  const locked = await lockOfficeAttachments(tx, staff.scope, dossier, documentIds);
  const rows = inListedOrder(documentIds, locked);
  if (rows.length !== new Set(documentIds).size) throw unknownAttachments(documentIds, locked);
  const now = clock.now();
  const drafts = rows.filter((row) => row.category === "message" && row.state === "draft");
  await publishDraftAttachments(tx, drafts, now);
  return rows.map((row) =>
    drafts.includes(row) ? { ...row, state: "published", publishedAt: now } : row,
  );
}

/**
 * Deletes the row in its change, audited, and its content once that change has committed: a
 * failed delete of the content leaves only unreachable bytes, never a row without them.
 */
async function removeDraft(
  deps: Pick<DocumentsDeps, "db" | "clock" | "blobs">,
  actor: { account: ClientActor["account"] },
  remove: (tx: Database) => Promise<{ id: string; dossierId: string; blobKey: string } | undefined>,
): Promise<void> {
  const removed = await deps.db.transaction(async (tx) => {
    const row = await remove(tx);
    if (!row) throw new AppError("not_found");
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(actor.account),
      action: "document.attachment-removed",
      subject: { type: "document", id: row.id },
      details: { dossierId: row.dossierId },
    });
    return row;
  });
  await deps.blobs.delete(removed.blobKey);
}

/** The client removes a file from the message it is writing ("prullenbak"); only its own draft. */
export function removeClientDraftAttachment(
  deps: DocumentsDeps,
  client: ClientActor,
  documentId: string,
): Promise<void> {
  return removeDraft(deps, client, (tx) =>
    deleteClientDraftAttachment(tx, readerOf(client), documentId),
  );
}

/** Staff remove a new file from a message not yet sent; sent or other documents stay. */
export function removeOfficeDraftAttachment(
  deps: DocumentsDeps,
  staff: StaffActor,
  documentId: string,
): Promise<void> {
  return removeDraft(deps, staff, (tx) => deleteOfficeDraftAttachment(tx, staff.scope, documentId));
}

/** Deletes the draft attachments older than a day, rows and content; returns how many went. */
export async function sweepDraftAttachments(
  deps: { db: Database; clock: Clock; blobs: BlobStore },
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - DRAFT_ATTACHMENT_MAX_AGE_MS);
  const swept = await deps.db.transaction(async (tx) => {
    const rows = await unscopedDeleteStaleDraftAttachments(tx, before);
    for (const row of rows) {
      await recordAuditEvent(tx, deps.clock, {
        actor: { type: "system" },
        action: "document.attachment-swept",
        subject: { type: "document", id: row.id },
        details: { dossierId: row.dossierId, officeId: row.officeId, category: row.category },
      });
    }
    return rows;
  });
  for (const row of swept) await deps.blobs.delete(row.blobKey);
  return swept.length;
}

const sweepDraftAttachmentsJob = defineJobType({
  name: "documents.sweep-draft-attachments",
  payload: z.object({}),
  maxAttempts: 3,
});

/** Every night, the attachments of messages that were never sent, after a day. */
export async function scheduleDraftAttachmentsSweep(
  runner: JobRunner,
  deps: { db: Database; clock: Clock; blobs: BlobStore },
): Promise<void> {
  runner.handle(sweepDraftAttachmentsJob, async () => {
    await sweepDraftAttachments(deps, deps.clock.now());
  });
  await runner.schedule("sweep-draft-attachments", "30 4 * * *", sweepDraftAttachmentsJob, {});
}
