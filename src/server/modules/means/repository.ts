import { and, asc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { accounts } from "../accounts/schema.ts";
import { catalogueServices, serviceProviders } from "../service-catalogue/schema.ts";
import { authorizations, means } from "./schema.ts";

/**
 * The means and authorizations (C6). Not tenant data of an office or client: only the supplier's
 * staff (by role, `requireSupplier`) and the holder (their own, by account) reach it, and each
 * service says which.
 */

export type MeansRow = typeof means.$inferSelect;
export type AuthorizationRow = typeof authorizations.$inferSelect;

export async function findMeansOfAccount(db: Database, accountId: string) {
  const [row] = await db.select().from(means).where(eq(means.accountId, accountId));
  return row;
}

/** The means under a lock, so a revocation and an issuance for one holder are taken in turn. */
export async function lockMeans(db: Database, meansId: string) {
  const [row] = await db.select().from(means).where(eq(means.id, meansId)).for("update");
  return row;
}

export async function lockMeansOfAccount(db: Database, accountId: string) {
  const [row] = await db.select().from(means).where(eq(means.accountId, accountId)).for("update");
  return row;
}

export async function insertMeans(db: Database, values: typeof means.$inferInsert) {
  const [row] = await db.insert(means).values(values).returning();
  if (!row) throw new Error("inserting a means returned no row");
  return row;
}

export async function updateMeans(
  db: Database,
  id: string,
  values: Partial<typeof means.$inferInsert>,
): Promise<void> {
  await db.update(means).set(values).where(eq(means.id, id));
}

export async function insertAuthorizations(
  db: Database,
  values: (typeof authorizations.$inferInsert)[],
): Promise<AuthorizationRow[]> {
  if (values.length === 0) return [];
  return db.insert(authorizations).values(values).returning();
}

export async function lockAuthorization(db: Database, id: string) {
  const [row] = await db
    .select()
    .from(authorizations)
    .where(eq(authorizations.id, id))
    .for("update");
  return row;
}

export async function updateAuthorization(
  db: Database,
  id: string,
  values: Partial<typeof authorizations.$inferInsert>,
): Promise<void> {
  await db.update(authorizations).set(values).where(eq(authorizations.id, id));
}

/** Revokes every authorization of a means still unrevoked, at once. */
export async function revokeAuthorizationsOfMeans(
  db: Database,
  meansId: string,
  at: Date,
  reason: string,
): Promise<number> {
  const rows = await db
    .update(authorizations)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(authorizations.meansId, meansId), isNull(authorizations.revokedAt)))
    .returning({ id: authorizations.id });
  return rows.length;
}

/** An authorization as shown: with the name of its service or provider. */
export async function listAuthorizationViews(db: Database, meansIds: readonly string[]) {
  if (meansIds.length === 0) return [];
  return db
    .select({
      authorization: authorizations,
      serviceNameNl: catalogueServices.nameNl,
      serviceNameEn: catalogueServices.nameEn,
      providerName: serviceProviders.name,
    })
    .from(authorizations)
    .leftJoin(catalogueServices, eq(catalogueServices.id, authorizations.serviceId))
    .leftJoin(
      serviceProviders,
      sql`${serviceProviders.id} = coalesce(${authorizations.providerId}, ${catalogueServices.providerId})`,
    )
    .where(inArray(authorizations.meansId, [...meansIds]))
    .orderBy(asc(authorizations.companyName), asc(authorizations.createdAt));
}
export type AuthorizationViewRow = Awaited<ReturnType<typeof listAuthorizationViews>>[number];

/** The means whose holder's address contains the text (all when none), newest first. */
export function searchMeansByHolderEmail(
  db: Database,
  emailPart: string | undefined,
  limit: number,
) {
  const pattern = emailPart ? `%${emailPart.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select({
      means,
      holder: { name: accounts.name, email: accounts.email, status: accounts.status },
    })
    .from(means)
    .innerJoin(accounts, eq(accounts.id, means.accountId))
    .where(pattern ? sql`${accounts.email} like ${pattern}` : undefined)
    .orderBy(sql`${means.issuedAt} desc`)
    .limit(limit);
}

export async function findMeansWithHolder(db: Database, meansId: string) {
  const [row] = await db
    .select({
      means,
      holder: {
        name: accounts.name,
        email: accounts.email,
        status: accounts.status,
        locale: accounts.locale,
      },
    })
    .from(means)
    .innerJoin(accounts, eq(accounts.id, means.accountId))
    .where(eq(means.id, meansId));
  return row;
}

/**
 * Authorizations ending within the reminder window and not yet reminded, of means still in
 * force, locked and skipped by another instance doing the same round.
 */
export function lockDueRenewalReminders(db: Database, now: Date, until: Date, limit: number) {
  return db
    .select({
      authorization: authorizations,
      holder: {
        id: accounts.id,
        name: accounts.name,
        email: accounts.email,
        locale: accounts.locale,
      },
    })
    .from(authorizations)
    .innerJoin(means, eq(means.id, authorizations.meansId))
    .innerJoin(accounts, eq(accounts.id, means.accountId))
    .where(
      and(
        isNull(authorizations.renewalRemindedAt),
        isNull(authorizations.revokedAt),
        isNull(means.revokedAt),
        gt(authorizations.validUntil, now),
        lte(authorizations.validUntil, until),
      ),
    )
    .orderBy(asc(authorizations.validUntil))
    .limit(limit)
    .for("update", { of: authorizations, skipLocked: true });
}

/** The services of the catalogue by id, withdrawn ones left out: what an authorization names. */
export function findAvailableServices(db: Database, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: catalogueServices.id, providerId: catalogueServices.providerId })
    .from(catalogueServices)
    .where(
      and(inArray(catalogueServices.id, [...serviceIds]), isNull(catalogueServices.withdrawnAt)),
    );
}

export async function providerExists(db: Database, providerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: serviceProviders.id })
    .from(serviceProviders)
    .where(eq(serviceProviders.id, providerId));
  return row !== undefined;
}

/**
 * The authorizations of a means as a login checks them: with the ServiceID parts of a
 * service-scoped one (its provider's OIN and the service's index) and the OIN of a
 * provider-scoped one.
 */
export function listAuthorizationsForLogin(db: Database, meansId: string) {
  return db
    .select({
      authorization: authorizations,
      serviceIndex: catalogueServices.serviceIndex,
      providerOin: serviceProviders.oin,
    })
    .from(authorizations)
    .leftJoin(catalogueServices, eq(catalogueServices.id, authorizations.serviceId))
    .leftJoin(
      serviceProviders,
      sql`${serviceProviders.id} = coalesce(${authorizations.providerId}, ${catalogueServices.providerId})`,
    )
    .where(eq(authorizations.meansId, meansId))
    .orderBy(asc(authorizations.companyName), asc(authorizations.branchNumber));
}
