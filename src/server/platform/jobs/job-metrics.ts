import { inArray, sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import type { Metrics } from "../metrics/metrics.ts";
import { jobs } from "./schema.ts";

/** How an attempt at a job ended: done, failed with tries left, or failed for good. */
export type JobOutcome = "completed" | "retry" | "failed";

/** The runner's own measurements: each attempt's outcome and duration, per job name. */
export interface JobRunMetrics {
  ended(jobName: string, outcome: JobOutcome, seconds: number): void;
}

export function jobRunMetrics(metrics: Metrics): JobRunMetrics {
  const runs = metrics.counter<"job" | "outcome">({
    name: "poort_job_runs_total",
    help: "Attempts at jobs by this process, by job name and outcome (completed, retry: failed with tries left, failed: for good)",
    labelNames: ["job", "outcome"],
  });
  const durations = metrics.histogram<"job">({
    name: "poort_job_duration_seconds",
    help: "How long an attempt at a job took, in seconds, by job name",
    labelNames: ["job"],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  });
  return {
    ended(job, outcome, seconds) {
      runs.inc({ job, outcome });
      durations.observe({ job }, seconds);
    },
  };
}

/**
 * The queue as the database holds it, shared by every instance, read at scrape time in one
 * query: per job name the jobs due now (waiting for a free runner), those waiting for a later
 * time (scheduled, or a retry's backoff), those running, and how long the oldest due job has
 * waited. A due job that waits long means the runners are stuck or too few. Every job this
 * process handles shows, with 0 when none are queued, so an alert needs no "absent" rule.
 */
export function measureJobQueue(
  metrics: Metrics,
  deps: { db: Database; clock: Clock; handledJobNames: () => string[] },
): void {
  metrics.scrapedGauges(
    {
      depth: {
        name: "poort_job_queue_depth",
        help: "Jobs in the queue, by job name and state (due: may run now; waiting: for a later time; running)",
        labelNames: ["job", "state"],
      },
      oldestDue: {
        name: "poort_job_oldest_due_age_seconds",
        help: "How long the oldest due job of each name has been due, in seconds (0: none due)",
        labelNames: ["job"],
      },
    },
    async ({ depth, oldestDue }) => {
      const now = sql`${deps.clock.now().toISOString()}::timestamptz`;
      const due = sql`${jobs.state} = 'queued' AND ${jobs.runAt} <= ${now}`;
      const rows = await deps.db
        .select({
          job: jobs.name,
          due: sql<number>`count(*) FILTER (WHERE ${due})`.mapWith(Number),
          waiting:
            sql<number>`count(*) FILTER (WHERE ${jobs.state} = 'queued' AND ${jobs.runAt} > ${now})`.mapWith(
              Number,
            ),
          running: sql<number>`count(*) FILTER (WHERE ${jobs.state} = 'active')`.mapWith(Number),
          oldestDueSeconds: sql<
            number | null
          >`extract(epoch FROM ${now} - min(${jobs.runAt}) FILTER (WHERE ${due}))`.mapWith(Number),
        })
        .from(jobs)
        .where(inArray(jobs.state, ["queued", "active"]))
        .groupBy(jobs.name);
      for (const job of deps.handledJobNames()) {
        for (const state of ["due", "waiting", "running"]) depth.set({ job, state }, 0);
        oldestDue.set({ job }, 0);
      }
      for (const row of rows) {
        depth.set({ job: row.job, state: "due" }, row.due);
        depth.set({ job: row.job, state: "waiting" }, row.waiting);
        depth.set({ job: row.job, state: "running" }, row.running);
        oldestDue.set({ job: row.job }, row.oldestDueSeconds ?? 0);
      }
    },
  );
}
