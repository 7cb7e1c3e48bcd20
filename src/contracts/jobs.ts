import { z } from "zod";

/** One run of a job: how it ended, or that it waits for a retry (queued again). */
export const jobRunSchema = z.object({
  jobId: z.uuid(),
  state: z.enum(["queued", "active", "completed", "failed"]),
  attempts: z.number().int(),
  enqueuedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** The error of the last failed attempt. */
  error: z.string().nullable(),
});

/** A recurring job (cron in Dutch local time) with its next run and its latest. */
export const scheduledJobSchema = z.object({
  name: z.string(),
  cron: z.string(),
  timezone: z.string(),
  jobName: z.string(),
  nextRunAt: z.iso.datetime(),
  /** Null when none is known: finished jobs are purged after a week (failed: a month). */
  lastRun: jobRunSchema.nullable(),
});

export const jobsOverviewSchema = z.object({
  /** Poort's clock, which the development clock may have moved ahead. */
  now: z.iso.datetime(),
  schedules: z.array(scheduledJobSchema),
  /** Every job name this Poort has a handler for, scheduled or enqueued by its modules. */
  handledJobs: z.array(z.string()),
});

export const scheduleNameParamsSchema = z.object({ name: z.string().regex(/^[a-z0-9-]{1,100}$/) });

export type JobRun = z.infer<typeof jobRunSchema>;
export type ScheduledJob = z.infer<typeof scheduledJobSchema>;
export type JobsOverview = z.infer<typeof jobsOverviewSchema>;
