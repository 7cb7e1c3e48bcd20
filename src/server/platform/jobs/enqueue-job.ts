import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import type { JobType } from "./job-type.ts";
import { jobs } from "./schema.ts";

export interface EnqueueOptions {
  /** When the job may run first; default now. */
  runAt?: Date;
  /** A job with this key is created at most once; enqueueing it again does nothing. */
  singletonKey?: string;
}

/**
 * Adds a job. Pass the transaction of the change that causes the job, so that the job exists
 * exactly when the change was committed. Returns the job id, or undefined when a job with the
 * same singleton key already existed.
 */
export async function enqueueJob<Payload>(
  db: Database,
  clock: Clock,
  type: JobType<Payload>,
  payload: Payload,
  options: EnqueueOptions = {},
): Promise<string | undefined> {
  const now = clock.now();
  const [row] = await db
    .insert(jobs)
    .values({
      name: type.name,
      payload: type.payload.parse(payload),
      runAt: options.runAt ?? now,
      maxAttempts: type.maxAttempts,
      lockMs: type.lockMs,
      singletonKey: options.singletonKey,
      createdAt: now,
    })
    .onConflictDoNothing({ target: jobs.singletonKey })
    .returning({ id: jobs.id });
  return row?.id;
}
