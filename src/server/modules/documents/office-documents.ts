import type { OfficeDocument } from "#src/contracts/dossiers.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor, type StaffActor } from "../accounts/request-actors.ts";
import type { DossierRef } from "../dossiers/service.ts";
import { notifyDossierClients } from "../notifications/service.ts";
import type { DocumentsDeps } from "./deps.ts";
import { toOfficeDocument } from "./document-views.ts";
import {
  keepStoredFile,
  receiveUpload,
  storedFileColumns,
  type WaitingUpload,
} from "./receive-upload.ts";
import {
  type DocumentRow,
  findOfficeDocument,
  insertDocument,
  listDossierDocuments,
  updateDocumentState,
} from "./repository.ts";

/** Every document of the office's dossier: drafts, published, withdrawn and supplied. */
export async function listOfficeDossierDocuments(
  db: Database,
  dossier: DossierRef,
): Promise<OfficeDocument[]> {
  const rows = await listDossierDocuments(db, dossier);
  return rows.map((row) =>
    toOfficeDocument(row.document, { name: row.addedByName, kind: row.addedByKind }),
  );
}

/**
 * A staff member adds a letter or document to a dossier, published at once or as a draft. The
 * dossier was looked up in the staff member's scope before the upload was accepted, so a wrong
 * dossier never costs a stored body; the waiting upload is discarded whatever happens here.
 * A file for a message ("message") stays a draft until the message is sent (ADR 0012).
 */
export async function addOfficeDocument(
  deps: DocumentsDeps,
  staff: StaffActor,
  dossier: DossierRef,
  input: {
    category: "correspondence" | "documents" | "message";
    title: string;
    publish: boolean;
  },
  upload: WaitingUpload,
): Promise<OfficeDocument> {
  const fields = { ...input, publish: input.publish && input.category !== "message" };
  const dossierId = dossier.id;
  const accepted = await receiveUpload(deps, auditActor(staff.account), dossierId, upload);
  const document = await keepStoredFile(deps, accepted, () =>
    deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const row = await insertDocument(tx, {
        officeId: staff.scope.officeId,
        dossierId,
        category: fields.category,
        title: fields.title,
        ...storedFileColumns(accepted),
        state: fields.publish ? "published" : "draft",
        publishedAt: fields.publish ? now : null,
        addedByAccountId: staff.account.id,
        addedByName: staff.account.name,
        addedByKind: "staff",
        createdAt: now,
      });
      await recordAuditEvent(tx, deps.clock, {
        actor: auditActor(staff.account),
        action: fields.publish
          ? "document.published"
          : fields.category === "message"
            ? "document.attachment-drafted"
            : "document.drafted",
        subject: { type: "document", id: row.id },
        details: { dossierId, category: fields.category, scan: accepted.scan.status },
        officeId: staff.officeId,
      });
      if (fields.publish) {
        await notifyDossierClients(tx, deps.clock, { dossierId, kind: "documents" });
      }
      return row;
    }),
  );
  return toOfficeDocument(document, { name: staff.account.name, kind: "staff" });
}

/** The office's document with who added it, or not found (also for another office's). */
export async function requireOfficeDocument(db: Database, staff: StaffActor, documentId: string) {
  const found = await findOfficeDocument(db, staff.scope, documentId);
  if (!found) throw new AppError("not_found");
  return found;
}

const viewOf = (
  found: NonNullable<Awaited<ReturnType<typeof findOfficeDocument>>>,
  document: DocumentRow | undefined,
) =>
  toOfficeDocument(document ?? found.document, {
    name: found.addedByName,
    kind: found.addedByKind,
  });

/**
 * Puts a document of the office in the portal ("published": a draft, or a withdrawn one again,
 * which announces it to the clients) or takes it out ("unpublished": the office keeps it).
 * Supplied documents are the clients', not the office's to publish; asking for the state a
 * document already has changes nothing.
 */
export async function setPublication(
  deps: DocumentsDeps,
  staff: StaffActor,
  documentId: string,
  state: "published" | "unpublished",
): Promise<OfficeDocument> {
  return deps.db.transaction(async (tx) => {
    const found = await requireOfficeDocument(tx, staff, documentId);
    const { document } = found;
    // Nor is a message's attachment: it reaches the clients with its message, or not at all.
    if (document.category === "supplied" || document.category === "message") {
      throw new AppError("conflict");
    }
    const isPublished = document.state === "published";
    if (isPublished === (state === "published")) return viewOf(found, document);
    const updated = await updateDocumentState(
      tx,
      found,
      state === "published" ? { state, publishedAt: deps.clock.now() } : { state },
    );
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: `document.${state}`,
      subject: { type: "document", id: documentId },
      details: { dossierId: document.dossierId },
      officeId: staff.officeId,
    });
    if (state === "published") {
      await notifyDossierClients(tx, deps.clock, {
        dossierId: document.dossierId,
        kind: "documents",
      });
    }
    return viewOf(found, updated);
  });
}
