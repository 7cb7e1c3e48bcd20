import { and, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import { type Clock, DAY } from "../clock.ts";
import type { Database } from "../db/database.ts";
import type { JobRunner } from "./job-runner.ts";
import { defineJobType } from "./job-type.ts";
import { jobs } from "./schema.ts";

/** Completed jobs are kept a week (to see what ran), failed ones a month (to investigate). */
const KEEP_COMPLETED = 7 * DAY;
const KEEP_FAILED = 30 * DAY;

const purgeFinishedJobsJob = defineJobType({
  name: "jobs.purge-finished",
  payload: z.object({}),
  maxAttempts: 3,
});

/** Deletes finished jobs past their keeping time; returns how many. */
export async function purgeFinishedJobs(db: Database, clock: Clock): Promise<number> {
  const now = clock.now().getTime();
  const purged = await db
    .delete(jobs)
    .where(
      or(
        and(eq(jobs.state, "completed"), lt(jobs.finishedAt, new Date(now - KEEP_COMPLETED))),
        and(eq(jobs.state, "failed"), lt(jobs.finishedAt, new Date(now - KEEP_FAILED))),
      ),
    )
    .returning({ id: jobs.id });
  return purged.length;
}

/** Every night, so the jobs table holds recent history only. */
export async function scheduleFinishedJobsPurge(runner: JobRunner, clock: Clock): Promise<void> {
  runner.handle(purgeFinishedJobsJob, async (_payload, { db }) => {
    await purgeFinishedJobs(db, clock);
  });
  await runner.schedule("purge-finished-jobs", "30 3 * * *", purgeFinishedJobsJob, {});
}
