import { z } from "zod";
import { MINUTE } from "#src/server/platform/clock.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { type AccountRetentionDeps, runAccountRetention } from "./account-retention.ts";
import { type DossierRetentionDeps, runDossierRetention } from "./dossier-retention.ts";

const dossierRetentionJob = defineJobType({
  name: "retention.dossiers",
  payload: z.object({}),
  maxAttempts: 3,
  lockMs: 30 * MINUTE,
});

const accountRetentionJob = defineJobType({
  name: "retention.accounts",
  payload: z.object({}),
  maxAttempts: 3,
  lockMs: 30 * MINUTE,
});

/**
 * Every night (ADR 0023): closed dossiers told and, on their day, removed with their files; then
 * client logins without dossiers told, deactivated and deleted. Each round is idempotent, so a
 * rerun or a retry after a crash only finishes what was left.
 */
export async function scheduleRetention(
  runner: JobRunner,
  deps: DossierRetentionDeps & AccountRetentionDeps,
): Promise<void> {
  runner.handle(dossierRetentionJob, async () => {
    await runDossierRetention(deps);
  });
  runner.handle(accountRetentionJob, async () => {
    await runAccountRetention(deps);
  });
  await runner.schedule("retention-dossiers", "10 1 * * *", dossierRetentionJob, {});
  // After the dossiers' round, so a login whose last dossier left that night counts from then.
  await runner.schedule("retention-accounts", "40 1 * * *", accountRetentionJob, {});
}
