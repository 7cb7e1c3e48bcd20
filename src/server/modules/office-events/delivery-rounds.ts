import { z } from "zod";
import { type Clock, HOUR, MINUTE } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { enqueueJob } from "#src/server/platform/jobs/enqueue-job.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { updateEndpoint, type WebhookEndpointRow } from "./repository.ts";

/**
 * Posts one endpoint's pending deliveries, oldest first (`deliver-webhooks.ts`). An endpoint
 * has at most one such job at a time, so its receiver gets the events in order: the job of a
 * round is enqueued under the round's singleton key, and the job ends its round when nothing
 * is left, or plans the next round for the moment its first waiting delivery is due.
 */
export const deliverWebhooksJob = defineJobType({
  name: "webhooks.deliver",
  payload: z.object({ endpointId: z.uuid(), round: z.number().int().min(0) }),
  maxAttempts: 10,
  // Longer than a job's batch of posts (`BATCH_MS`) plus one post's timeout, so no second
  // worker takes over a job that is still posting.
  lockMs: 5 * MINUTE,
});

/**
 * A round whose job should have run this long ago is presumed lost (it failed for good): the
 * next event plans a new round, and the old job, should it still run, finds it is not its round.
 */
const LOST_ROUND_MS = HOUR;

/** Plans the job of the endpoint's next round at `runAt`; the caller holds the endpoint locked. */
export async function planRound(
  db: Database,
  clock: Clock,
  endpoint: WebhookEndpointRow,
  round: number,
  runAt: Date,
): Promise<void> {
  await updateEndpoint(db, endpoint, { round, roundJobAt: runAt });
  await enqueueJob(
    db,
    clock,
    deliverWebhooksJob,
    { endpointId: endpoint.id, round },
    { runAt, singletonKey: `${deliverWebhooksJob.name}:${endpoint.id}:${round}` },
  );
}

/**
 * Makes sure a job will post the endpoint's new delivery: the planned round's job if there is
 * one (the delivery waits its turn behind the older ones), else a new round's, now.
 */
export async function ensureRound(
  db: Database,
  clock: Clock,
  endpoint: WebhookEndpointRow,
): Promise<void> {
  const now = clock.now();
  const planned = endpoint.roundJobAt?.getTime();
  if (planned !== undefined && planned > now.getTime() - LOST_ROUND_MS) return;
  const round = planned === undefined ? endpoint.round : endpoint.round + 1;
  await planRound(db, clock, endpoint, round, now);
}
