import { z } from "zod";
import type { Clock } from "../clock.ts";
import { HOUR } from "../clock.ts";
import type { JobRunner } from "../jobs/job-runner.ts";
import { defineJobType } from "../jobs/job-type.ts";
import { purgeExpiredRateLimits } from "./rate-limiter.ts";

const purgeRateLimitsJob = defineJobType({
  name: "security.purge-rate-limits",
  payload: z.object({}),
  maxAttempts: 3,
});

/** Longer than any rate-limit window in use, so no live count is removed. */
const KEEP = 24 * HOUR;

/** Counters of past windows are useless: an hourly job removes them. */
export async function scheduleRateLimitPurge(runner: JobRunner, clock: Clock): Promise<void> {
  runner.handle(purgeRateLimitsJob, async (_payload, { db }) => {
    await purgeExpiredRateLimits(db, clock, KEEP);
  });
  await runner.schedule("purge-rate-limits", "17 * * * *", purgeRateLimitsJob, {});
}
