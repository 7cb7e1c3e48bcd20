import { and, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { dossierClients } from "#src/server/modules/dossiers/schema.ts";
import type { ClientScope, InScope, OfficeScope, TenantScope } from "./tenant-scope.ts";

/**
 * The tenant conditions every repository adds to its queries: written here once, for each kind
 * of scope, so no query states its own version of who may see a row.
 */

/**
 * Scopes whose ids are placeholders, for a query prepared once (`platform/db/prepared-queries.ts`)
 * with the same tenant conditions as any other: the conditions are written with placeholders,
 * and each execution takes the ids from the actor's own scope through `scopeValues`. They are
 * no scope to act in: a prepared query without values finds nothing.
 */
export const scopePlaceholders = {
  client: {
    kind: "client",
    officeId: sql.placeholder("scopeOfficeId"),
    clientId: sql.placeholder("scopeClientId"),
  } as unknown as ClientScope,
  office: { kind: "office", officeId: sql.placeholder("scopeOfficeId") } as unknown as OfficeScope,
};

/** The acting login's id as a placeholder, beside a scope's: read state is kept per login. */
export const accountPlaceholder = sql.placeholder("accountId") as unknown as string;

/** The values of `scopePlaceholders` for a query run in `scope`. */
export function scopeValues(scope: TenantScope): Record<string, string> {
  return scope.kind === "client"
    ? { scopeOfficeId: scope.officeId, scopeClientId: scope.clientId }
    : { scopeOfficeId: scope.officeId };
}

/** Rows of the scope's office (by the row's office column). */
export function ofOffice(scope: TenantScope, officeId: PgColumn): SQL {
  return eq(officeId, scope.officeId);
}

/**
 * Rows of the scope's office, or shared by every office (no office: the starter library of
 * questionnaire templates).
 */
export function ofOfficeOrShared(scope: TenantScope, officeId: PgColumn): SQL {
  return or(ofOffice(scope, officeId), isNull(officeId)) as SQL;
}

/**
 * Rows of a dossier that the scope sees (the dossier itself, its documents): for an office,
 * every dossier of its own; for a client, the dossiers of its office that are shared with it.
 */
export function inVisibleDossier(
  scope: TenantScope,
  columns: { officeId: PgColumn; dossierId: PgColumn },
): SQL {
  const sameOffice = ofOffice(scope, columns.officeId);
  if (scope.kind === "office") return sameOffice;
  return and(
    sameOffice,
    sql`exists (select 1 from ${dossierClients} where ${dossierClients.dossierId} = ${columns.dossierId}
          and ${dossierClients.clientId} = ${scope.clientId})`,
  ) as SQL;
}

/**
 * Rows of a dossier that belong to one of its clients or, with no client, to all of them (a
 * dossier's messages: a client's conversation with the office is its own, not its co-clients'):
 * for an office, every such row of its own dossiers; for a client, in a dossier shared with it,
 * the rows of all clients and its own.
 */
export function inVisibleDossierForClient(
  scope: TenantScope,
  columns: { officeId: PgColumn; dossierId: PgColumn; clientId: PgColumn },
): SQL {
  const inDossier = inVisibleDossier(scope, columns);
  if (scope.kind === "office") return inDossier;
  return and(inDossier, or(isNull(columns.clientId), eq(columns.clientId, scope.clientId))) as SQL;
}

/**
 * Rows of a dossier that belong to exactly one of its clients (an action sent to it): for an
 * office, every such row of its own dossiers; for a client, its own, in a dossier shared with it.
 */
export function ofClientInVisibleDossier(
  scope: TenantScope,
  columns: { officeId: PgColumn; dossierId: PgColumn; clientId: PgColumn },
): SQL {
  const inDossier = inVisibleDossier(scope, columns);
  if (scope.kind === "office") return inDossier;
  return and(inDossier, eq(columns.clientId, scope.clientId)) as SQL;
}

/** Marks what a query with these conditions found as found in its scope (see `InScope`). */
export function foundIn<Row>(rows: Row[]): InScope<Row>[] {
  return rows as InScope<Row>[];
}
