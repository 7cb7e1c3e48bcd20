import { z } from "zod";
import { type Clock, HOUR, MINUTE } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { enqueueJob } from "#src/server/platform/jobs/enqueue-job.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import {
  insertNotice,
  lockOrCreateRecipient,
  type NewNotice,
  type NoticeRecipientRow,
  updateRecipient,
} from "./repository.ts";

/**
 * How long the first news waits before its notice goes: what else comes in that burst (an
 * office publishing five documents one by one) is told in the same mail.
 */
export const NOTICE_GRACE_MS = 2 * MINUTE;

/**
 * A round whose job should have run this long ago is presumed lost (its job failed for good):
 * the next news plans a new round, and the old job, should it still run, finds it is not its
 * round any more.
 */
export const LOST_ROUND_MS = HOUR;

/**
 * Sends one login its bundled notice (ADR 0013). Bundling works in rounds: each round has at
 * most one job, under the singleton key of its number, so however many events arrive, a login
 * has one job waiting. The job ends its round; the next news opens the next one.
 */
export const sendNoticesJob = defineJobType({
  name: "notifications.send",
  payload: z.object({ accountId: z.uuid(), round: z.number().int().min(0) }),
  maxAttempts: 10,
  lockMs: 2 * MINUTE,
});

/** Plans the job of `round` at `runAt` for the login, whose row the caller holds locked. */
export async function planRound(
  db: Database,
  clock: Clock,
  accountId: string,
  round: number,
  runAt: Date,
): Promise<void> {
  await updateRecipient(db, accountId, { round, roundJobAt: runAt });
  await enqueueJob(
    db,
    clock,
    sendNoticesJob,
    { accountId, round },
    { runAt, singletonKey: `${sendNoticesJob.name}:${accountId}:${round}` },
  );
}

/**
 * Adds a pending notice for a login and makes sure a job will tell it: the round's job if one
 * is planned, else a new round's, at the end of the grace or of the bundle window of the last
 * notice, whichever is later. The recipient row is locked first, so the job that sends either
 * sees this notice or has ended its round before this one plans the next.
 */
export async function addNotice(
  db: Database,
  clock: Clock,
  notice: Omit<NewNotice, "createdAt">,
): Promise<void> {
  const recipient: NoticeRecipientRow = await lockOrCreateRecipient(db, notice.accountId);
  const now = clock.now().getTime();
  await insertNotice(db, { ...notice, createdAt: new Date(now) });
  const planned = recipient.roundJobAt?.getTime();
  if (planned !== undefined && planned > now - LOST_ROUND_MS) return;
  const round = planned === undefined ? recipient.round : recipient.round + 1;
  const runAt = Math.max(now + NOTICE_GRACE_MS, recipient.quietUntil?.getTime() ?? 0);
  await planRound(db, clock, notice.accountId, round, new Date(runAt));
}
