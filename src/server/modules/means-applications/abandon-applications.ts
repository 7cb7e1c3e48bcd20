import { z } from "zod";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { DAY } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { applyUrl } from "../means/deps.ts";
import {
  type ApplicationRow,
  lockStaleApplications,
  updateApplication,
} from "./application-repository.ts";
import type { EherkenningDeps } from "./deps.ts";
import { eraseExpiredPersonalData } from "./erase-personal-data.ts";
import { lockLapsedIdentifications } from "./identification-repository.ts";
import { applicationLapsedMail, type LapseReason, mailApplicant } from "./review-mails.ts";

/** A draft untouched this long, or a signature not given this long, abandons the application. */
export const ABANDON_AFTER_DAYS = 30;

/** Applications abandoned per transaction: a long backlog goes in short changes. */
const BATCH = 100;

type AbandonDeps = Pick<EherkenningDeps, "db" | "clock" | "mailer" | "publicUrl" | "supplierName">;

async function abandon(
  deps: AbandonDeps,
  tx: Database,
  application: ApplicationRow,
  reason: LapseReason | "draft",
): Promise<void> {
  const now = deps.clock.now();
  await updateApplication(tx, application.id, { state: "abandoned", updatedAt: now });
  // A draft's contacts may never have been verified: only a submitted application is told.
  if (reason !== "draft") {
    await mailApplicant(deps, tx, application, applicationLapsedMail, {
      reason,
      applyUrl: applyUrl(deps),
    });
  }
  await recordAuditEvent(tx, deps.clock, {
    actor: { type: "system" },
    action: "means-application.abandoned",
    subject: { type: "means-application", id: application.id },
    details: { previousState: application.state, reason },
  });
}

/** Runs one kind of round in batches until a batch comes back short; returns how many. */
async function inBatches(db: Database, round: (tx: Database) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction(round);
    total += done;
    if (done < BATCH) return total;
  }
}

/**
 * Marks abandoned: drafts untouched for 30 days, applications still waiting for signatures 30
 * days after submission, and identifications whose window closed unrecorded (the user is
 * mailed). Each application changes under its lock, in its state as found, so a signature or a
 * recording that came first wins. Returns how many were abandoned.
 */
export async function abandonApplications(deps: AbandonDeps): Promise<number> {
  const cutoff = () => new Date(deps.clock.now().getTime() - ABANDON_AFTER_DAYS * DAY);
  let total = 0;
  for (const state of ["draft", "signing"] as const) {
    total += await inBatches(deps.db, async (tx) => {
      const stale = await lockStaleApplications(tx, state, cutoff(), BATCH);
      for (const application of stale) {
        await abandon(deps, tx, application, state === "draft" ? "draft" : "signing");
      }
      return stale.length;
    });
  }
  total += await inBatches(deps.db, async (tx) => {
    const lapsed = await lockLapsedIdentifications(tx, deps.clock.now(), BATCH);
    for (const { application } of lapsed) await abandon(deps, tx, application, "identification");
    return lapsed.length;
  });
  return total;
}

const applicationsUpkeepJob = defineJobType({
  name: "means-applications.upkeep",
  payload: z.object({}),
  maxAttempts: 3,
});

/**
 * Every night: abandon what lapsed, then erase the personal data of rejected and abandoned
 * applications past the retention period (`EH_RETENTION_DAYS`).
 */
export async function scheduleApplicationsUpkeep(
  runner: JobRunner,
  deps: EherkenningDeps,
): Promise<void> {
  runner.handle(applicationsUpkeepJob, async () => {
    await abandonApplications(deps);
    await eraseExpiredPersonalData(deps);
  });
  await runner.schedule("eherkenning-applications-upkeep", "30 3 * * *", applicationsUpkeepJob, {});
}
