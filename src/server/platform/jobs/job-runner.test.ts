import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "#test/support/test-database.ts";
import { DAY, ManualClock, MINUTE, SECOND } from "../clock.ts";
import { openDatabase } from "../db/database.ts";
import { enqueueJob } from "./enqueue-job.ts";
import { JobRunner } from "./job-runner.ts";
import { defineJobType } from "./job-type.ts";
import { describeJobs } from "./jobs-overview.ts";
import { purgeFinishedJobs } from "./purge-finished-jobs.ts";
import { jobSchedules, jobs } from "./schema.ts";

const logger = pino({ level: "silent" });
let typeCounter = 0;
/** A job type of its own per test, so tests in one database never run each other's jobs. */
function uniqueJobType(
  overrides: { maxAttempts?: number; retryDelayMs?: number; maxRunningPerWorker?: number } = {},
) {
  typeCounter += 1;
  return defineJobType({
    name: `test.job-${typeCounter}`,
    payload: z.object({ n: z.number() }),
    ...overrides,
  });
}

describe.each(testDatabaseKinds)("JobRunner on %s", (kind) => {
  let database: TestDatabase;
  const clock = new ManualClock("2026-03-02T08:00:00Z");
  const db = () => database.handle.db;
  const runner = () => new JobRunner({ db: db(), clock, logger, pollMs: 20 });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  it("creates a job only when the transaction that enqueued it commits", async () => {
    const type = uniqueJobType();
    const seen: number[] = [];
    const worker = runner();
    worker.handle(type, async ({ n }) => {
      seen.push(n);
    });
    await db()
      .transaction(async (tx) => {
        await enqueueJob(tx, clock, type, { n: 1 });
        throw new Error("roll back");
      })
      .catch(() => {});
    await db().transaction((tx) => enqueueJob(tx, clock, type, { n: 2 }));
    expect(await worker.runDueJobs()).toBe(1);
    expect(seen).toEqual([2]);
    const [row] = await db().select().from(jobs).where(eq(jobs.name, type.name));
    expect(row?.state).toBe("completed");
  });

  it("runs at most maxRunning jobs at once over all rounds, and one of a type limited to one", async () => {
    const limited = uniqueJobType({ maxRunningPerWorker: 1 });
    const free = uniqueJobType();
    const worker = new JobRunner({ db: db(), clock, logger, pollMs: 5, maxRunning: 3 });
    const running = { [limited.name]: 0, [free.name]: 0 };
    const most = { [limited.name]: 0, all: 0 };
    const done: string[] = [];
    for (const type of [limited, free]) {
      worker.handle(type, async ({ n }) => {
        running[type.name] = (running[type.name] ?? 0) + 1;
        most[limited.name] = Math.max(most[limited.name] ?? 0, running[limited.name] ?? 0);
        most.all = Math.max(
          most.all ?? 0,
          (running[limited.name] ?? 0) + (running[free.name] ?? 0),
        );
        // Longer than several polling intervals, so later rounds find these still running.
        await new Promise((resolve) => setTimeout(resolve, 30));
        running[type.name] = (running[type.name] ?? 0) - 1;
        done.push(`${type.name}:${n}`);
      });
    }
    for (let n = 0; n < 6; n++) {
      await enqueueJob(db(), clock, limited, { n });
      await enqueueJob(db(), clock, free, { n });
    }
    worker.start();
    try {
      await expect.poll(() => done.length, { timeout: 10_000 }).toBe(12);
    } finally {
      await worker.stop();
    }
    expect(most).toEqual({ [limited.name]: 1, all: 3 });
  });

  it("on stop, lets the running job finish and claims no other (a graceful shutdown)", async () => {
    const type = uniqueJobType();
    const worker = new JobRunner({ db: db(), clock, logger, pollMs: 5, maxRunning: 1 });
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ran: number[] = [];
    worker.handle(type, async ({ n }) => {
      ran.push(n);
      started();
      await held;
    });
    await enqueueJob(db(), clock, type, { n: 1 });
    worker.start();
    await firstStarted;
    await enqueueJob(db(), clock, type, { n: 2 });

    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect(ran).toEqual([1]);
    const rows = await db()
      .select({ payload: jobs.payload, state: jobs.state })
      .from(jobs)
      .where(eq(jobs.name, type.name));
    const states = rows.map(({ payload, state }) => ({ n: (payload as { n: number }).n, state }));
    expect(states.sort((a, b) => a.n - b.n)).toEqual([
      { n: 1, state: "completed" },
      { n: 2, state: "queued" },
    ]);
  });

  it("refuses a payload that does not match the job type", async () => {
    const type = uniqueJobType();
    await expect(
      enqueueJob(db(), clock, type, { n: "one" } as unknown as { n: number }),
    ).rejects.toThrow();
  });

  it("retries a failing job with a doubling delay and keeps the error", async () => {
    const type = uniqueJobType({ maxAttempts: 5, retryDelayMs: 10 * SECOND });
    let calls = 0;
    const worker = runner();
    worker.handle(type, async () => {
      calls += 1;
      if (calls < 3) throw new Error(`flaky ${calls}`);
    });
    const id = await enqueueJob(db(), clock, type, { n: 1 });
    const job = async () =>
      (
        await db()
          .select()
          .from(jobs)
          .where(eq(jobs.id, id ?? ""))
      )[0];

    await worker.runDueJobs();
    expect(calls).toBe(1);
    expect((await job())?.lastError).toBe("flaky 1");
    expect((await job())?.runAt.getTime()).toBe(clock.now().getTime() + 10 * SECOND);

    clock.advance(9 * SECOND);
    expect(await worker.runDueJobs()).toBe(0);
    clock.advance(1 * SECOND);
    await worker.runDueJobs();
    expect(calls).toBe(2);
    expect((await job())?.runAt.getTime()).toBe(clock.now().getTime() + 20 * SECOND);

    clock.advance(20 * SECOND);
    await worker.runDueJobs();
    expect(calls).toBe(3);
    expect(await job()).toMatchObject({ state: "completed", attempts: 3, lastError: null });
  });

  it("marks a job failed once its attempts are used up", async () => {
    const type = uniqueJobType({ maxAttempts: 2, retryDelayMs: SECOND });
    const worker = runner();
    worker.handle(type, async () => {
      throw new Error("always broken");
    });
    const id = await enqueueJob(db(), clock, type, { n: 1 });
    await worker.runDueJobs();
    clock.advance(SECOND);
    await worker.runDueJobs();
    clock.advance(MINUTE);
    expect(await worker.runDueJobs()).toBe(0);
    const [row] = await db()
      .select()
      .from(jobs)
      .where(eq(jobs.id, id ?? ""));
    expect(row).toMatchObject({ state: "failed", attempts: 2, lastError: "always broken" });
  });

  it("runs a job planned for later only once its time has come", async () => {
    const type = uniqueJobType();
    const worker = runner();
    let ran = false;
    worker.handle(type, async () => {
      ran = true;
    });
    await enqueueJob(
      db(),
      clock,
      type,
      { n: 1 },
      { runAt: new Date(clock.now().getTime() + MINUTE) },
    );
    await worker.runDueJobs();
    expect(ran).toBe(false);
    clock.advance(MINUTE);
    await worker.runDueJobs();
    expect(ran).toBe(true);
  });

  it("creates a job with a singleton key only once", async () => {
    const type = uniqueJobType();
    const first = await enqueueJob(
      db(),
      clock,
      type,
      { n: 1 },
      { singletonKey: `once-${type.name}` },
    );
    const second = await enqueueJob(
      db(),
      clock,
      type,
      { n: 2 },
      { singletonKey: `once-${type.name}` },
    );
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
  });

  it("takes over a job whose worker died, once its lock has run out", async () => {
    const type = uniqueJobType();
    const id = await enqueueJob(db(), clock, type, { n: 1 });
    // A worker claimed the job and died: the row stays active with a lock.
    await db()
      .update(jobs)
      .set({
        state: "active",
        attempts: 1,
        lockedBy: "dead-worker",
        lockedUntil: new Date(clock.now().getTime() + type.lockMs),
      })
      .where(eq(jobs.id, id ?? ""));
    const worker = runner();
    const runs: number[] = [];
    worker.handle(type, async ({ n }) => {
      runs.push(n);
    });
    expect(await worker.runDueJobs()).toBe(0);
    clock.advance(type.lockMs + 1);
    expect(await worker.runDueJobs()).toBe(1);
    const [row] = await db()
      .select()
      .from(jobs)
      .where(eq(jobs.id, id ?? ""));
    expect(row).toMatchObject({ state: "completed", attempts: 2, lockedBy: worker.workerId });
  });

  it("runs a recurring job once per occurrence, in Dutch local time", async () => {
    const type = uniqueJobType();
    clock.set("2026-03-02T08:00:00Z"); // 09:00 in Amsterdam
    const runs: string[] = [];
    const first = runner();
    const second = runner();
    for (const worker of [first, second]) {
      worker.handle(type, async () => {
        runs.push(clock.now().toISOString());
      });
    }
    await first.schedule(`daily-${type.name}`, "0 6 * * *", type, { n: 0 });
    await second.schedule(`daily-${type.name}`, "0 6 * * *", type, { n: 0 });
    await Promise.all([first.runDueJobs(), second.runDueJobs()]);
    expect(runs).toHaveLength(0);

    clock.set("2026-03-03T05:00:00Z"); // 06:00 in Amsterdam (CET)
    await Promise.all([first.runDueJobs(), second.runDueJobs()]);
    await Promise.all([first.runDueJobs(), second.runDueJobs()]);
    expect(runs).toEqual(["2026-03-03T05:00:00.000Z"]);

    clock.set("2026-04-01T04:00:00Z"); // 06:00 in Amsterdam (CEST); missed days run once
    await Promise.all([first.runDueJobs(), second.runDueJobs()]);
    expect(runs).toHaveLength(2);
  });

  it("runs one occurrence of a schedule now, as its cron would, and tells how it ended", async () => {
    const type = uniqueJobType({ maxAttempts: 3 });
    clock.set("2026-03-02T08:00:00Z");
    const worker = runner();
    const runs: number[] = [];
    let failing = false;
    worker.handle(type, async ({ n }) => {
      if (failing) throw new Error("mail server down");
      runs.push(n);
    });
    const name = `daily-${type.name}`;
    await worker.schedule(name, "0 6 * * *", type, { n: 7 });
    const nextRun = async () =>
      (await db().select().from(jobSchedules).where(eq(jobSchedules.name, name)))[0]?.nextRunAt;
    const plannedRun = await nextRun();

    expect(await worker.runScheduleNow(name)).toMatchObject({
      state: "completed",
      attempts: 1,
      lastError: null,
    });
    expect(runs).toEqual([7]);
    clock.advance(SECOND);
    failing = true;
    expect(await worker.runScheduleNow(name)).toMatchObject({
      state: "queued",
      attempts: 1,
      lastError: "mail server down",
    });
    expect(await nextRun()).toEqual(plannedRun);
    expect(await worker.runScheduleNow("no-such-schedule")).toBeUndefined();

    const overview = await describeJobs({ db: db(), clock, jobs: worker });
    expect(overview.handledJobs).toEqual([type.name]);
    expect(overview.schedules.find((schedule) => schedule.name === name)).toMatchObject({
      cron: "0 6 * * *",
      timezone: "Europe/Amsterdam",
      jobName: type.name,
      nextRunAt: "2026-03-03T05:00:00.000Z",
      lastRun: { state: "queued", attempts: 1, error: "mail server down" },
    });
  });

  it("brings a schedule back to the next occurrence when the clock went back", async () => {
    const type = uniqueJobType();
    const name = `daily-${type.name}`;
    const worker = runner();
    // A development clock ran 700 days ahead; Poort then restarts on real time.
    clock.set("2028-01-30T08:00:00Z");
    await worker.schedule(name, "0 6 * * *", type, { n: 0 });
    clock.set("2026-03-02T08:00:00Z");
    await worker.schedule(name, "0 6 * * *", type, { n: 0 });
    const [schedule] = await db().select().from(jobSchedules).where(eq(jobSchedules.name, name));
    expect(schedule?.nextRunAt.toISOString()).toBe("2026-03-03T05:00:00.000Z");
  });

  it("runs each job once when two instances poll the same database", async () => {
    const type = uniqueJobType();
    // On PostgreSQL the second instance has its own connection pool, as another process would.
    const secondHandle = database.url
      ? await openDatabase({ databaseUrl: database.url, poolSize: 5 })
      : database.handle;
    const runsPerJob = new Map<number, number>();
    const handler = async ({ n }: { n: number }) => {
      runsPerJob.set(n, (runsPerJob.get(n) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const instances = [
      new JobRunner({ db: db(), clock, logger, pollMs: 10 }),
      new JobRunner({ db: secondHandle.db, clock, logger, pollMs: 10 }),
    ];
    for (const instance of instances) instance.handle(type, handler);
    const count = 200;
    for (let n = 0; n < count; n++) await enqueueJob(db(), clock, type, { n });

    for (const instance of instances) instance.start();
    await expect.poll(() => runsPerJob.size, { timeout: 20_000, interval: 50 }).toBe(count);
    await Promise.all(instances.map((instance) => instance.stop()));
    if (secondHandle !== database.handle) await secondHandle.close();

    expect([...runsPerJob.values()].every((runs) => runs === 1)).toBe(true);
    const byWorker = await db()
      .select({ lockedBy: jobs.lockedBy })
      .from(jobs)
      .where(eq(jobs.name, type.name));
    // Both instances did part of the work.
    expect(new Set(byWorker.map((row) => row.lockedBy)).size).toBe(2);
  });
});

describe.each(testDatabaseKinds)("purging finished jobs on %s", (kind) => {
  let database: TestDatabase;
  const clock = new ManualClock("2026-05-01T08:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  it("keeps a week of completed jobs, a month of failed ones, and every open one", async () => {
    const db = database.handle.db;
    const type = uniqueJobType({ maxAttempts: 1 });
    const runner = new JobRunner({ db, clock, logger, pollMs: 20 });
    runner.handle(type, async ({ n }) => {
      if (n === 2) throw new Error("broken");
    });
    for (const n of [1, 2]) await enqueueJob(db, clock, type, { n });
    await runner.runDueJobs();
    await enqueueJob(
      db,
      clock,
      type,
      { n: 3 },
      {
        runAt: new Date(clock.now().getTime() + 60 * DAY),
      },
    );

    const states = async () =>
      (await db.select().from(jobs).where(eq(jobs.name, type.name))).map((job) => job.state).sort();
    clock.advance(7 * DAY - 1);
    await purgeFinishedJobs(db, clock);
    expect(await states()).toEqual(["completed", "failed", "queued"]);
    clock.advance(2);
    await purgeFinishedJobs(db, clock);
    expect(await states()).toEqual(["failed", "queued"]);
    clock.advance(30 * DAY);
    await purgeFinishedJobs(db, clock);
    expect(await states()).toEqual(["queued"]);
  });
});
