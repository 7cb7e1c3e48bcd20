import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Clock } from "#src/server/platform/clock.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";

/**
 * An upload untouched this long is given up, whatever sent it. Every transport finishes or
 * discards its file long before (a staff form within its request, tus within its own day of
 * expiry), so what is older was left by a process that died mid-upload.
 */
export const STRAY_UPLOAD_AGE_MS = 24 * 60 * 60_000;

const sweepStrayUploadsJob = defineJobType({
  name: "uploads.sweep-stray",
  payload: z.object({}),
  maxAttempts: 3,
});

/**
 * Deletes every file under the upload folder, in any sub-folder, last written more than a day
 * before `now`. The folders themselves stay: the transports expect them. Returns how many
 * files went.
 */
export async function sweepStrayUploads(uploadDir: string, now: Date): Promise<number> {
  const entries = await readdir(uploadDir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      // Nothing was ever uploaded on this instance.
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  let swept = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const filePath = path.join(entry.parentPath, entry.name);
    // A file may finish (and move to the blob store) between the listing and here.
    const modified = await stat(filePath).then(
      (stats) => stats.mtimeMs,
      () => undefined,
    );
    if (modified === undefined || now.getTime() - modified <= STRAY_UPLOAD_AGE_MS) continue;
    await rm(filePath, { force: true });
    swept += 1;
  }
  return swept;
}

/** Every night, after tus's own expiry, what any upload left behind for over a day goes. */
export async function scheduleStrayUploadsSweep(
  runner: JobRunner,
  deps: { uploadDir: string; clock: Clock },
): Promise<void> {
  runner.handle(sweepStrayUploadsJob, async () => {
    await sweepStrayUploads(deps.uploadDir, deps.clock.now());
  });
  await runner.schedule("sweep-stray-uploads", "15 4 * * *", sweepStrayUploadsJob, {});
}
