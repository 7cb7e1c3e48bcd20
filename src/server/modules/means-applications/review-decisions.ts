import { levelFacts } from "#src/contracts/eherkenning/levels.ts";
import type { ReviewApplication } from "#src/contracts/eherkenning/review.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import { DAY } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor } from "../accounts/request-actors.ts";
import { applyUrl } from "../means/deps.ts";
import { dayInWords } from "../means/dutch-dates.ts";
import { issueMeans } from "../means/issue-means.ts";
import {
  type ApplicationRow,
  lockApplication,
  updateApplication,
} from "./application-repository.ts";
import type { EherkenningDeps } from "./deps.ts";
import { insertIdentification } from "./identification-repository.ts";
import {
  applicationRejectedMail,
  identificationInvitedMail,
  mailApplicant,
} from "./review-mails.ts";
import { checklistOf, readApplicationParts, reviewApplication } from "./review-queue.ts";

type Reviewer = Parameters<typeof auditActor>[0];

/**
 * The application under its lock, in one of the states the change is allowed from; a draft is
 * not found (the applicant's own), any other state a 409 that says so.
 */
export async function lockApplicationIn(
  tx: Database,
  id: string,
  states: readonly ApplicationRow["state"][],
): Promise<ApplicationRow> {
  const application = await lockApplication(tx, id);
  if (!application || application.state === "draft") throw new AppError("not_found");
  if (!states.includes(application.state)) throw new AppError("application_state");
  return application;
}

/**
 * Issues the means for an application whose review (and identification, where needed) is
 * complete, and marks it issued, in the caller's transaction.
 */
export async function issueApplication(
  deps: EherkenningDeps,
  tx: Database,
  application: ApplicationRow,
  actor: AuditEvent["actor"],
): Promise<void> {
  const { level, scope, company, userEmail, userName } = application;
  // The checklist guarantees these before an approval; a row without them cannot be issued.
  if (!level || !scope || !company || !userEmail || !userName) {
    throw new AppError("checklist_not_met");
  }
  const now = deps.clock.now();
  const { meansId } = await issueMeans(
    deps,
    tx,
    {
      applicationId: application.id,
      person: {
        email: userEmail,
        name: userName,
        mobile: application.userMobile,
        locale: application.locale,
      },
      level,
      scope,
      company: { kvkNumber: company.kvkNumber, name: company.name, rsin: company.rsin },
      branchNumber: application.branchNumber,
    },
    actor,
  );
  await updateApplication(tx, application.id, {
    state: "issued",
    meansId,
    issuedAt: now,
    updatedAt: now,
  });
  await recordAuditEvent(tx, deps.clock, {
    actor,
    action: "means-application.issued",
    subject: { type: "means-application", id: application.id },
    details: { meansId, level },
  });
}

/**
 * "Goedkeuren" (C5): only from the review, only when every item of the checklist is met. EH2+
 * is issued at once; EH3 and EH4 invite the partner's face-to-face identification, which must
 * be recorded within the level's window (30 days from now).
 */
export async function approveApplication(
  deps: EherkenningDeps,
  id: string,
  reviewer: Reviewer,
  locale: Locale,
): Promise<ReviewApplication> {
  await deps.db.transaction(async (tx) => {
    const application = await lockApplicationIn(tx, id, ["review"]);
    const parts = await readApplicationParts(tx, application, application.locale);
    const now = deps.clock.now();
    if (!checklistOf(parts, now).allMet) throw new AppError("checklist_not_met");
    const actor = auditActor(reviewer);
    const level = application.level;
    if (!level) throw new AppError("checklist_not_met");
    await updateApplication(tx, id, { reviewedBy: reviewer.id, reviewedAt: now, updatedAt: now });
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "means-application.approved",
      subject: { type: "means-application", id },
      details: { level },
    });
    if (levelFacts[level].faceToFace === "none") {
      await issueApplication(deps, tx, application, actor);
      return;
    }
    const dueAt = new Date(now.getTime() + levelFacts[level].invitationValidDays * DAY);
    const identification = await insertIdentification(tx, {
      applicationId: id,
      invitedAt: now,
      dueAt,
    });
    await updateApplication(tx, id, { state: "identification", updatedAt: now });
    await mailApplicant(deps, tx, application, identificationInvitedMail, {
      partnerName: deps.partnerName,
      dueOn: dayInWords(dueAt, application.locale),
    });
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "identification.invited",
      subject: { type: "identification", id: identification.id },
      details: { applicationId: id, dueAt: dueAt.toISOString() },
    });
  });
  return reviewApplication(deps, id, locale);
}

/** Rejects the application and mails the user the reason, in the same transaction. */
export async function rejectWithReason(
  deps: EherkenningDeps,
  tx: Database,
  application: ApplicationRow,
  reason: string,
  actor: AuditEvent["actor"],
  reviewerId: string | null,
): Promise<void> {
  const now = deps.clock.now();
  await updateApplication(tx, application.id, {
    state: "rejected",
    rejectionReason: reason,
    reviewedBy: reviewerId,
    reviewedAt: now,
    updatedAt: now,
  });
  await mailApplicant(deps, tx, application, applicationRejectedMail, {
    reason,
    applyUrl: applyUrl(deps),
  });
  await recordAuditEvent(tx, deps.clock, {
    actor,
    action: "means-application.rejected",
    subject: { type: "means-application", id: application.id },
    details: { previousState: application.state },
  });
}

/** "Afwijzen" (C5): while signing or in review, with a reason that is mailed to the user. */
export async function rejectApplication(
  deps: EherkenningDeps,
  id: string,
  reason: string,
  reviewer: Reviewer,
  locale: Locale,
): Promise<ReviewApplication> {
  await deps.db.transaction(async (tx) => {
    const application = await lockApplicationIn(tx, id, ["signing", "review"]);
    await rejectWithReason(deps, tx, application, reason, auditActor(reviewer), reviewer.id);
  });
  return reviewApplication(deps, id, locale);
}
