import { desc, like } from "drizzle-orm";
import type { JobRun, JobsOverview } from "#src/contracts/jobs.ts";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import { type JobRecord, type JobRunner, scheduleKeyPrefix } from "./job-runner.ts";
import { jobSchedules, jobs } from "./schema.ts";

/**
 * What an operator asks first about background work: which jobs recur, when each runs next and
 * how its latest run went, and which jobs this Poort can run at all.
 */
export async function describeJobs(deps: {
  db: Database;
  clock: Clock;
  jobs: JobRunner;
}): Promise<JobsOverview> {
  const { db } = deps;
  const schedules = await db.select().from(jobSchedules).orderBy(jobSchedules.name);
  const described = [];
  for (const schedule of schedules) {
    const [latest] = await db
      .select()
      .from(jobs)
      .where(like(jobs.singletonKey, `${scheduleKeyPrefix(schedule.name)}%`))
      .orderBy(desc(jobs.createdAt))
      .limit(1);
    described.push({
      name: schedule.name,
      cron: schedule.cron,
      timezone: schedule.timezone,
      jobName: schedule.jobName,
      nextRunAt: schedule.nextRunAt.toISOString(),
      lastRun: latest ? describeJobRun(latest) : null,
    });
  }
  return {
    now: deps.clock.now().toISOString(),
    schedules: described,
    handledJobs: deps.jobs.handledJobNames,
  };
}

export function describeJobRun(job: JobRecord): JobRun {
  return {
    jobId: job.id,
    state: job.state,
    attempts: job.attempts,
    enqueuedAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    error: job.lastError,
  };
}
