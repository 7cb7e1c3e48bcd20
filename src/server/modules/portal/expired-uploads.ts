import path from "node:path";
import { z } from "zod";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { DigestingFileStore } from "./digesting-file-store.ts";

/** An upload left unfinished this long is given up; the nightly sweep removes its part. */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60_000;

/** The tus store of unfinished uploads under the upload folder. */
export function tusStore(uploadDir: string): DigestingFileStore {
  return new DigestingFileStore({
    directory: path.join(uploadDir, "tus"),
    expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS,
  });
}

const purgeExpiredUploadsJob = defineJobType({
  name: "uploads.purge-expired",
  payload: z.object({}),
  maxAttempts: 3,
});

/** Every night, the parts of uploads nobody finished within a day are deleted. */
export async function scheduleExpiredUploadsPurge(
  runner: JobRunner,
  uploadDir: string,
): Promise<void> {
  runner.handle(purgeExpiredUploadsJob, async () => {
    await tusStore(uploadDir).deleteExpired();
  });
  await runner.schedule("purge-expired-uploads", "45 3 * * *", purgeExpiredUploadsJob, {});
}
