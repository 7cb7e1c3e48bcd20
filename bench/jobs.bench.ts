import pino from "pino";
import { z } from "zod";
import { type Clock, systemClock } from "#src/server/platform/clock.ts";
import { type DatabaseHandle, openDatabase } from "#src/server/platform/db/database.ts";
import { migrateDatabase } from "#src/server/platform/db/migrate.ts";
import { enqueueJob } from "#src/server/platform/jobs/enqueue-job.ts";
import { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { withAdminClient } from "#test/support/postgres-admin.ts";
import { freshDatabase } from "./bench-database.ts";
import { perSecond, printTable, ratio, time } from "./report.ts";

const JOBS = 2_000;
const benchJob = defineJobType({ name: "bench.noop", payload: z.object({ n: z.number() }) });

/**
 * The durable job queue: how fast jobs are enqueued (each in its own transaction, as a request
 * would) and drained, with one and with two runners, next to a bare INSERT of the same rows
 * through the driver in the same run.
 */
export async function run(): Promise<void> {
  const targets: Array<{ name: string; databaseUrl?: string }> = [{ name: "pglite" }];
  if (process.env.DATABASE_URL) {
    targets.push({
      name: "postgres",
      databaseUrl: await freshDatabase(process.env.DATABASE_URL, "poort_bench_jobs"),
    });
  }
  const rows: Array<Record<string, string | number>> = [];
  for (const target of targets) {
    const handle = await openDatabase({ databaseUrl: target.databaseUrl });
    await migrateDatabase(handle);
    await handle.db.execute("TRUNCATE jobs");
    const clock = systemClock;

    const bare = await time(() => bareInserts(handle, JOBS));
    await handle.db.execute("TRUNCATE jobs");
    const enqueue = await time(async () => {
      for (let n = 0; n < JOBS; n++) {
        await handle.db.transaction((tx) => enqueueJob(tx, clock, benchJob, { n }));
      }
    });
    const drainOne = await time(() => drain([handle], clock));
    for (let n = 0; n < JOBS; n++) await enqueueJob(handle.db, clock, benchJob, { n });
    const second = target.databaseUrl
      ? await openDatabase({ databaseUrl: target.databaseUrl })
      : handle;
    const drainTwo = await time(() => drain([handle, second], clock));
    if (second !== handle) await second.close();

    rows.push(
      {
        database: target.name,
        operation: `bare INSERT (baseline)`,
        rate: perSecond(JOBS, bare),
        vs: "1.00× baseline",
      },
      {
        database: target.name,
        operation: "enqueue, own transaction",
        rate: perSecond(JOBS, enqueue),
        vs: ratio(JOBS / enqueue, JOBS / bare),
      },
      {
        database: target.name,
        operation: "claim + run + complete, 1 runner",
        rate: perSecond(JOBS, drainOne),
        vs: ratio(JOBS / drainOne, JOBS / bare),
      },
      {
        database: target.name,
        operation: "claim + run + complete, 2 runners",
        rate: perSecond(JOBS, drainTwo),
        vs: ratio(JOBS / drainTwo, JOBS / bare),
      },
    );
    await handle.close();
  }
  if (process.env.DATABASE_URL) {
    await withAdminClient(process.env.DATABASE_URL, (admin) =>
      admin.query("DROP DATABASE IF EXISTS poort_bench_jobs WITH (FORCE)"),
    );
  }
  console.log(`${JOBS} jobs per measurement; "vs" is throughput relative to the bare INSERT.`);
  printTable(rows);
}

async function bareInserts(handle: DatabaseHandle, count: number): Promise<void> {
  const text =
    "INSERT INTO jobs (name, payload, run_at, max_attempts, lock_ms, created_at) VALUES ($1, $2, now(), 10, 300000, now())";
  for (let n = 0; n < count; n++) {
    const values = ["bench.bare", JSON.stringify({ n })];
    if (handle.kind === "pglite") await handle.client.query(text, values);
    else await handle.pool.query(text, values);
  }
}

async function drain(handles: DatabaseHandle[], clock: Clock): Promise<void> {
  const logger = pino({ level: "silent" });
  const runners = handles.map((handle) => {
    const runner = new JobRunner({ db: handle.db, clock, logger, pollMs: 10, maxRunning: 20 });
    runner.handle(benchJob, async () => {});
    return runner;
  });
  await Promise.all(runners.map((runner) => runner.runDueJobs()));
}
