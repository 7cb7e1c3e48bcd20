import { z } from "zod";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import type { ResumableUploadStore } from "./resumable-upload-store.ts";

const purgeExpiredUploadsJob = defineJobType({
  name: "uploads.purge-expired",
  payload: z.object({}),
  maxAttempts: 3,
});

/** Every night, the uploads nobody finished within a day are deleted, with their parts. */
export async function scheduleExpiredUploadsPurge(
  runner: JobRunner,
  store: ResumableUploadStore,
): Promise<void> {
  runner.handle(purgeExpiredUploadsJob, async () => {
    await store.deleteExpired();
  });
  await runner.schedule("purge-expired-uploads", "45 3 * * *", purgeExpiredUploadsJob, {});
}
