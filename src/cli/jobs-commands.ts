import { formatClockOffset } from "../contracts/dev-clock.ts";
import type { JobRun, JobsOverview } from "../contracts/jobs.ts";
import { type Config, loadConfig } from "../server/config.ts";
import { CliError } from "./cli-error.ts";
import { type JobsControl, openJobsControl } from "./jobs-control.ts";

async function withJobsControl<T>(work: (control: JobsControl, config: Config) => Promise<T>) {
  const config = loadConfig();
  const control = await openJobsControl(config);
  try {
    return await work(control, config);
  } finally {
    await control.close();
  }
}

/** `poort jobs list`: the scheduled jobs, when each runs next and how it ran last. */
export async function listJobs(): Promise<void> {
  const { overview, where } = await withJobsControl(async (control) => ({
    overview: await control.overview(),
    where: control.where,
  }));
  console.log(`Scheduled jobs in ${where}; Poort's clock reads ${dutchTime(overview.now)}.\n`);
  console.log(
    table([
      ["NAME", "CRON (DUTCH TIME)", "NEXT RUN (DUTCH TIME)", "LAST RUN"],
      ...overview.schedules.map((schedule) => [
        schedule.name,
        schedule.cron,
        dutchTime(schedule.nextRunAt),
        schedule.lastRun
          ? `${schedule.lastRun.state}, ${dutchTime(schedule.lastRun.enqueuedAt)}`
          : "not known",
      ]),
    ]),
  );
  console.log(`\nJob handlers: ${overview.handledJobs.join(", ")}.`);
}

/**
 * `poort jobs run NAME [--clock-offset 700d]`: one occurrence of a scheduled job now, as the
 * schedule runs it; its work is idempotent, so a second run repeats nothing that was done.
 */
export async function runJob(name: string, clockOffset: string | undefined): Promise<void> {
  const outcome = await withJobsControl(async (control, config) => {
    assertScheduled(name, await control.overview());
    if (clockOffset !== undefined) {
      const clock = await control.moveClock(clockOffset);
      console.log(
        `Poort's clock runs ${formatClockOffset(clock.offsetMs)} ahead of real time (${control.clockMovedFor}): it reads ${dutchTime(clock.now)}.`,
      );
    }
    const run = await control.run(name);
    console.log(`${name} ran in ${control.where}: ${describe(run)}.`);
    if (config.devOutboxEnabled) {
      console.log(
        `Mails it queued are in ${config.publicUrl}/dev/mailbox as soon as a running Poort delivers them.`,
      );
    }
    return run;
  });
  if (outcome.error !== null) throw new CliError(`${name} did not complete.`);
}

function assertScheduled(name: string, overview: JobsOverview): void {
  const names = overview.schedules.map((schedule) => schedule.name);
  if (!names.includes(name)) {
    throw new CliError(`No scheduled job ${name}. Scheduled jobs: ${names.join(", ")}.`);
  }
}

function describe(run: JobRun): string {
  if (run.state === "completed") return `completed (job ${run.jobId})`;
  if (run.state === "failed") return `failed after ${run.attempts} attempts: ${run.error}`;
  if (run.error !== null) return `attempt ${run.attempts} failed, a retry follows: ${run.error}`;
  // The same occurrence (same moment) was enqueued already, by its cron tick or another run.
  return `enqueued already, a running Poort runs it (job ${run.jobId})`;
}

/** Dutch local time, as the schedules' cron expressions count it, e.g. 2026-11-24 06:00:00. */
function dutchTime(iso: string): string {
  // Swedish writes dates and times as ISO 8601 does.
  return new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Amsterdam" });
}

/** Rows of cells as left-aligned columns. */
function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
