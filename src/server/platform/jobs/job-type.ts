import type { z } from "zod";
import type { Database } from "../db/database.ts";

/**
 * What a kind of job is: its name, the shape of its payload and how it is retried. Declared
 * once by the module that owns the work; the module binds the handler when the runner starts.
 */
export interface JobType<Payload> {
  name: string;
  payload: z.ZodType<Payload>;
  /** Attempts before the job is marked failed (1 = never retried). */
  maxAttempts: number;
  /** Wait before the first retry; doubles on each further one, at most an hour. */
  retryDelayMs: number;
  /** How long an attempt may run before another worker presumes its worker dead. */
  lockMs: number;
  /**
   * At most this many jobs of this type run at once in one runner; unset means only the
   * runner's own limit applies. A runner that dies repeats the jobs it was running, so work
   * with an outside effect that cannot be taken back (a mail handed to the relay) sets 1.
   */
  maxRunningPerWorker?: number;
}

export interface JobContext {
  jobId: string;
  attempt: number;
  /** No retry follows if this attempt fails: the handler should record the failure for good. */
  isLastAttempt: boolean;
  db: Database;
}

export type JobHandler<Payload> = (payload: Payload, context: JobContext) => Promise<void>;

export function defineJobType<Payload>(
  type: Pick<JobType<Payload>, "name" | "payload"> & Partial<JobType<Payload>>,
): JobType<Payload> {
  return { maxAttempts: 10, retryDelayMs: 5_000, lockMs: 5 * 60_000, ...type };
}
