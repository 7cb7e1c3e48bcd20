import { validLongEnough } from "#src/contracts/eherkenning/application-rules.ts";
import type {
  ApplicationAttachment,
  ApplicationView,
  IdCopyFields,
} from "#src/contracts/eherkenning/wizard.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { detectAllowedType } from "#src/server/platform/files/content-type.ts";
import { type AcceptedFile, acceptFile, InfectedFileError } from "../documents/file-intake.ts";
import { discardWaitingUpload, type WaitingUpload } from "../documents/receive-upload.ts";
import { applicantActor, changeApplication, dutchToday } from "./applicant-access.ts";
import { applicationLimits, limitAttempt } from "./application-limits.ts";
import type { ApplicationRow } from "./application-repository.ts";
import type { ApplicantRequest } from "./application-steps.ts";
import { attachmentView, savedView } from "./application-view.ts";
import { deleteAttachment, insertAttachment } from "./attachment-repository.ts";
import type { EherkenningDeps } from "./deps.ts";

/**
 * What an ID copy may be: a scan or a photo. The general upload allow-list also takes office
 * documents, which are never a copy of a passport.
 */
const ID_COPY_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"]);

/** Before any byte is stored: the document must be valid one more month, the type a scan's. */
async function refuseUnfitCopy(
  deps: EherkenningDeps,
  fields: IdCopyFields,
  upload: WaitingUpload,
): Promise<void> {
  if (!validLongEnough(fields.expiresOn, dutchToday(deps.clock.now()))) {
    throw new AppError("id_document_expires_too_soon", [
      { path: "body.expiresOn", code: "id_document_expires_too_soon", message: "too soon" },
    ]);
  }
  const type = await detectAllowedType(await upload.open(), upload.declaredName);
  if (!type || !ID_COPY_TYPES.has(type.mime)) throw new AppError("file_type_not_allowed");
}

/**
 * The upload checks every file in Poort passes (size, type by content, virus scan, through
 * documents' intake), with this wizard's own rules first. A refusal is audited on its own.
 */
async function checkCopy(
  deps: EherkenningDeps,
  application: ApplicationRow,
  fields: IdCopyFields,
  upload: WaitingUpload,
  request: ApplicantRequest,
): Promise<AcceptedFile> {
  try {
    await refuseUnfitCopy(deps, fields, upload);
    return await acceptFile(
      { blobs: deps.blobs, scanner: deps.scanner, maxFileBytes: deps.maxFileBytes },
      upload,
    );
  } catch (error) {
    deps.uploadRefusals.count(error);
    if (error instanceof AppError) {
      await recordAuditEvent(deps.db, deps.clock, {
        actor: applicantActor(application),
        action: "application.attachment-refused",
        subject: { type: "means-application", id: application.id },
        ip: request.ip,
        details: {
          reason: error.code,
          ...(error instanceof InfectedFileError ? { signature: error.signature } : {}),
        },
      });
    }
    throw error;
  } finally {
    await discardWaitingUpload(upload);
  }
}

/** Step 3: a copy of the user's ID, with the document's type and expiry beside it. */
export async function addIdCopy(
  deps: EherkenningDeps,
  application: ApplicationRow,
  fields: IdCopyFields,
  upload: WaitingUpload,
  request: ApplicantRequest,
): Promise<ApplicationAttachment> {
  if (application.state !== "draft") {
    await discardWaitingUpload(upload);
    throw new AppError("application_state");
  }
  await limitAttempt(
    deps,
    `upload:${application.id}`,
    applicationLimits.uploadsPerApplication,
  ).catch(async (error: unknown) => {
    await discardWaitingUpload(upload);
    throw error;
  });
  const accepted = await checkCopy(deps, application, fields, upload, request);
  try {
    const attachment = await changeApplication(deps, application.id, ["draft"], async (tx) => {
      const row = await insertAttachment(tx, {
        applicationId: application.id,
        purpose: "user-id",
        documentType: fields.documentType,
        expiresOn: fields.expiresOn,
        fileName: accepted.fileName,
        contentType: accepted.contentType,
        size: accepted.blob.size,
        sha256: accepted.blob.sha256,
        blobKey: accepted.blob.key,
        createdAt: deps.clock.now(),
      });
      await recordAuditEvent(tx, deps.clock, {
        actor: applicantActor(application),
        action: "application.attachment-added",
        subject: { type: "means-application", id: application.id },
        ip: request.ip,
        details: { attachmentId: row.id, documentType: fields.documentType, size: row.size },
      });
      return row;
    });
    return attachmentView(attachment);
  } catch (error) {
    // Nothing points at the stored copy: it goes, rather than wait for anyone to find it.
    await deps.blobs.delete(accepted.blob.key);
    throw error;
  }
}

/** Step 3: an attachment taken off again, while the application is a draft. */
export async function removeAttachment(
  deps: EherkenningDeps,
  application: ApplicationRow,
  attachmentId: string,
  request: ApplicantRequest,
): Promise<ApplicationView> {
  const { view, blobKey } = await changeApplication(
    deps,
    application.id,
    ["draft"],
    async (tx, draft) => {
      const removed = await deleteAttachment(tx, draft.id, attachmentId);
      if (!removed) throw new AppError("not_found");
      await recordAuditEvent(tx, deps.clock, {
        actor: applicantActor(draft),
        action: "application.attachment-removed",
        subject: { type: "means-application", id: draft.id },
        ip: request.ip,
        details: { attachmentId },
      });
      return {
        view: await savedView(deps, tx, draft.id, request.locale),
        blobKey: removed.blobKey,
      };
    },
  );
  // After the commit: a copy deleted before it could be a copy the application still names.
  await deps.blobs.delete(blobKey);
  return view;
}
