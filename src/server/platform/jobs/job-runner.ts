import { randomUUID } from "node:crypto";
import { CronExpressionParser } from "cron-parser";
import { and, eq, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import type { Metrics } from "../metrics/metrics.ts";
import { enqueueJob } from "./enqueue-job.ts";
import { type JobOutcome, type JobRunMetrics, jobRunMetrics } from "./job-metrics.ts";
import type { JobHandler, JobType } from "./job-type.ts";
import { jobSchedules, jobs } from "./schema.ts";

export interface JobRunnerOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  pollMs: number;
  /**
   * Most jobs this runner runs at once, over all its polling rounds: what a crash of this
   * process can leave half done. A job type may allow fewer of its own (`maxRunningPerWorker`).
   */
  maxRunning?: number;
  /** Where each attempt's outcome and duration are counted; unset: not measured. */
  metrics?: Metrics | undefined;
}

interface Registration {
  type: JobType<unknown>;
  handler: JobHandler<unknown>;
}

export type JobRecord = typeof jobs.$inferSelect;

const MAX_RETRY_DELAY_MS = 60 * 60_000;
const SCHEDULE_TIMEZONE = "Europe/Amsterdam";

/**
 * Runs the durable jobs of the `jobs` table. Any number of runners (processes or hosts) may
 * share one database: a job is claimed with FOR UPDATE SKIP LOCKED, so exactly one runner gets
 * it; a runner that dies mid-job loses its claim when the lock time runs out. Recurring jobs
 * come from `job_schedules`: the runner that advances a schedule (compare-and-set on its next
 * run time) enqueues that occurrence, under a singleton key, so it happens once.
 * Time comes from the injected clock, never from the database, so tests can move it.
 */
export class JobRunner {
  readonly workerId = `worker-${randomUUID()}`;
  readonly #options: Required<Omit<JobRunnerOptions, "metrics">>;
  readonly #measured: JobRunMetrics | undefined;
  readonly #registrations = new Map<string, Registration>();
  readonly #running = new Set<Promise<void>>();
  /** How many jobs of each type run now, held against their `maxRunningPerWorker`. */
  readonly #runningByName = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;
  #stopped = true;

  constructor(options: JobRunnerOptions) {
    const { metrics, ...rest } = options;
    this.#options = { maxRunning: 5, ...rest };
    this.#measured = metrics && jobRunMetrics(metrics);
  }

  handle<Payload>(type: JobType<Payload>, handler: JobHandler<Payload>): void {
    if (this.#registrations.has(type.name)) {
      throw new Error(`A handler for job ${type.name} is already registered`);
    }
    this.#registrations.set(type.name, {
      type: type as JobType<unknown>,
      handler: handler as JobHandler<unknown>,
    });
  }

  /** Creates or updates a recurring job (cron syntax, Dutch local time). */
  async schedule<Payload>(
    name: string,
    cron: string,
    type: JobType<Payload>,
    payload: Payload,
  ): Promise<void> {
    const { db, clock } = this.#options;
    const nextRunAt = nextOccurrence(cron, clock.now());
    const values = {
      name,
      cron,
      timezone: SCHEDULE_TIMEZONE,
      jobName: type.name,
      payload: type.payload.parse(payload),
      nextRunAt,
    };
    // A changed cron expression starts counting afresh; an unchanged one keeps its next run,
    // unless that lies beyond the next occurrence: the clock went back (a development clock
    // that ran ahead), and the schedule would otherwise wait for the time it had reached.
    await db
      .insert(jobSchedules)
      .values(values)
      .onConflictDoUpdate({
        target: jobSchedules.name,
        set: values,
        setWhere: sql`${jobSchedules.cron} <> excluded.cron OR ${jobSchedules.jobName} <> excluded.job_name OR ${jobSchedules.payload} <> excluded.payload OR ${jobSchedules.nextRunAt} > excluded.next_run_at`,
      });
  }

  /** The names of the jobs this runner has handlers for. */
  get handledJobNames(): string[] {
    return [...this.#registrations.keys()].sort();
  }

  /**
   * Runs one occurrence of a schedule now, beside the ones its cron makes, and as they run: its
   * job type and payload, enqueued under the occurrence's singleton key and run by this runner
   * (claimed in the enqueueing transaction, so no other runner takes it first). Returns the job
   * as it ended (a failed attempt with tries left waits for its retry), or undefined when no
   * schedule of that name has a handler here.
   */
  async runScheduleNow(name: string): Promise<JobRecord | undefined> {
    const { db, clock } = this.#options;
    const [schedule] = await db.select().from(jobSchedules).where(eq(jobSchedules.name, name));
    const registration = schedule && this.#registrations.get(schedule.jobName);
    if (!schedule || !registration) return undefined;
    const singletonKey = occurrenceKey(schedule.name, clock.now());
    const claimed = await db.transaction(async (tx) => {
      const id = await enqueueJob(tx, clock, registration.type, schedule.payload, {
        singletonKey,
      });
      return id === undefined ? [] : this.#claim(tx, [schedule.jobName], 1, eq(jobs.id, id));
    });
    // Nothing claimed: this very occurrence exists already (its cron tick, or a run at the
    // same millisecond), and whoever made it runs it.
    for (const job of claimed) await this.#track(job);
    const [job] = await db.select().from(jobs).where(eq(jobs.singletonKey, singletonKey));
    return job;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#tick();
  }

  /** Stops claiming new jobs and waits for the running ones to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#round;
    await Promise.allSettled([...this.#running]);
  }

  /** Runs every job that is due now, including jobs those jobs enqueue, then returns. */
  async runDueJobs(): Promise<number> {
    let total = 0;
    for (;;) {
      await this.#enqueueDueSchedules();
      const { claimed } = await this.#claimWithinLimits(this.#options.db);
      if (claimed.length === 0) return total;
      total += claimed.length;
      await Promise.all(claimed.map((job) => this.#track(job)));
    }
  }

  #tick(): void {
    if (this.#stopped) return;
    this.#round = this.#pollOnce()
      .catch((error: unknown) => this.#options.logger.error({ err: error }, "job polling failed"))
      .finally(() => {
        if (!this.#stopped) this.#timer = setTimeout(() => this.#tick(), this.#options.pollMs);
      });
  }

  async #pollOnce(): Promise<void> {
    await this.#enqueueDueSchedules();
    for (;;) {
      if (this.#stopped) return;
      const { claimed, mayBeMore } = await this.#claimWithinLimits(this.#options.db);
      for (const job of claimed) void this.#track(job);
      // More work may be waiting for a free place: claim again as soon as one job ends, not
      // a polling interval later.
      if (!mayBeMore || this.#running.size === 0) return;
      await Promise.race(this.#running);
    }
  }

  /** Runs a claimed job, counted as running until it ends. */
  #track(job: JobRecord): Promise<void> {
    this.#runningByName.set(job.name, this.#runningOf(job.name) + 1);
    const work = this.#run(job).finally(() => {
      this.#running.delete(work);
      this.#runningByName.set(job.name, this.#runningOf(job.name) - 1);
    });
    this.#running.add(work);
    return work;
  }

  #runningOf(jobName: string): number {
    return this.#runningByName.get(jobName) ?? 0;
  }

  /**
   * Claims as many due jobs as there is room for: within this runner's `maxRunning` and each
   * type's `maxRunningPerWorker`. The limited types are claimed first, one by one, so a backlog
   * of one kind cannot hold back the others. `mayBeMore` when some claim filled its room.
   */
  async #claimWithinLimits(db: Database): Promise<{ claimed: JobRecord[]; mayBeMore: boolean }> {
    let room = this.#options.maxRunning - this.#running.size;
    const claimed: JobRecord[] = [];
    let mayBeMore = false;
    const claimUpTo = async (names: string[], limit: number) => {
      if (names.length === 0) return;
      if (limit <= 0) {
        mayBeMore = true; // no place free: what is due waits for one
        return;
      }
      const batch = await this.#claim(db, names, limit);
      claimed.push(...batch);
      room -= batch.length;
      if (batch.length === limit) mayBeMore = true;
    };
    const unlimited: string[] = [];
    for (const { type } of this.#registrations.values()) {
      if (type.maxRunningPerWorker === undefined) unlimited.push(type.name);
      else {
        const ownRoom = type.maxRunningPerWorker - this.#runningOf(type.name);
        await claimUpTo([type.name], Math.min(room, ownRoom));
      }
    }
    await claimUpTo(unlimited, room);
    return { claimed, mayBeMore };
  }

  async #enqueueDueSchedules(): Promise<void> {
    const { db, clock } = this.#options;
    const now = clock.now();
    const due = await db.select().from(jobSchedules).where(lte(jobSchedules.nextRunAt, now));
    for (const schedule of due) {
      const registration = this.#registrations.get(schedule.jobName);
      if (!registration) continue;
      await db.transaction(async (tx) => {
        const advanced = await tx
          .update(jobSchedules)
          .set({ nextRunAt: nextOccurrence(schedule.cron, now) })
          .where(
            and(
              eq(jobSchedules.name, schedule.name),
              eq(jobSchedules.nextRunAt, schedule.nextRunAt),
            ),
          )
          .returning({ name: jobSchedules.name });
        if (advanced.length === 0) return; // another runner took this occurrence
        await enqueueJob(tx, clock, registration.type, schedule.payload, {
          singletonKey: occurrenceKey(schedule.name, schedule.nextRunAt),
        });
      });
    }
  }

  /**
   * Claims up to `limit` due jobs of the named types (only those that also match `only`, if
   * given) in `db`, a transaction or not.
   */
  async #claim(db: Database, names: string[], limit: number, only?: SQL): Promise<JobRecord[]> {
    const { clock } = this.#options;
    const now = clock.now();
    const claimable = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.name, names),
          or(
            and(eq(jobs.state, "queued"), lte(jobs.runAt, now)),
            and(eq(jobs.state, "active"), lt(jobs.lockedUntil, now)),
          ),
          only,
        ),
      )
      .orderBy(jobs.runAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    return db
      .update(jobs)
      .set({
        state: "active",
        attempts: sql`${jobs.attempts} + 1`,
        lockedBy: this.workerId,
        lockedUntil: sql`${now.toISOString()}::timestamptz + ${jobs.lockMs} * interval '1 millisecond'`,
      })
      .where(inArray(jobs.id, claimable))
      .returning();
  }

  async #run(job: JobRecord): Promise<void> {
    const { db, clock, logger } = this.#options;
    const registration = this.#registrations.get(job.name);
    if (!registration) return;
    const log = logger.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    const started = performance.now();
    const ended = (outcome: JobOutcome) =>
      this.#measured?.ended(job.name, outcome, (performance.now() - started) / 1000);
    const ownClaim = and(
      eq(jobs.id, job.id),
      eq(jobs.lockedBy, this.workerId),
      eq(jobs.attempts, job.attempts),
    );
    try {
      const payload = registration.type.payload.parse(job.payload);
      await registration.handler(payload, {
        jobId: job.id,
        attempt: job.attempts,
        isLastAttempt: job.attempts >= job.maxAttempts,
        db,
      });
      await db
        .update(jobs)
        .set({ state: "completed", finishedAt: clock.now(), lockedUntil: null, lastError: null })
        .where(ownClaim);
      ended("completed");
      log.debug("job completed");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const exhausted = job.attempts >= job.maxAttempts;
      const delay = Math.min(
        registration.type.retryDelayMs * 2 ** (job.attempts - 1),
        MAX_RETRY_DELAY_MS,
      );
      await db
        .update(jobs)
        .set(
          exhausted
            ? { state: "failed", finishedAt: clock.now(), lockedUntil: null, lastError: message }
            : {
                state: "queued",
                runAt: new Date(clock.now().getTime() + delay),
                lockedUntil: null,
                lastError: message,
              },
        )
        .where(ownClaim);
      ended(exhausted ? "failed" : "retry");
      log[exhausted ? "error" : "warn"](
        { err: error, retryInMs: exhausted ? undefined : delay },
        exhausted ? "job failed for good" : "job attempt failed",
      );
    }
  }
}

/** One occurrence of a schedule is enqueued once: under this key. */
function occurrenceKey(scheduleName: string, at: Date): string {
  return `${scheduleKeyPrefix(scheduleName)}${at.toISOString()}`;
}

/** What the singleton keys of a schedule's occurrences begin with. */
export function scheduleKeyPrefix(scheduleName: string): string {
  return `schedule:${scheduleName}@`;
}

function nextOccurrence(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: SCHEDULE_TIMEZONE })
    .next()
    .toDate();
}
