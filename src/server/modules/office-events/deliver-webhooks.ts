import { performance } from "node:perf_hooks";
import { DAY, HOUR, MINUTE, SECOND } from "#src/server/platform/clock.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { deliverWebhooksJob, planRound } from "./delivery-rounds.ts";
import type { OfficeEventsDeps } from "./deps.ts";
import { officeEventView } from "./events-feed.ts";
import {
  nextPendingDelivery,
  type OfficeEventRow,
  unscopedLockEndpoint,
  updateDelivery,
  updateEndpoint,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from "./repository.ts";
import { webhookSignatureHeader } from "./signing.ts";

/** A receiver gets this long to answer in full. */
const POST_TIMEOUT_MS = 10 * SECOND;
/** The first retry waits this long; each next one twice as long, up to `MAX_RETRY_MS`. */
const FIRST_RETRY_MS = 10 * SECOND;
const MAX_RETRY_MS = HOUR;
/** A delivery is retried this long after it was queued, then marked failed. */
const GIVE_UP_AFTER_MS = 3 * DAY;
/** What is kept of a receiver's answer: enough to see what it said, not its whole page. */
const EXCERPT_CHARS = 500;
/**
 * One job posts for at most this long (real time, not the clock: it bounds the job's own
 * running time), then hands the rest to the next round, well within the job's lock.
 */
const BATCH_MS = MINUTE;

interface PostOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  excerpt: string | null;
}

/** The secrets that sign now: the current one first, the previous one during its overlap. */
function signingSecrets(deps: OfficeEventsDeps, endpoint: WebhookEndpointRow, now: Date): string[] {
  const secrets = [deps.secrets.open(endpoint.secretSealed)];
  if (
    endpoint.previousSecretSealed &&
    endpoint.previousSecretUntil &&
    now < endpoint.previousSecretUntil
  ) {
    secrets.push(deps.secrets.open(endpoint.previousSecretSealed));
  }
  return secrets;
}

async function readExcerpt(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < EXCERPT_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    // The rest of a long answer is never read.
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, EXCERPT_CHARS) || null;
}

/**
 * Posts one event, signed (Standard Webhooks headers: the event's id, so a receiver recognises
 * a repeat; the time; the signatures). No redirects are followed: a redirect could lead the
 * event elsewhere, so it counts as a failure like any answer but 2xx.
 */
async function postEvent(
  deps: OfficeEventsDeps,
  endpoint: WebhookEndpointRow,
  event: OfficeEventRow,
): Promise<PostOutcome> {
  const now = deps.clock.now();
  const body = JSON.stringify(officeEventView(event));
  const message = { id: event.id.toString(), timestamp: Math.floor(now.getTime() / 1000), body };
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Poort-Webhooks/1",
        "webhook-id": message.id,
        "webhook-timestamp": String(message.timestamp),
        "webhook-signature": webhookSignatureHeader(signingSecrets(deps, endpoint, now), message),
      },
      body,
    });
    const excerpt = await readExcerpt(response).catch(() => null);
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      statusCode: response.status,
      error: ok ? null : `HTTP ${response.status}`,
      excerpt,
    };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const text = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, statusCode: null, error: text.slice(0, EXCERPT_CHARS), excerpt: null };
  }
}

/** What the post's outcome makes of the delivery: delivered, retried later, or failed. */
function afterAttempt(
  delivery: WebhookDeliveryRow,
  outcome: PostOutcome,
  now: Date,
): Partial<WebhookDeliveryRow> {
  const attempts = delivery.attempts + 1;
  const recorded = {
    attempts,
    lastAttemptAt: now,
    lastStatusCode: outcome.statusCode,
    lastError: outcome.error,
    lastResponseExcerpt: outcome.excerpt,
  };
  if (outcome.ok) return { ...recorded, state: "delivered", deliveredAt: now };
  if (now.getTime() - delivery.createdAt.getTime() >= GIVE_UP_AFTER_MS) {
    return { ...recorded, state: "failed" };
  }
  const wait = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS);
  return { ...recorded, nextAttemptAt: new Date(now.getTime() + wait) };
}

/**
 * The next delivery this round's job should post, with its endpoint; undefined when the round
 * is over: another round took over, the endpoint is disabled or has nothing pending (the round
 * ends), or the first pending delivery waits for its retry (the next round is planned then).
 * The endpoint stays locked meanwhile, so an event recorded at the same time either is seen
 * here or finds the round ended and plans the next.
 */
async function nextToPost(
  deps: OfficeEventsDeps,
  payload: { endpointId: string; round: number },
  batchEnds: number,
) {
  return deps.db.transaction(async (tx) => {
    const endpoint = await unscopedLockEndpoint(tx, payload.endpointId);
    if (!endpoint || endpoint.round !== payload.round) return undefined;
    const next = endpoint.disabledAt ? undefined : await nextPendingDelivery(tx, endpoint);
    if (!next) {
      await updateEndpoint(tx, endpoint, { round: endpoint.round + 1, roundJobAt: null });
      return undefined;
    }
    const now = deps.clock.now();
    if (next.delivery.nextAttemptAt > now || performance.now() > batchEnds) {
      const runAt = new Date(Math.max(next.delivery.nextAttemptAt.getTime(), now.getTime()));
      await planRound(tx, deps.clock, endpoint, endpoint.round + 1, runAt);
      return undefined;
    }
    return { endpoint, ...next };
  });
}

/**
 * One round of an endpoint's deliveries: posts them oldest first, each recorded as soon as its
 * answer is in; the first failure waits for its retry (the events after it wait too: in order),
 * and one that has failed for three days is given up so the ones after it go on.
 */
export async function deliverWebhooks(
  deps: OfficeEventsDeps,
  payload: { endpointId: string; round: number },
): Promise<void> {
  const batchEnds = performance.now() + BATCH_MS;
  for (;;) {
    const next = await nextToPost(deps, payload, batchEnds);
    if (!next) return;
    const outcome = await postEvent(deps, next.endpoint, next.event);
    await updateDelivery(
      deps.db,
      next.delivery.id,
      afterAttempt(next.delivery, outcome, deps.clock.now()),
    );
  }
}

/** The delivery job's handler. */
export function registerWebhookDeliveries(jobs: JobRunner, deps: OfficeEventsDeps): void {
  jobs.handle(deliverWebhooksJob, (payload) => deliverWebhooks(deps, payload));
}
