import { and, asc, count, eq, inArray, isNull, max, type SQL, sql } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { offices } from "../offices/schema.ts";
import { catalogueServices, serviceProviders } from "./schema.ts";

export type ProviderRow = typeof serviceProviders.$inferSelect;
export type ServiceRow = typeof catalogueServices.$inferSelect;
export type ServiceWithProvider = { service: ServiceRow; provider: ProviderRow };

const isActive = isNull(catalogueServices.withdrawnAt);

/** Every provider by name, with how many of its services are in the catalogue. */
export function listProvidersWithActiveCounts(db: Database) {
  return db
    .select({
      provider: serviceProviders,
      activeServices: sql<number>`cast(${count(catalogueServices.id)} as integer)`,
    })
    .from(serviceProviders)
    .leftJoin(
      catalogueServices,
      and(eq(catalogueServices.providerId, serviceProviders.id), isActive),
    )
    .groupBy(serviceProviders.id)
    .orderBy(asc(serviceProviders.name), asc(serviceProviders.id));
}

/** The one provider the condition picks, locked until the transaction ends when `lock`. */
async function findOneProvider(
  db: Database,
  condition: SQL,
  lock = false,
): Promise<ProviderRow | undefined> {
  const query = db.select().from(serviceProviders).where(condition);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export function findProvider(db: Database, id: string): Promise<ProviderRow | undefined> {
  return findOneProvider(db, eq(serviceProviders.id, id));
}

/**
 * The provider, locked until the transaction ends: adding services under it (and choosing the
 * next free index) happens one at a time.
 */
export function lockProvider(db: Database, id: string): Promise<ProviderRow | undefined> {
  return findOneProvider(db, eq(serviceProviders.id, id), true);
}

export function findProviderByOin(db: Database, oin: string): Promise<ProviderRow | undefined> {
  return findOneProvider(db, eq(serviceProviders.oin, oin));
}

/** The new provider; none when its OIN is taken. */
export async function insertProvider(
  db: Database,
  values: typeof serviceProviders.$inferInsert,
): Promise<ProviderRow | undefined> {
  const [row] = await db
    .insert(serviceProviders)
    .values(values)
    .onConflictDoNothing({ target: serviceProviders.oin })
    .returning();
  return row;
}

export async function updateProvider(
  db: Database,
  id: string,
  values: Pick<ProviderRow, "name" | "websiteUrl">,
): Promise<void> {
  await db.update(serviceProviders).set(values).where(eq(serviceProviders.id, id));
}

/** A provider's services by index, withdrawn ones too. */
export function listServicesOfProvider(db: Database, providerId: string): Promise<ServiceRow[]> {
  return db
    .select()
    .from(catalogueServices)
    .where(eq(catalogueServices.providerId, providerId))
    .orderBy(asc(catalogueServices.serviceIndex));
}

/** Services joined to their providers. */
const servicesWithProviders = (db: Database) =>
  db
    .select({ service: catalogueServices, provider: serviceProviders })
    .from(catalogueServices)
    .innerJoin(serviceProviders, eq(serviceProviders.id, catalogueServices.providerId));

/** The one service the condition picks, with its provider; the service locked when `lock`. */
async function findOneServiceWithProvider(
  db: Database,
  condition: SQL,
  lock: boolean,
): Promise<ServiceWithProvider | undefined> {
  const query = servicesWithProviders(db).where(condition);
  const [row] = lock ? await query.for("update", { of: catalogueServices }) : await query;
  return row;
}

/** A service with its provider, locked until the transaction ends when `lock` is set. */
export function findServiceWithProvider(
  db: Database,
  id: string,
  lock = false,
): Promise<ServiceWithProvider | undefined> {
  return findOneServiceWithProvider(db, eq(catalogueServices.id, id), lock);
}

/** The new service; none when its index is taken at the provider. */
export async function insertService(
  db: Database,
  values: typeof catalogueServices.$inferInsert,
): Promise<ServiceRow | undefined> {
  const [row] = await db
    .insert(catalogueServices)
    .values(values)
    .onConflictDoNothing({
      target: [catalogueServices.providerId, catalogueServices.serviceIndex],
    })
    .returning();
  return row;
}

export async function updateService(
  db: Database,
  id: string,
  values: Partial<
    Pick<ServiceRow, "nameNl" | "nameEn" | "descriptionNl" | "descriptionEn" | "level">
  >,
): Promise<void> {
  await db.update(catalogueServices).set(values).where(eq(catalogueServices.id, id));
}

export async function markServiceWithdrawn(db: Database, id: string, at: Date): Promise<void> {
  await db
    .update(catalogueServices)
    .set({ withdrawnAt: at })
    .where(and(eq(catalogueServices.id, id), isActive));
}

/** The index after the provider's highest; 1 for its first service. */
export async function nextServiceIndex(db: Database, providerId: string): Promise<number> {
  const [row] = await db
    .select({ highest: max(catalogueServices.serviceIndex) })
    .from(catalogueServices)
    .where(eq(catalogueServices.providerId, providerId));
  return (row?.highest ?? 0) + 1;
}

/** The services in the catalogue (not withdrawn) with their providers, by provider and index. */
export function listActiveServices(
  db: Database,
  filter: { serviceIds?: readonly string[]; providerId?: string } = {},
): Promise<ServiceWithProvider[]> {
  return servicesWithProviders(db)
    .where(
      and(
        isActive,
        filter.serviceIds ? inArray(catalogueServices.id, [...filter.serviceIds]) : undefined,
        filter.providerId ? eq(catalogueServices.providerId, filter.providerId) : undefined,
      ),
    )
    .orderBy(
      asc(serviceProviders.name),
      asc(serviceProviders.id),
      asc(catalogueServices.serviceIndex),
    );
}

/** Every provider, those without a service in the catalogue too (the overview lists them). */
export function listAllProviders(db: Database): Promise<ProviderRow[]> {
  return db.select().from(serviceProviders).orderBy(asc(serviceProviders.name));
}

/** The notary offices whose client portal is not (yet) a service in the catalogue. */
export function officesWithoutPortalService(db: Database): Promise<{ id: string; name: string }[]> {
  return (
    db
      .select({ id: offices.id, name: offices.name })
      .from(offices)
      .leftJoin(catalogueServices, eq(catalogueServices.officeId, offices.id))
      .where(isNull(catalogueServices.id))
      // Oldest first, so the first offices get the lowest indexes; by name among equals.
      .orderBy(asc(offices.createdAt), asc(offices.name), asc(offices.id))
  );
}

/** The office's client portal as a service, withdrawn or not; locked when `lock` is set. */
export function findPortalServiceOfOffice(
  db: Database,
  officeId: string,
  lock = false,
): Promise<ServiceWithProvider | undefined> {
  return findOneServiceWithProvider(db, eq(catalogueServices.officeId, officeId), lock);
}

/** The offices whose client portal is an active service, with its id and level, by name. */
export function listActivePortalServices(db: Database) {
  return db
    .select({
      officeId: offices.id,
      officeName: offices.name,
      catalogueServiceId: catalogueServices.id,
      level: catalogueServices.level,
    })
    .from(catalogueServices)
    .innerJoin(offices, eq(offices.id, catalogueServices.officeId))
    .where(isNull(catalogueServices.withdrawnAt))
    .orderBy(asc(offices.name));
}
