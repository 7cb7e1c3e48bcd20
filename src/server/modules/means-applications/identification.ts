import type {
  IdentificationDetail,
  PlanAppointment,
  RecordIdentification,
} from "#src/contracts/eherkenning/review.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor } from "../accounts/request-actors.ts";
import { dayInTheNetherlands, momentInWords } from "../means/dutch-dates.ts";
import type { ApplicationRow } from "./application-repository.ts";
import type { EherkenningDeps } from "./deps.ts";
import {
  findIdentificationWithApplication,
  type IdentificationRow,
  listOpenIdentifications,
  updateIdentification,
} from "./identification-repository.ts";
import { issueApplication, lockApplicationIn, rejectWithReason } from "./review-decisions.ts";
import { appointmentPlannedMail, mailApplicant } from "./review-mails.ts";
import { identificationSummary } from "./review-queue.ts";

/**
 * The partner's face-to-face identification (EH3, EH4; C5): the agent's work list, planning
 * the appointment, and recording the check of the original ID within the window, after which
 * the means is issued (verified) or the application rejected (failed).
 */

type Agent = Parameters<typeof auditActor>[0];

const LIST_LIMIT = 500;

function listItem(identification: IdentificationRow, application: ApplicationRow) {
  if (!application.level) throw new Error("an identification of an application without a level");
  return {
    ...identificationSummary(identification),
    applicationId: application.id,
    reference: application.reference,
    level: application.level,
    userName: application.userName,
    companyName: application.company?.name ?? null,
  };
}

function detailOf(
  identification: IdentificationRow,
  application: ApplicationRow,
): IdentificationDetail {
  return {
    ...listItem(identification, application),
    userEmail: application.userEmail,
    userMobile: application.userMobile,
    kvkNumber: application.kvkNumber,
    documentType: identification.documentType,
    documentExpiresOn: identification.documentExpiresOn,
    photoMatches: identification.photoMatches,
    placeOfCheck: identification.placeOfCheck,
    notes: identification.notes,
    applicationState: application.state,
  };
}

/** Open identifications, the one due first on top. */
export async function openIdentifications(deps: Pick<EherkenningDeps, "db">) {
  const rows = await listOpenIdentifications(deps.db, LIST_LIMIT);
  return {
    identifications: rows.map((row) => listItem(row.identification, row.application)),
  };
}

export async function identificationDetail(
  deps: Pick<EherkenningDeps, "db">,
  id: string,
): Promise<IdentificationDetail> {
  const found = await findIdentificationWithApplication(deps.db, id);
  if (!found) throw new AppError("not_found");
  return detailOf(found.identification, found.application);
}

/**
 * The identification with its application locked, still waiting for the agent and inside its
 * window: recorded already is a 409 of its own, a closed window another.
 */
async function lockOpenIdentification(
  deps: Pick<EherkenningDeps, "clock">,
  tx: Database,
  id: string,
): Promise<{ identification: IdentificationRow; application: ApplicationRow }> {
  const found = await findIdentificationWithApplication(tx, id);
  if (!found) throw new AppError("not_found");
  const application = await lockApplicationIn(tx, found.application.id, ["identification"]);
  // Read again under the application's lock: a concurrent recording has finished by now.
  const current = await findIdentificationWithApplication(tx, id);
  if (!current) throw new AppError("not_found");
  const { identification } = current;
  if (identification.recordedAt) throw new AppError("identification_recorded");
  if (deps.clock.now() > identification.dueAt) throw new AppError("identification_window_expired");
  return { identification, application };
}

const invalidField = (path: string, code: string, message: string) =>
  new AppError("validation_failed", [{ path: `body.${path}`, code, message }]);

/** "Afspraak plannen": a moment from now until the end of the window, and a place. */
export async function planAppointment(
  deps: EherkenningDeps,
  id: string,
  input: PlanAppointment,
  agent: Agent,
): Promise<IdentificationDetail> {
  await deps.db.transaction(async (tx) => {
    const { identification, application } = await lockOpenIdentification(deps, tx, id);
    const at = new Date(input.appointmentAt);
    if (at < deps.clock.now()) {
      throw invalidField("appointmentAt", "in_past", "The appointment lies in the past");
    }
    if (at > identification.dueAt) {
      throw invalidField("appointmentAt", "after_due", "The appointment lies after the window");
    }
    await updateIdentification(tx, id, {
      appointmentAt: at,
      appointmentPlace: input.place,
      agentAccountId: agent.id,
    });
    await mailApplicant(deps, tx, application, appointmentPlannedMail, {
      partnerName: deps.partnerName,
      when: momentInWords(at, application.locale),
      place: input.place,
    });
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(agent),
      action: "identification.appointment-planned",
      subject: { type: "identification", id },
      details: { applicationId: application.id, appointmentAt: at.toISOString() },
    });
  });
  return identificationDetail(deps, id);
}

const failedReason: Record<Locale, (partner: string) => string> = {
  nl: (partner) =>
    `De identificatie met uw originele legitimatiebewijs door ${partner} is niet geslaagd.`,
  en: (partner) =>
    `The identification with your original identity document by ${partner} did not succeed.`,
};

/**
 * Records the check of the original ID, within the window only. The document's number is
 * sealed at rest. "Verified" issues the means in the same transaction; "failed" rejects the
 * application, telling the user by mail. A verified check needs a document still valid and a
 * photo that matches.
 */
export async function recordIdentification(
  deps: EherkenningDeps,
  id: string,
  input: RecordIdentification,
  agent: Agent,
): Promise<IdentificationDetail> {
  await deps.db.transaction(async (tx) => {
    const { application } = await lockOpenIdentification(deps, tx, id);
    const now = deps.clock.now();
    if (input.outcome === "verified") {
      if (input.documentExpiresOn < dayInTheNetherlands(now)) {
        throw invalidField("documentExpiresOn", "expired", "The document has expired");
      }
      if (!input.photoMatches) {
        throw invalidField("photoMatches", "no_match", "A verified check needs a matching photo");
      }
    }
    await updateIdentification(tx, id, {
      recordedAt: now,
      agentAccountId: agent.id,
      documentType: input.documentType,
      documentNumberSealed: deps.secrets.seal(input.documentNumber),
      documentExpiresOn: input.documentExpiresOn,
      photoMatches: input.photoMatches,
      placeOfCheck: input.placeOfCheck,
      outcome: input.outcome,
      notes: input.notes || null,
    });
    const actor = auditActor(agent);
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "identification.recorded",
      subject: { type: "identification", id },
      details: { applicationId: application.id, outcome: input.outcome },
    });
    if (input.outcome === "verified") {
      await issueApplication(deps, tx, application, actor);
    } else {
      const reason = failedReason[application.locale](deps.partnerName);
      await rejectWithReason(deps, tx, application, reason, actor, null);
    }
  });
  return identificationDetail(deps, id);
}
