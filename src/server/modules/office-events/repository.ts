import { and, asc, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { ofOffice } from "#src/server/access/tenant-filters.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { officeEvents, webhookDeliveries, webhookEndpoints } from "./schema.ts";

export type OfficeEventRow = typeof officeEvents.$inferSelect;
export type NewOfficeEventRow = typeof officeEvents.$inferInsert;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

// Events

/**
 * Holds the office's event lock until the transaction ends. Events of one office get their ids
 * one transaction after the other, so an id is never committed after a higher one: a reader of
 * the feed that has seen id n will never miss a later-committed n − 1.
 */
export async function lockOfficeEvents(db: Database, officeId: string): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`office_events:${officeId}`}, 0))`,
  );
}

export async function insertOfficeEvent(
  db: Database,
  values: NewOfficeEventRow,
): Promise<OfficeEventRow> {
  const [row] = await db.insert(officeEvents).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The office's events after the cursor, oldest first. */
export async function listOfficeEvents(
  db: Database,
  scope: OfficeScope,
  after: bigint,
  limit: number,
): Promise<OfficeEventRow[]> {
  return db
    .select()
    .from(officeEvents)
    .where(and(ofOffice(scope, officeEvents.officeId), gt(officeEvents.id, after)))
    .orderBy(asc(officeEvents.id))
    .limit(limit);
}

// Endpoints

/**
 * The live endpoints of the office an event is being recorded for, locked (in id order, so two
 * events never wait on each other crosswise). Unscoped: the office is the one where the client
 * acted, as the module recording the event checked.
 */
export async function unscopedLockLiveEndpoints(
  db: Database,
  officeId: string,
): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.officeId, officeId), isNull(webhookEndpoints.disabledAt)))
    .orderBy(asc(webhookEndpoints.id))
    .for("update");
}

/** An endpoint locked, for its delivery job. Unscoped: the job was planned by its office's event. */
export async function unscopedLockEndpoint(
  db: Database,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id))
    .for("update");
  return row;
}

export async function lockEndpoint(
  db: Database,
  scope: OfficeScope,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(ofOffice(scope, webhookEndpoints.officeId), eq(webhookEndpoints.id, id)))
    .for("update");
  return row;
}

export async function insertEndpoint(
  db: Database,
  scope: OfficeScope,
  values: Omit<typeof webhookEndpoints.$inferInsert, "officeId">,
): Promise<WebhookEndpointRow> {
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ ...values, officeId: scope.officeId })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Changes an endpoint the caller holds (locked, found in its scope or by its job). */
export async function updateEndpoint(
  db: Database,
  endpoint: WebhookEndpointRow,
  values: Partial<
    Pick<
      WebhookEndpointRow,
      | "secretSealed"
      | "previousSecretSealed"
      | "previousSecretUntil"
      | "round"
      | "roundJobAt"
      | "disabledAt"
    >
  >,
): Promise<WebhookEndpointRow> {
  const [row] = await db
    .update(webhookEndpoints)
    .set(values)
    .where(eq(webhookEndpoints.id, endpoint.id))
    .returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

// Spelled out with the tables' names: inside a select list, drizzle names a column without
// its table, which in this subquery would be the delivery's own id.
const countOf = (state: "pending" | "failed") =>
  sql<number>`(select count(*)::int from webhook_deliveries d
    where d.endpoint_id = webhook_endpoints.id and d.state = ${state})`;

export type EndpointWithCounts = WebhookEndpointRow & { pending: number; failed: number };

/** The office's endpoints, newest first, each with its waiting and failed deliveries. */
export async function listEndpoints(
  db: Database,
  scope: OfficeScope,
  id?: string,
): Promise<EndpointWithCounts[]> {
  const rows = await db
    .select({ endpoint: webhookEndpoints, pending: countOf("pending"), failed: countOf("failed") })
    .from(webhookEndpoints)
    .where(
      and(
        ofOffice(scope, webhookEndpoints.officeId),
        id === undefined ? undefined : eq(webhookEndpoints.id, id),
      ),
    )
    .orderBy(desc(webhookEndpoints.createdAt));
  return rows.map(({ endpoint, pending, failed }) => ({ ...endpoint, pending, failed }));
}

// Deliveries

export async function insertDelivery(
  db: Database,
  values: typeof webhookDeliveries.$inferInsert,
): Promise<WebhookDeliveryRow> {
  const [row] = await db.insert(webhookDeliveries).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

const deliveryOrder = [asc(webhookDeliveries.createdAt), asc(webhookDeliveries.eventId)];

/** The endpoint's oldest pending delivery, with its event: the one to post next. */
export async function nextPendingDelivery(db: Database, endpoint: WebhookEndpointRow) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, event: officeEvents })
    .from(webhookDeliveries)
    .innerJoin(officeEvents, eq(officeEvents.id, webhookDeliveries.eventId))
    .where(
      and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.state, "pending")),
    )
    .orderBy(...deliveryOrder)
    .limit(1);
  return row;
}

export async function updateDelivery(
  db: Database,
  id: string,
  values: Partial<Omit<WebhookDeliveryRow, "id" | "endpointId" | "eventId" | "createdAt">>,
): Promise<void> {
  await db.update(webhookDeliveries).set(values).where(eq(webhookDeliveries.id, id));
}

/** Gives up on an endpoint's pending deliveries at once (the endpoint was disabled). */
export async function failPendingDeliveries(
  db: Database,
  endpoint: WebhookEndpointRow,
  lastError: string,
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ state: "failed", lastError })
    .where(
      and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.state, "pending")),
    );
}

const deliveryWithType = { delivery: webhookDeliveries, eventType: officeEvents.type };
/** An endpoint's deliveries, of the scope's office by their events (queried joined with them). */
const ofEndpointInScope = (scope: OfficeScope, endpointId: string) =>
  and(eq(webhookDeliveries.endpointId, endpointId), ofOffice(scope, officeEvents.officeId));

/** A page of an endpoint's deliveries, newest first. */
export async function listDeliveries(
  db: Database,
  scope: OfficeScope,
  endpointId: string,
  page: { offset: number; limit: number },
) {
  const where = ofEndpointInScope(scope, endpointId);
  const rows = await db
    .select(deliveryWithType)
    .from(webhookDeliveries)
    .innerJoin(officeEvents, eq(officeEvents.id, webhookDeliveries.eventId))
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventId))
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await db
    .select({ total: count() })
    .from(webhookDeliveries)
    .innerJoin(officeEvents, eq(officeEvents.id, webhookDeliveries.eventId))
    .where(where);
  return { rows, total: total?.total ?? 0 };
}

export async function findDelivery(
  db: Database,
  scope: OfficeScope,
  endpointId: string,
  deliveryId: string,
) {
  const [row] = await db
    .select(deliveryWithType)
    .from(webhookDeliveries)
    .innerJoin(officeEvents, eq(officeEvents.id, webhookDeliveries.eventId))
    .where(and(ofEndpointInScope(scope, endpointId), eq(webhookDeliveries.id, deliveryId)));
  return row;
}
