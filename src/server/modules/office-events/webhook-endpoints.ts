import type {
  CreateWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookSecretAnswer,
} from "#src/contracts/office-events.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import { DAY } from "#src/server/platform/clock.ts";
import { ensureRound } from "./delivery-rounds.ts";
import type { OfficeEventsDeps } from "./deps.ts";
import {
  type EndpointWithCounts,
  failPendingDeliveries,
  findDelivery,
  insertDelivery,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  lockEndpoint,
  updateEndpoint,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from "./repository.ts";
import { newWebhookSecret } from "./signing.ts";

/** After a rotation the previous secret signs beside the new one this long. */
const ROTATION_OVERLAP_MS = DAY;

type Actor = AuditEvent["actor"];

function endpointView(row: EndpointWithCounts): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    previousSecretUntil: row.previousSecretUntil?.toISOString() ?? null,
    pending: row.pending,
    failed: row.failed,
  };
}

function deliveryView(row: {
  delivery: WebhookDeliveryRow;
  eventType: WebhookDelivery["eventType"];
}): WebhookDelivery {
  const { delivery } = row;
  return {
    id: delivery.id,
    eventId: delivery.eventId.toString(),
    eventType: row.eventType,
    state: delivery.state,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    lastResponseExcerpt: delivery.lastResponseExcerpt,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: delivery.state === "pending" ? delivery.nextAttemptAt.toISOString() : null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
  };
}

export async function webhookEndpoints(
  deps: OfficeEventsDeps,
  scope: OfficeScope,
): Promise<WebhookEndpoint[]> {
  return (await listEndpoints(deps.db, scope)).map(endpointView);
}

async function webhookEndpoint(deps: OfficeEventsDeps, scope: OfficeScope, id: string) {
  const [row] = await listEndpoints(deps.db, scope, id);
  if (!row) throw new AppError("not_found");
  return endpointView(row);
}

/** Plain http only where the deployment allows it (development, tests); https elsewhere. */
function checkUrl(deps: OfficeEventsDeps, url: string): void {
  const allowed = deps.allowHttpEndpoints ? ["https:", "http:"] : ["https:"];
  if (!allowed.includes(new URL(url).protocol)) throw new AppError("webhook_url_refused");
}

/** A new endpoint for the office's events from now on; its secret is answered this once. */
export async function addWebhookEndpoint(
  deps: OfficeEventsDeps,
  scope: OfficeScope,
  input: Required<CreateWebhookEndpoint>,
  actor: Actor,
): Promise<WebhookSecretAnswer> {
  checkUrl(deps, input.url);
  const secret = newWebhookSecret();
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertEndpoint(tx, scope, {
      url: input.url,
      description: input.description,
      secretSealed: deps.secrets.seal(secret),
      createdAt: deps.clock.now(),
    });
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "webhook.endpoint-added",
      subject: { type: "webhook-endpoint", id: created.id },
      details: { url: input.url },
      officeId: scope.officeId,
    });
    return created;
  });
  return { endpoint: await webhookEndpoint(deps, scope, row.id), secret };
}

async function changeEndpoint(
  deps: OfficeEventsDeps,
  scope: OfficeScope,
  id: string,
  actor: Actor,
  change: {
    action: string;
    values: (now: Date, endpoint: WebhookEndpointRow) => Parameters<typeof updateEndpoint>[2];
    pendingFail?: string;
  },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, scope, id);
    if (!endpoint) throw new AppError("not_found");
    if (endpoint.disabledAt) throw new AppError("webhook_endpoint_disabled");
    await updateEndpoint(tx, endpoint, change.values(deps.clock.now(), endpoint));
    if (change.pendingFail) await failPendingDeliveries(tx, endpoint, change.pendingFail);
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: change.action,
      subject: { type: "webhook-endpoint", id },
      officeId: scope.officeId,
    });
  });
}

/** Turns an endpoint off for good: nothing more is posted, what waited is given up. */
export async function disableWebhookEndpoint(
  deps: OfficeEventsDeps,
  scope: OfficeScope,
  id: string,
  actor: Actor,
): Promise<WebhookEndpoint> {
  await changeEndpoint(deps, scope, id, actor, {
    action: "webhook.endpoint-disabled",
    values: (now) => ({ disabledAt: now }),
    pendingFail: "endpoint disabled",
  });
  return webhookEndpoint(deps, scope, id);
}

/**
 * A new secret, answered this once; the current one keeps signing beside it for a day, so the
 * receiver can take the new one in without refusing anything meanwhile.
 */
export async function rotateWebhookSecret(
  deps: OfficeEventsDeps,
  scope: OfficeScope,
  id: string,
  actor: Actor,
): Promise<WebhookSecretAnswer> {
  const secret = newWebhookSecret();
  await changeEndpoint(deps, scope, id, actor, {
    action: "webhook.secret-rotated",
    values: (now, endpoint) => ({
      secretSealed: deps.secrets.seal(secret),
      previousSecretSealed: endpoint.secretSealed,
      previousSecretUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS),
    }),
  });
  return { endpoint: await webhookEndpoint(deps, scope, id), secret };
}

/** A page of an endpoint's delivery log, newest first. */
export async function webhookDeliveries(
  deps: OfficeEventsDeps,
  scope: OfficeScope,
  endpointId: string,
  page: { page: number; pageSize: number },
): Promise<WebhookDeliveryList> {
  await webhookEndpoint(deps, scope, endpointId);
  const { rows, total } = await listDeliveries(deps.db, scope, endpointId, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  return { deliveries: rows.map(deliveryView), total, ...page };
}

/**
 * "Send again": the event of a delivered or failed delivery is queued anew for the endpoint, as
 * a new delivery after the ones waiting (in order), with the event's own id, so a receiver that
 * had it can tell. The log keeps the old delivery as it ended.
 */
export async function sendWebhookAgain(
  deps: OfficeEventsDeps,
  scope: OfficeScope,
  endpointId: string,
  deliveryId: string,
  actor: Actor,
): Promise<WebhookDelivery> {
  const created = await deps.db.transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, scope, endpointId);
    if (!endpoint) throw new AppError("not_found");
    if (endpoint.disabledAt) throw new AppError("webhook_endpoint_disabled");
    const found = await findDelivery(tx, scope, endpointId, deliveryId);
    if (!found) throw new AppError("not_found");
    if (found.delivery.state === "pending") throw new AppError("conflict");
    const now = deps.clock.now();
    const delivery = await insertDelivery(tx, {
      endpointId,
      eventId: found.delivery.eventId,
      nextAttemptAt: now,
      createdAt: now,
    });
    await ensureRound(tx, deps.clock, endpoint);
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "webhook.sent-again",
      subject: { type: "webhook-endpoint", id: endpointId },
      officeId: scope.officeId,
      details: { deliveryId, newDeliveryId: delivery.id, eventId: delivery.eventId.toString() },
    });
    return { delivery, eventType: found.eventType };
  });
  return deliveryView(created);
}
