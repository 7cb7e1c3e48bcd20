import type { Readable } from "node:stream";
import type {
  IdentificationSummary,
  QueueState,
  ReviewApplication,
  ReviewQueueItem,
} from "#src/contracts/eherkenning/review.ts";
import { type Checklist, evaluateChecklist } from "#src/contracts/eherkenning/review-checklist.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import { BlobNotFoundError } from "#src/server/platform/blobs/blob-store.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { dayInTheNetherlands } from "../means/dutch-dates.ts";
import {
  type ApplicationRow,
  findApplicationById,
  listApplicationsInState,
} from "./application-repository.ts";
import { applicantContacts } from "./application-view.ts";
import { type AttachmentRow, findAttachment, listAttachments } from "./attachment-repository.ts";
import type { EherkenningDeps } from "./deps.ts";
import {
  findIdentificationOfApplication,
  type IdentificationRow,
} from "./identification-repository.ts";
import { describeScopeTargets } from "./scope-repository.ts";
import { listSigners, type SignerRow } from "./signer-repository.ts";

/** The queue shows this many per state; older ones come as the first are handled. */
const QUEUE_LIMIT = 500;

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** The review queue (C5): applications in one state, oldest first. */
export async function reviewQueue(
  deps: Pick<EherkenningDeps, "db">,
  state: QueueState,
): Promise<{ applications: ReviewQueueItem[] }> {
  const rows = await listApplicationsInState(deps.db, state, QUEUE_LIMIT);
  return {
    applications: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      state,
      companyName: row.company?.name ?? null,
      kvkNumber: row.kvkNumber,
      level: row.level,
      userName: row.userName,
      submittedAt: iso(row.submittedAt),
    })),
  };
}

/** An application and its parts, as the review reads them. */
export interface ApplicationParts {
  application: ApplicationRow;
  signers: SignerRow[];
  attachments: AttachmentRow[];
  identification: IdentificationRow | undefined;
  scopeNames: string[];
  scopeAvailable: boolean;
}

export async function readApplicationParts(
  db: Database,
  application: ApplicationRow,
  locale: Locale,
): Promise<ApplicationParts> {
  const [signers, attachments, identification, targets] = await Promise.all([
    listSigners(db, application.id),
    listAttachments(db, application.id),
    findIdentificationOfApplication(db, application.id),
    application.scope && application.scope.kind !== "all"
      ? describeScopeTargets(db, application.scope, locale)
      : Promise.resolve({ names: [], available: true }),
  ]);
  return {
    application,
    signers,
    attachments,
    identification,
    scopeNames: targets.names,
    scopeAvailable: targets.available,
  };
}

/** The checklist as it stands today, from the stored application. */
export function checklistOf(parts: ApplicationParts, now: Date): Checklist {
  const { application } = parts;
  return evaluateChecklist({
    level: application.level,
    scope: application.scope,
    scopeAvailable: parts.scopeAvailable,
    userName: application.userName,
    userEmailVerified: Boolean(application.userEmail && application.userEmailVerifiedAt),
    userMobileVerified: Boolean(application.userMobile && application.userMobileVerifiedAt),
    company: application.company,
    userWorksForCompany: application.userWorksForCompany,
    attachments: parts.attachments.map((attachment) => ({
      purpose: attachment.purpose,
      representativeId: attachment.representativeId,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      size: attachment.size,
      expiresOn: attachment.expiresOn,
    })),
    signers: parts.signers.map((signer) => ({
      representativeId: signer.representativeId,
      signed: signer.signedAt !== null,
      replaced: signer.replacedAt !== null,
      declined: signer.declinedAt !== null,
    })),
    today: dayInTheNetherlands(now),
  });
}

export function identificationSummary(row: IdentificationRow): IdentificationSummary {
  return {
    id: row.id,
    invitedAt: row.invitedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    appointmentAt: iso(row.appointmentAt),
    appointmentPlace: row.appointmentPlace,
    recordedAt: iso(row.recordedAt),
    outcome: row.outcome,
  };
}

export function describeApplication(parts: ApplicationParts, now: Date): ReviewApplication {
  const { application } = parts;
  return {
    id: application.id,
    reference: application.reference,
    state: application.state,
    level: application.level,
    scope: application.scope ? { scope: application.scope, names: parts.scopeNames } : null,
    user: {
      ...applicantContacts(application),
      worksForCompany: application.userWorksForCompany,
    },
    company: application.company,
    branchNumber: application.branchNumber,
    signers: parts.signers.map((signer) => ({
      id: signer.id,
      representativeId: signer.representativeId,
      name: signer.name,
      authority: signer.authority,
      signedAt: iso(signer.signedAt),
      declinedAt: iso(signer.declinedAt),
      declineReason: signer.declineReason,
      replacedAt: iso(signer.replacedAt),
    })),
    attachments: parts.attachments.map((attachment) => ({
      id: attachment.id,
      purpose: attachment.purpose,
      representativeId: attachment.representativeId,
      documentType: attachment.documentType,
      expiresOn: attachment.expiresOn,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      size: attachment.size,
    })),
    checklist: checklistOf(parts, now),
    submittedAt: iso(application.submittedAt),
    signedAt: iso(application.signedAt),
    reviewedAt: iso(application.reviewedAt),
    rejectionReason: application.rejectionReason,
    issuedAt: iso(application.issuedAt),
    erasedAt: iso(application.erasedAt),
    identification: parts.identification ? identificationSummary(parts.identification) : null,
  };
}

/** A submitted application; a draft is the applicant's own until submitted, so not found. */
export async function submittedApplication(db: Database, id: string): Promise<ApplicationRow> {
  const application = await findApplicationById(db, id);
  if (!application || application.state === "draft") throw new AppError("not_found");
  return application;
}

/** One application for the reviewer: its data, parts and checklist. */
export async function reviewApplication(
  deps: Pick<EherkenningDeps, "db" | "clock">,
  id: string,
  locale: Locale,
): Promise<ReviewApplication> {
  const application = await submittedApplication(deps.db, id);
  return describeApplication(
    await readApplicationParts(deps.db, application, locale),
    deps.clock.now(),
  );
}

/**
 * An ID copy to view or download, audited as read by the reviewer. Gone after the erasure of
 * the application's personal data: not found.
 */
export async function openAttachment(
  deps: Pick<EherkenningDeps, "db" | "clock" | "blobs">,
  applicationId: string,
  attachmentId: string,
  reader: { actor: AuditEvent["actor"]; ip: string },
): Promise<{ attachment: AttachmentRow; content: Readable }> {
  await submittedApplication(deps.db, applicationId);
  const attachment = await findAttachment(deps.db, applicationId, attachmentId);
  if (!attachment) throw new AppError("not_found");
  const content = await deps.blobs.get(attachment.blobKey).catch((error: unknown) => {
    // A copy gone from the store (erased meanwhile) is no server failure: it is not there.
    if (error instanceof BlobNotFoundError) throw new AppError("not_found");
    throw error;
  });
  await recordAuditEvent(deps.db, deps.clock, {
    actor: reader.actor,
    action: "means-application.attachment-viewed",
    subject: { type: "means-application", id: applicationId },
    ip: reader.ip,
    details: { attachmentId },
  });
  return { attachment, content };
}
