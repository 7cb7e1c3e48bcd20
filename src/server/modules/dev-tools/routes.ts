import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { devClockSchema, moveDevClockSchema } from "#src/contracts/dev-clock.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { jobRunSchema, jobsOverviewSchema, scheduleNameParamsSchema } from "#src/contracts/jobs.ts";
import { AppError } from "#src/server/errors.ts";
import type { OffsetClock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { describeJobRun, describeJobs } from "#src/server/platform/jobs/jobs-overview.ts";
import { moveDevClock, readDevClock } from "./dev-clock.ts";

/**
 * Development tools beside the mailbox: move Poort's clock ahead and run a scheduled job now,
 * so time-bound work (the 40- and 20-day certificate reminders) can be seen at once. They are
 * what `npx poort jobs` uses while a development Poort holds its embedded database (ADR 0009).
 * Registered only outside production and while mail and SMS stay local: they need no login.
 */
export const devToolsRoutes: FastifyPluginAsyncZod<{
  db: Database;
  jobs: JobRunner;
  clock: OffsetClock;
}> = async (app, { db, jobs, clock }) => {
  app.get(
    "/dev/clock",
    {
      schema: {
        tags: ["dev tools"],
        summary: "Poort's clock and how far it runs ahead of real time",
        response: { 200: devClockSchema },
      },
    },
    async () => readDevClock(clock),
  );

  app.post(
    "/dev/clock",
    {
      schema: {
        tags: ["dev tools"],
        summary: 'Move Poort\'s clock ahead of real time, e.g. {"offset": "700d"}',
        body: moveDevClockSchema,
        response: { 200: devClockSchema, ...errorResponses(400) },
      },
    },
    async (request) => moveDevClock(clock, request.body.offset),
  );

  app.get(
    "/dev/jobs",
    {
      schema: {
        tags: ["dev tools"],
        summary: "The scheduled jobs with their next and latest run, and the job handlers",
        response: { 200: jobsOverviewSchema },
      },
    },
    async () => describeJobs({ db, clock, jobs }),
  );

  app.post(
    "/dev/jobs/:name/run",
    {
      schema: {
        tags: ["dev tools"],
        summary: "Run one occurrence of a scheduled job now, as its schedule would",
        params: scheduleNameParamsSchema,
        response: { 200: jobRunSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const job = await jobs.runScheduleNow(request.params.name);
      if (!job) {
        throw new AppError("not_found", [
          { path: "name", code: "unknown_schedule", message: "No scheduled job has this name." },
        ]);
      }
      return describeJobRun(job);
    },
  );
};
