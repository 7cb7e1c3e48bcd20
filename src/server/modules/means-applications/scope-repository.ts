import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { ApplicationScope } from "#src/contracts/eherkenning/applications.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { catalogueServices, serviceProviders } from "../service-catalogue/schema.ts";

/** What an application's scope names in the catalogue (a join on the catalogue's tables). */

export interface ScopeService {
  id: string;
  nameNl: string;
  nameEn: string;
  providerName: string;
  level: "EH2+" | "EH3" | "EH4";
}

const scopeServiceColumns = {
  id: catalogueServices.id,
  nameNl: catalogueServices.nameNl,
  nameEn: catalogueServices.nameEn,
  providerName: serviceProviders.name,
  level: catalogueServices.level,
};

/**
 * The catalogue's services a scope names, withdrawn ones left out: the chosen services, or
 * every service of the chosen provider; none for "all services".
 */
export async function findScopeServices(
  db: Database,
  scope: ApplicationScope,
): Promise<ScopeService[]> {
  if (scope.kind === "all") return [];
  const condition =
    scope.kind === "services"
      ? inArray(catalogueServices.id, scope.serviceIds)
      : eq(catalogueServices.providerId, scope.providerId);
  return db
    .select(scopeServiceColumns)
    .from(catalogueServices)
    .innerJoin(serviceProviders, eq(serviceProviders.id, catalogueServices.providerId))
    .where(and(condition, isNull(catalogueServices.withdrawnAt)))
    .orderBy(asc(serviceProviders.name), asc(catalogueServices.nameNl));
}

export async function findProviderName(
  db: Database,
  providerId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ name: serviceProviders.name })
    .from(serviceProviders)
    .where(eq(serviceProviders.id, providerId));
  return row?.name;
}

/**
 * The names of what step 1 chose, in the language asked, and whether all of it still exists
 * (for the reviewer: withdrawn services count as gone, but are named).
 */
export async function describeScopeTargets(
  db: Database,
  scope: Exclude<ApplicationScope, { kind: "all" }>,
  locale: "nl" | "en",
): Promise<{ names: string[]; available: boolean }> {
  if (scope.kind === "provider") {
    const name = await findProviderName(db, scope.providerId);
    return { names: name === undefined ? [] : [name], available: name !== undefined };
  }
  const rows = await db
    .select({
      nameNl: catalogueServices.nameNl,
      nameEn: catalogueServices.nameEn,
      withdrawnAt: catalogueServices.withdrawnAt,
    })
    .from(catalogueServices)
    .where(inArray(catalogueServices.id, scope.serviceIds))
    .orderBy(asc(catalogueServices.nameNl));
  return {
    names: rows.map((row) => (locale === "en" ? row.nameEn : row.nameNl)),
    available:
      rows.length === new Set(scope.serviceIds).size && rows.every((row) => !row.withdrawnAt),
  };
}
