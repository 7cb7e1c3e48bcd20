import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { BlobStore } from "../blobs/blob-store.ts";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import type { JobRunner } from "../jobs/job-runner.ts";
import { defineJobType } from "../jobs/job-type.ts";
import { mailAttachments } from "./schema.ts";

/**
 * A blob younger than this may belong to a mail whose transaction has not committed yet: the
 * mailer stores the bytes before the caller's transaction writes the rows that point at them.
 */
export const ORPHAN_AGE_MS = 24 * 60 * 60_000;
const BATCH = 500;

const sweepOrphanedAttachmentsJob = defineJobType({
  name: "mail.sweep-orphaned-attachments",
  payload: z.object({}),
  maxAttempts: 3,
});

/**
 * Deletes the attachment blobs no mail points at: left when the transaction that queued a mail
 * rolled back or its process died before the commit (a PKCS#12 whose issuance failed), or
 * when a process died between forgetting a secret attachment's row and deleting its bytes.
 * Returns how many blobs went.
 */
export async function sweepOrphanedAttachments(
  db: Database,
  store: BlobStore,
  now: Date,
): Promise<number> {
  let swept = 0;
  let batch: string[] = [];
  const sweepBatch = async () => {
    const referenced = new Set(
      (
        await db
          .select({ blobKey: mailAttachments.blobKey })
          .from(mailAttachments)
          .where(inArray(mailAttachments.blobKey, batch))
      ).map((row) => row.blobKey),
    );
    for (const key of batch) {
      if (referenced.has(key)) continue;
      await store.delete(key);
      swept += 1;
    }
    batch = [];
  };
  for await (const blob of store.list()) {
    if (now.getTime() - blob.storedAt.getTime() <= ORPHAN_AGE_MS) continue;
    batch.push(blob.key);
    if (batch.length === BATCH) await sweepBatch();
  }
  if (batch.length > 0) await sweepBatch();
  return swept;
}

/** Every night, the attachment bytes that no mail points at any more go. */
export async function scheduleOrphanedAttachmentsSweep(
  runner: JobRunner,
  deps: { store: BlobStore; clock: Clock },
): Promise<void> {
  runner.handle(sweepOrphanedAttachmentsJob, async (_payload, { db }) => {
    await sweepOrphanedAttachments(db, deps.store, deps.clock.now());
  });
  await runner.schedule(
    "sweep-orphaned-mail-attachments",
    "30 4 * * *",
    sweepOrphanedAttachmentsJob,
    {},
  );
}
