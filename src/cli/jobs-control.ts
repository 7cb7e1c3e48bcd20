import { type DevClock, devClockSchema } from "../contracts/dev-clock.ts";
import { errorResponseSchema } from "../contracts/error.ts";
import {
  type JobRun,
  type JobsOverview,
  jobRunSchema,
  jobsOverviewSchema,
} from "../contracts/jobs.ts";
import type { Config } from "../server/config.ts";
import { createLogger } from "../server/logger.ts";
import { moveDevClock } from "../server/modules/dev-tools/dev-clock.ts";
import { describeJobRun, describeJobs } from "../server/platform/jobs/jobs-overview.ts";
import { createServices } from "../server/services.ts";
import { CliError } from "./cli-error.ts";

/** What `poort jobs` does, on the database itself or through a running development Poort. */
export interface JobsControl {
  /** Where the work happens, in words for the operator. */
  where: string;
  /** How long a moved clock stays moved, in words for the operator. */
  clockMovedFor: string;
  overview(): Promise<JobsOverview>;
  /** Runs one occurrence of the schedule now; the name must be a schedule's. */
  run(scheduleName: string): Promise<JobRun>;
  /** Development only: Poort's clock runs this far (e.g. `700d`) ahead of real time. */
  moveClock(offset: string): Promise<DevClock>;
  close(): Promise<void>;
}

/**
 * The embedded database opens in one process only: while a development Poort runs on it, the
 * CLI asks that Poort (its /dev tools) instead of opening the database (ADR 0009). Otherwise,
 * and always on PostgreSQL in production, the CLI works on the database itself.
 */
export async function openJobsControl(config: Config): Promise<JobsControl> {
  if (config.env === "production" && config.databaseUrl) return databaseControl(config);
  const url = localServerUrl(config);
  const answer = await ask(url, "/dev/jobs");
  if (answer === "dev-tools") return runningPoortControl(url);
  if (answer === "something-else" && !config.databaseUrl) {
    throw new CliError(
      `Something answers at ${url} without Poort's development tools (/dev/jobs): if it is Poort, it holds the embedded database in ${config.dataDir}, which one process at a time can open. Stop it and run this again.`,
    );
  }
  return databaseControl(config);
}

/** The address the server of this configuration listens on, seen from this machine. */
function localServerUrl(config: Pick<Config, "host" | "port">): string {
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  return `http://${host.includes(":") ? `[${host}]` : host}:${config.port}`;
}

async function ask(url: string, path: string): Promise<"dev-tools" | "something-else" | "nobody"> {
  try {
    const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.ok ? "dev-tools" : "something-else";
  } catch (error) {
    // Refused: nothing listens. A timeout means something does, but does not answer.
    return error instanceof Error && error.name === "TimeoutError" ? "something-else" : "nobody";
  }
}

function runningPoortControl(url: string): JobsControl {
  return {
    where: `the Poort running at ${url}`,
    clockMovedFor: "until that Poort restarts",
    overview: async () => jobsOverviewSchema.parse(await call(url, "GET", "/dev/jobs")),
    run: async (name) =>
      jobRunSchema.parse(await call(url, "POST", `/dev/jobs/${encodeURIComponent(name)}/run`)),
    moveClock: async (offset) =>
      devClockSchema.parse(await call(url, "POST", "/dev/clock", { offset })),
    close: async () => {},
  };
}

async function call(url: string, method: string, path: string, body?: object): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    ...(body
      ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }
      : {}),
  });
  const answer: unknown = await response.json();
  if (response.ok) return answer;
  const { error } = errorResponseSchema.parse(answer);
  throw new CliError(
    [error.message, ...error.details.map((detail) => `  ${detail.path}: ${detail.message}`)].join(
      "\n",
    ),
  );
}

async function databaseControl(config: Config): Promise<JobsControl> {
  const services = await createServices(config, createLogger({ logLevel: "warn" }, "stderr"));
  const { database, clock, jobs, devClock } = services;
  return {
    where: `the ${database.kind} database`,
    clockMovedFor: "for this command only: no Poort runs here",
    overview: () => describeJobs({ db: database.db, clock, jobs }),
    async run(name) {
      const job = await jobs.runScheduleNow(name);
      if (!job) throw new CliError(`No scheduled job ${name}.`);
      return describeJobRun(job);
    },
    async moveClock(offset) {
      if (!devClock) throw new CliError("--clock-offset: the clock moves only in development.");
      return moveDevClock(devClock, offset);
    },
    close: () => services.close(),
  };
}
