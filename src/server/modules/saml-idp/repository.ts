import { and, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import {
  idpKeys,
  samlIdpSessions,
  samlPendingLogins,
  samlServiceProviderServices,
  samlServiceProviders,
} from "./schema.ts";

/**
 * The IdP's own tables. Not tenant data: SPs are the supplier's configuration, and a pending
 * login is reached only by the token in the browser that started it.
 */

export type ServiceProviderRow = typeof samlServiceProviders.$inferSelect;
export type PendingLoginRow = typeof samlPendingLogins.$inferSelect;

export async function findSigningKey(db: Database) {
  const [row] = await db.select().from(idpKeys).where(eq(idpKeys.purpose, "signing"));
  return row;
}

export async function insertSigningKeyUnlessPresent(
  db: Database,
  values: typeof idpKeys.$inferInsert,
): Promise<void> {
  await db.insert(idpKeys).values(values).onConflictDoNothing({ target: idpKeys.purpose });
}

/** The SP, or none when its entity id is taken. */
export async function insertServiceProvider(
  db: Database,
  values: typeof samlServiceProviders.$inferInsert,
): Promise<ServiceProviderRow | undefined> {
  const [row] = await db
    .insert(samlServiceProviders)
    .values(values)
    .onConflictDoNothing({ target: samlServiceProviders.entityId })
    .returning();
  return row;
}

export async function replaceServiceProviderServices(
  db: Database,
  serviceProviderId: string,
  catalogueServiceIds: readonly string[],
): Promise<void> {
  await db
    .delete(samlServiceProviderServices)
    .where(eq(samlServiceProviderServices.serviceProviderId, serviceProviderId));
  if (catalogueServiceIds.length === 0) return;
  await db
    .insert(samlServiceProviderServices)
    .values(
      catalogueServiceIds.map((catalogueServiceId) => ({ serviceProviderId, catalogueServiceId })),
    );
}

/** A registered SP that has not been withdrawn. */
export async function findActiveServiceProvider(db: Database, entityId: string) {
  const [row] = await db
    .select()
    .from(samlServiceProviders)
    .where(
      and(eq(samlServiceProviders.entityId, entityId), isNull(samlServiceProviders.withdrawnAt)),
    );
  return row;
}

export async function findServiceProvider(db: Database, id: string) {
  const [row] = await db.select().from(samlServiceProviders).where(eq(samlServiceProviders.id, id));
  return row;
}

export async function listServiceProviders(db: Database): Promise<ServiceProviderRow[]> {
  return db.select().from(samlServiceProviders).orderBy(samlServiceProviders.name);
}

export async function markServiceProviderWithdrawn(db: Database, id: string, at: Date) {
  const rows = await db
    .update(samlServiceProviders)
    .set({ withdrawnAt: at })
    .where(and(eq(samlServiceProviders.id, id), isNull(samlServiceProviders.withdrawnAt)))
    .returning({ id: samlServiceProviders.id });
  return rows.length > 0;
}

export async function allowedCatalogueServiceIds(
  db: Database,
  serviceProviderId: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: samlServiceProviderServices.catalogueServiceId })
    .from(samlServiceProviderServices)
    .where(eq(samlServiceProviderServices.serviceProviderId, serviceProviderId));
  return rows.map((row) => row.id);
}

/**
 * Records an accepted AuthnRequest; none when the SP already sent one with this ID, which is
 * how a replayed request is recognised (the unique key holds under concurrent requests too).
 */
export async function insertPendingLogin(
  db: Database,
  values: typeof samlPendingLogins.$inferInsert,
): Promise<PendingLoginRow | undefined> {
  const [row] = await db
    .insert(samlPendingLogins)
    .values(values)
    .onConflictDoNothing({
      target: [samlPendingLogins.serviceProviderId, samlPendingLogins.requestId],
    })
    .returning();
  return row;
}

export async function findPendingLogin(db: Database, tokenHash: string, lock = false) {
  const query = db
    .select()
    .from(samlPendingLogins)
    .where(eq(samlPendingLogins.tokenHash, tokenHash));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** Answers the request: only once, as the condition on `answered_at` makes sure. */
export async function markPendingAnswered(
  db: Database,
  id: string,
  values: { accountId: string; authorizationId: string; responseBase64: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(samlPendingLogins)
    .set({
      accountId: values.accountId,
      authorizationId: values.authorizationId,
      responseBase64: values.responseBase64,
      answeredAt: values.at,
    })
    .where(and(eq(samlPendingLogins.id, id), isNull(samlPendingLogins.answeredAt)))
    .returning({ id: samlPendingLogins.id });
  return rows.length > 0;
}

/** The answered Response, handed out once: the row keeps that it went, not what it said. */
export async function markResponseDelivered(db: Database, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(samlPendingLogins)
    .set({ deliveredAt: at, responseBase64: null })
    .where(and(eq(samlPendingLogins.id, id), isNull(samlPendingLogins.deliveredAt)))
    .returning({ id: samlPendingLogins.id });
  return rows.length > 0;
}

/** Pending logins past their expiry: their request IDs can no longer be fresh, so none replays. */
export async function deleteExpiredPendingLogins(db: Database, now: Date): Promise<number> {
  const rows = await db
    .delete(samlPendingLogins)
    .where(lt(samlPendingLogins.expiresAt, now))
    .returning({ id: samlPendingLogins.id });
  return rows.length;
}

export async function insertIdpSession(db: Database, values: typeof samlIdpSessions.$inferInsert) {
  await db.insert(samlIdpSessions).values(values);
}

/** Ends the account's open sessions at the SP (single logout); returns the account's id. */
export async function endIdpSessions(
  db: Database,
  serviceProviderId: string,
  nameId: string,
  at: Date,
): Promise<string[]> {
  const rows = await db
    .update(samlIdpSessions)
    .set({ endedAt: at })
    .where(
      and(
        eq(samlIdpSessions.serviceProviderId, serviceProviderId),
        eq(samlIdpSessions.nameId, nameId),
        isNull(samlIdpSessions.endedAt),
      ),
    )
    .returning({ accountId: samlIdpSessions.accountId });
  return [...new Set(rows.map((row) => row.accountId))];
}

/** An SP by its entity id, withdrawn or not. */
export async function findServiceProviderByEntityId(db: Database, entityId: string) {
  const [row] = await db
    .select()
    .from(samlServiceProviders)
    .where(eq(samlServiceProviders.entityId, entityId));
  return row;
}

export async function updateServiceProvider(
  db: Database,
  id: string,
  values: Partial<typeof samlServiceProviders.$inferInsert>,
): Promise<void> {
  await db.update(samlServiceProviders).set(values).where(eq(samlServiceProviders.id, id));
}
