import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  like,
  ne,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from "drizzle-orm";
import {
  foundIn,
  inVisibleDossier,
  ofOffice,
  scopePlaceholders,
  scopeValues,
} from "#src/server/access/tenant-filters.ts";
import type {
  ClientScope,
  InScope,
  OfficeScope,
  TenantScope,
} from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { containing } from "#src/server/platform/db/like-pattern.ts";
import {
  isAnyOf,
  PLANNED_EACH_TIME,
  preparedQuery,
  preparedVariants,
} from "#src/server/platform/db/prepared-queries.ts";
import { accounts, clients, OFFICE_SOFTWARE_ROLE } from "../accounts/schema.ts";
import { offices } from "../offices/schema.ts";
import { type StoredStatus, storedStatus } from "./dossier-status.ts";
import { dossierClients, dossierStatuses, dossiers, progressSteps } from "./schema.ts";

export type DossierRow = typeof dossiers.$inferSelect;

/** The columns every dossier answer needs, with the custom status's label and the handler. */
const dossierColumns = {
  id: dossiers.id,
  officeId: dossiers.officeId,
  officeName: offices.name,
  number: dossiers.number,
  description: dossiers.description,
  status: dossiers.status,
  customStatusId: dossiers.customStatusId,
  customStatusLabel: dossierStatuses.label,
  handlerId: dossiers.handlerId,
  handlerName: accounts.name,
  createdAt: dossiers.createdAt,
  updatedAt: dossiers.updatedAt,
};
export interface DossierView extends StoredStatus {
  id: string;
  officeId: string;
  officeName: string;
  number: string;
  description: string;
  customStatusLabel: string | null;
  handlerId: string | null;
  handlerName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A dossier the actor may see, found in the actor's scope. */
export type ScopedDossier = InScope<DossierView>;
/** What work on a dossier's parts needs of a dossier found in scope: its id. */
export type DossierRef = InScope<{ id: string }>;

const dossierTenant = { officeId: dossiers.officeId, dossierId: dossiers.id };

function selectDossiers<Extra extends Record<string, SQL.Aliased | SQL>>(
  db: Database,
  extra?: Extra,
) {
  return db
    .select({ ...dossierColumns, ...(extra as Extra) })
    .from(dossiers)
    .innerJoin(offices, eq(offices.id, dossiers.officeId))
    .leftJoin(dossierStatuses, eq(dossierStatuses.id, dossiers.customStatusId))
    .leftJoin(accounts, eq(accounts.id, dossiers.handlerId));
}

/** Status keys (built-in keys or custom ids) as the two columns hold them. */
function storedStatusLists(keys: readonly string[]) {
  const stored = keys.map(storedStatus);
  return {
    builtIn: stored.flatMap((entry) => (entry.status === "custom" ? [] : [entry.status])),
    custom: stored.flatMap((entry) => (entry.customStatusId ? [entry.customStatusId] : [])),
  };
}

/** Dossiers whose status is one of the `statuses` or `customStatusIds` placeholders' values. */
function hasStatusPlaceholders(): SQL | undefined {
  return or(
    isAnyOf(dossiers.status, "statuses"),
    isAnyOf(dossiers.customStatusId, "customStatusIds"),
  );
}

export interface DossierFilter {
  q?: string | undefined;
  status?: readonly string[] | undefined;
}

export interface OfficeDossierFilter extends DossierFilter {
  handler?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * The dossiers whose number, description or a client's name contains the text (a `%…%`
 * pattern, in any case): a LIKE on their lower-cased `search_text`, which one trigram index of
 * the office finds (migration 0022), so a large office costs what its matches cost.
 */
function containingText(text: SQLWrapper): SQL {
  return like(dossiers.searchText, sql`lower(${text})`);
}

/**
 * The offset of a subquery that PostgreSQL must plan apart from the query around it: none, but
 * a subquery with an OFFSET clause is never merged into its outer query. (Drizzle leaves out an
 * offset of a literal 0, so it is a placeholder's value.)
 */
const PLANNED_APART = 0;

/** Which of the staff search's filters a search uses: its statement has those conditions. */
type SearchVariant =
  `${"text" | "any-text"}:${"status" | "any-status"}:${"handler" | "no-handler" | "any-handler"}`;

/** The office's dossiers matching the search (number, description, a client's name). */
export async function searchOfficeDossiers(
  db: Database,
  scope: OfficeScope,
  filter: OfficeDossierFilter,
): Promise<{ rows: ScopedDossier[]; total: number }> {
  const variant: SearchVariant = `${filter.q ? "text" : "any-text"}:${filter.status?.length ? "status" : "any-status"}:${filter.handler === "none" ? "no-handler" : filter.handler ? "handler" : "any-handler"}`;
  const { builtIn, custom } = storedStatusLists(filter.status ?? []);
  const values = {
    ...scopeValues(scope),
    text: filter.q ? containing(filter.q) : null,
    statuses: builtIn,
    customStatusIds: custom,
    handlerId: filter.handler === "none" ? null : (filter.handler ?? null),
  };
  const rows = await staffSearchQuery(db, variant).execute({
    ...values,
    plannedApart: PLANNED_APART,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  // Only a page past the end has no row to carry the total.
  const total =
    rows[0]?.total ??
    (filter.page > 1
      ? ((await staffSearchTotalQuery(db, variant).execute(values))[0]?.total ?? 0)
      : 0);
  return { rows: foundIn(rows as DossierView[]), total };
}

/** The staff search's conditions for a variant, with placeholders for the values. */
function searchConditions(variant: SearchVariant): SQL | undefined {
  const [byText, byStatus, byHandler] = variant.split(":");
  const scope = scopePlaceholders.office;
  return and(
    inVisibleDossier(scope, dossierTenant),
    byText === "text" ? containingText(sql.placeholder("text")) : undefined,
    byStatus === "status" ? hasStatusPlaceholders() : undefined,
    byHandler === "no-handler"
      ? isNull(dossiers.handlerId)
      : byHandler === "handler"
        ? eq(dossiers.handlerId, sql.placeholder("handlerId"))
        : undefined,
  );
}

/**
 * The page of the search and the number of all matches, in one pass over the matches (a window
 * count is taken before the limit). Only the page's dossiers are joined to their office, status
 * and handler. The matches are a subquery with an OFFSET (of 0, `PLANNED_APART`), which
 * PostgreSQL plans on its own: there it reads them through the trigram index, where it would
 * otherwise walk the whole office in order of activity for the sake of the LIMIT, only to count
 * every row anyway (a common word in a large office: 60 ms instead of 33).
 * Built once per variant, but planned each time: how many dossiers a text matches decides the
 * best plan.
 */
const staffSearchQuery = preparedVariants((db, variant: SearchVariant) => {
  const matches = db
    .select({ id: dossiers.id, updatedAt: dossiers.updatedAt, number: dossiers.number })
    .from(dossiers)
    .where(searchConditions(variant))
    .offset(sql.placeholder("plannedApart"))
    .as("matches");
  const page = db
    .select({
      id: matches.id,
      updatedAt: matches.updatedAt,
      number: matches.number,
      total: sql<number>`count(*) over ()`.as("total"),
    })
    .from(matches)
    .orderBy(desc(matches.updatedAt), asc(matches.number))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .as("page");
  return selectDossiers(db, { total: sql<number>`${page.total}`.mapWith(Number) })
    .innerJoin(page, eq(page.id, dossiers.id))
    .orderBy(desc(page.updatedAt), asc(page.number))
    .prepare(PLANNED_EACH_TIME);
});

const staffSearchTotalQuery = preparedVariants((db, variant: SearchVariant) =>
  db
    .select({ total: count() })
    .from(dossiers)
    .where(searchConditions(variant))
    .prepare(PLANNED_EACH_TIME),
);

/** The dossiers shared with a client, newest activity first. */
export async function listClientDossiers(
  db: Database,
  scope: ClientScope,
  filter: DossierFilter,
): Promise<ScopedDossier[]> {
  const statuses = filter.status ?? [];
  const byText = filter.q ? "text" : "any-text";
  const byStatus = statuses.length > 0 ? "status" : "any-status";
  const { builtIn, custom } = storedStatusLists(statuses);
  const rows = await clientDossiersQuery(db, `${byText}:${byStatus}`).execute({
    ...scopeValues(scope),
    text: filter.q ? containing(filter.q) : null,
    statuses: builtIn,
    customStatusIds: custom,
  });
  return foundIn(rows as DossierView[]);
}

/** Prepared for each combination of the list's filters: a search text, a choice of statuses. */
const clientDossiersQuery = preparedVariants(
  (db, variant: `${"text" | "any-text"}:${"status" | "any-status"}`) => {
    const [byText, byStatus] = variant.split(":");
    const text = sql.placeholder("text");
    return selectDossiers(db)
      .where(
        and(
          inVisibleDossier(scopePlaceholders.client, dossierTenant),
          byText === "text"
            ? or(ilike(dossiers.number, text), ilike(dossiers.description, text))
            : undefined,
          byStatus === "status" ? hasStatusPlaceholders() : undefined,
        ),
      )
      .orderBy(desc(dossiers.updatedAt), asc(dossiers.number))
      .prepare(`client_dossiers:${variant}`);
  },
);

/** How many of the client's dossiers have each status (built-in key or custom id). */
export async function countClientDossiersByStatus(db: Database, scope: ClientScope) {
  return clientStatusCountsQuery(db).execute(scopeValues(scope));
}

const clientStatusCountsQuery = preparedQuery((db) =>
  db
    .select({
      status: dossiers.status,
      customStatusId: dossiers.customStatusId,
      customStatusLabel: dossierStatuses.label,
      count: count(),
    })
    .from(dossiers)
    .leftJoin(dossierStatuses, eq(dossierStatuses.id, dossiers.customStatusId))
    .where(inVisibleDossier(scopePlaceholders.client, dossierTenant))
    .groupBy(dossiers.status, dossiers.customStatusId, dossierStatuses.label)
    .prepare("client_status_counts"),
);

/** The dossier, when the scope sees it: the office's own, or one shared with the client. */
export async function findDossier(
  db: Database,
  scope: TenantScope,
  dossierId: string,
): Promise<ScopedDossier | undefined> {
  const rows = await selectDossiers(db).where(
    and(eq(dossiers.id, dossierId), inVisibleDossier(scope, dossierTenant)),
  );
  return foundIn(rows as DossierView[])[0];
}

export async function insertDossier(
  db: Database,
  scope: OfficeScope,
  values: Omit<typeof dossiers.$inferInsert, "officeId">,
) {
  const [row] = await db
    .insert(dossiers)
    .values({ ...values, officeId: scope.officeId })
    .onConflictDoNothing({ target: [dossiers.officeId, dossiers.number] })
    .returning({ id: dossiers.id });
  return foundIn(row ? [row] : [])[0];
}

/** Whether another dossier of the office has this number. */
export async function isDossierNumberTaken(
  db: Database,
  scope: OfficeScope,
  number: string,
  exceptDossierId?: string,
): Promise<boolean> {
  const [clash] = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(
      and(
        ofOffice(scope, dossiers.officeId),
        eq(dossiers.number, number),
        exceptDossierId ? ne(dossiers.id, exceptDossierId) : undefined,
      ),
    );
  return clash !== undefined;
}

export async function updateDossierRow(
  db: Database,
  dossier: DossierRef,
  values: Partial<Omit<typeof dossiers.$inferInsert, "id" | "officeId">>,
): Promise<void> {
  await db.update(dossiers).set(values).where(eq(dossiers.id, dossier.id));
}

/** Links the clients; the caller checked that they are the office's own (`filterOfficeClients`). */
export async function replaceDossierClients(
  db: Database,
  dossier: DossierRef,
  clientIds: readonly string[],
): Promise<void> {
  const dossierId = dossier.id;
  await db.delete(dossierClients).where(eq(dossierClients.dossierId, dossierId));
  if (clientIds.length > 0) {
    await db.insert(dossierClients).values(clientIds.map((clientId) => ({ dossierId, clientId })));
  }
}

/** The linked clients of each of the dossiers. */
export async function listDossierClients(db: Database, scopedDossiers: readonly DossierRef[]) {
  const dossierIds = scopedDossiers.map((dossier) => dossier.id);
  if (dossierIds.length === 0) return [];
  return dossierClientsQuery(db).execute({ dossierIds });
}

const dossierClientsQuery = preparedQuery((db) =>
  db
    .select({
      dossierId: dossierClients.dossierId,
      id: clients.id,
      name: clients.name,
      kind: clients.kind,
    })
    .from(dossierClients)
    .innerJoin(clients, eq(clients.id, dossierClients.clientId))
    .where(isAnyOf(dossierClients.dossierId, "dossierIds"))
    .orderBy(asc(clients.name))
    .prepare("dossier_clients"),
);

export function listProgressSteps(db: Database, dossier: DossierRef) {
  return db
    .select({ id: progressSteps.id, title: progressSteps.title, doneOn: progressSteps.doneOn })
    .from(progressSteps)
    .where(eq(progressSteps.dossierId, dossier.id))
    .orderBy(asc(progressSteps.position));
}

/** Done and total steps of each of the dossiers (absent: no progress list). */
export async function countProgress(db: Database, scopedDossiers: readonly DossierRef[]) {
  const dossierIds = scopedDossiers.map((dossier) => dossier.id);
  if (dossierIds.length === 0) return new Map<string, { done: number; total: number }>();
  const rows = await progressCountsQuery(db).execute({ dossierIds });
  return new Map(rows.map((row) => [row.dossierId, { done: row.done, total: row.total }]));
}

const progressCountsQuery = preparedQuery((db) =>
  db
    .select({
      dossierId: progressSteps.dossierId,
      total: count(),
      done: count(progressSteps.doneOn),
    })
    .from(progressSteps)
    .where(isAnyOf(progressSteps.dossierId, "dossierIds"))
    .groupBy(progressSteps.dossierId)
    .prepare("progress_counts"),
);

export async function replaceProgressSteps(
  db: Database,
  dossier: DossierRef,
  steps: ReadonlyArray<{ title: string; doneOn: string | null }>,
): Promise<void> {
  const dossierId = dossier.id;
  await db.delete(progressSteps).where(eq(progressSteps.dossierId, dossierId));
  if (steps.length > 0) {
    await db
      .insert(progressSteps)
      .values(steps.map((step, position) => ({ dossierId, position, ...step })));
  }
}

export function listOfficeStatuses(db: Database, scope: OfficeScope) {
  return db
    .select({ id: dossierStatuses.id, label: dossierStatuses.label })
    .from(dossierStatuses)
    .where(ofOffice(scope, dossierStatuses.officeId))
    .orderBy(asc(dossierStatuses.label));
}

export async function insertOfficeStatus(
  db: Database,
  scope: OfficeScope,
  values: Omit<typeof dossierStatuses.$inferInsert, "officeId">,
) {
  const [row] = await db
    .insert(dossierStatuses)
    .values({ ...values, officeId: scope.officeId })
    .onConflictDoNothing()
    .returning({ id: dossierStatuses.id, label: dossierStatuses.label });
  return row;
}

/** Of the ids, those that are clients of the office. */
export async function filterOfficeClients(
  db: Database,
  scope: OfficeScope,
  clientIds: readonly string[],
): Promise<string[]> {
  if (clientIds.length === 0) return [];
  const rows = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(ofOffice(scope, clients.officeId), inArray(clients.id, [...clientIds])));
  return rows.map((row) => row.id);
}

/** The office's clients (persons and companies) to link to a dossier. */
export function listOfficeClients(db: Database, scope: OfficeScope) {
  return db
    .select({ id: clients.id, name: clients.name, kind: clients.kind })
    .from(clients)
    .where(ofOffice(scope, clients.officeId))
    .orderBy(asc(clients.name));
}

/** The office's active staff, who can handle dossiers (people: not the practice software). */
export function listOfficeHandlers(db: Database, scope: OfficeScope) {
  return db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(
      and(
        ofOffice(scope, accounts.officeId),
        eq(accounts.kind, "staff"),
        inArray(accounts.status, ["active", "invited"]),
        sql`${accounts.role} IS DISTINCT FROM ${OFFICE_SOFTWARE_ROLE}`,
      ),
    )
    .orderBy(asc(accounts.name));
}
