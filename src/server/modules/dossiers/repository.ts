import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { accounts, clients } from "../accounts/schema.ts";
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

function selectDossiers(db: Database) {
  return db
    .select(dossierColumns)
    .from(dossiers)
    .innerJoin(offices, eq(offices.id, dossiers.officeId))
    .leftJoin(dossierStatuses, eq(dossierStatuses.id, dossiers.customStatusId))
    .leftJoin(accounts, eq(accounts.id, dossiers.handlerId));
}

/** `%text%` for ILIKE, with the wildcard characters of the text itself taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Dossiers whose status is one of the keys (built-in or custom ids). */
function hasStatus(keys: readonly string[]): SQL | undefined {
  if (keys.length === 0) return undefined;
  const stored = keys.map(storedStatus);
  const builtIn = stored.filter((entry) => entry.status !== "custom").map((entry) => entry.status);
  const custom = stored.flatMap((entry) => (entry.customStatusId ? [entry.customStatusId] : []));
  return or(
    builtIn.length > 0 ? inArray(dossiers.status, builtIn) : undefined,
    custom.length > 0 ? inArray(dossiers.customStatusId, custom) : undefined,
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
 * The office's dossiers matching the search (number, description, a client's name). The
 * client condition names the office too, so the planner never scans other offices' clients.
 */
export async function searchOfficeDossiers(
  db: Database,
  officeId: string,
  filter: OfficeDossierFilter,
): Promise<{ rows: DossierView[]; total: number }> {
  const text = filter.q ? containing(filter.q) : undefined;
  const where = and(
    eq(dossiers.officeId, officeId),
    text
      ? or(
          ilike(dossiers.number, text),
          ilike(dossiers.description, text),
          sql`exists (select 1 from ${dossierClients} join ${clients} on ${clients.id} = ${dossierClients.clientId}
                where ${dossierClients.dossierId} = ${dossiers.id} and ${clients.officeId} = ${dossiers.officeId}
                  and ${clients.name} ilike ${text})`,
        )
      : undefined,
    hasStatus(filter.status ?? []),
    filter.handler === "none"
      ? isNull(dossiers.handlerId)
      : filter.handler
        ? eq(dossiers.handlerId, filter.handler)
        : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    selectDossiers(db)
      .where(where)
      .orderBy(desc(dossiers.updatedAt), asc(dossiers.number))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(dossiers).where(where),
  ]);
  return { rows: rows as DossierView[], total: counted?.total ?? 0 };
}

/** The dossiers shared with a client, newest activity first. */
export async function listClientDossiers(
  db: Database,
  officeId: string,
  clientId: string,
  filter: DossierFilter,
): Promise<DossierView[]> {
  const text = filter.q ? containing(filter.q) : undefined;
  const rows = await selectDossiers(db)
    .innerJoin(dossierClients, eq(dossierClients.dossierId, dossiers.id))
    .where(
      and(
        eq(dossierClients.clientId, clientId),
        eq(dossiers.officeId, officeId),
        text ? or(ilike(dossiers.number, text), ilike(dossiers.description, text)) : undefined,
        hasStatus(filter.status ?? []),
      ),
    )
    .orderBy(desc(dossiers.updatedAt), asc(dossiers.number));
  return rows as DossierView[];
}

/** How many of the client's dossiers have each status (built-in key or custom id). */
export async function countClientDossiersByStatus(
  db: Database,
  officeId: string,
  clientId: string,
) {
  return db
    .select({
      status: dossiers.status,
      customStatusId: dossiers.customStatusId,
      customStatusLabel: dossierStatuses.label,
      count: count(),
    })
    .from(dossiers)
    .innerJoin(dossierClients, eq(dossierClients.dossierId, dossiers.id))
    .leftJoin(dossierStatuses, eq(dossierStatuses.id, dossiers.customStatusId))
    .where(and(eq(dossierClients.clientId, clientId), eq(dossiers.officeId, officeId)))
    .groupBy(dossiers.status, dossiers.customStatusId, dossierStatuses.label);
}

export async function findOfficeDossier(
  db: Database,
  officeId: string,
  dossierId: string,
): Promise<DossierView | undefined> {
  const [row] = await selectDossiers(db).where(
    and(eq(dossiers.id, dossierId), eq(dossiers.officeId, officeId)),
  );
  return row as DossierView | undefined;
}

/** The dossier, only when it is shared with the client (and of the client's office). */
export async function findClientDossier(
  db: Database,
  officeId: string,
  clientId: string,
  dossierId: string,
): Promise<DossierView | undefined> {
  const [row] = await selectDossiers(db)
    .innerJoin(dossierClients, eq(dossierClients.dossierId, dossiers.id))
    .where(
      and(
        eq(dossiers.id, dossierId),
        eq(dossiers.officeId, officeId),
        eq(dossierClients.clientId, clientId),
      ),
    );
  return row as DossierView | undefined;
}

export async function insertDossier(db: Database, values: typeof dossiers.$inferInsert) {
  const [row] = await db
    .insert(dossiers)
    .values(values)
    .onConflictDoNothing({ target: [dossiers.officeId, dossiers.number] })
    .returning({ id: dossiers.id });
  return row;
}

/** Whether another dossier of the office has this number. */
export async function isDossierNumberTaken(
  db: Database,
  officeId: string,
  number: string,
  exceptDossierId?: string,
): Promise<boolean> {
  const [clash] = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.officeId, officeId),
        eq(dossiers.number, number),
        exceptDossierId ? ne(dossiers.id, exceptDossierId) : undefined,
      ),
    );
  return clash !== undefined;
}

export async function updateDossierRow(
  db: Database,
  dossierId: string,
  values: Partial<typeof dossiers.$inferInsert>,
): Promise<void> {
  await db.update(dossiers).set(values).where(eq(dossiers.id, dossierId));
}

export async function replaceDossierClients(
  db: Database,
  dossierId: string,
  clientIds: readonly string[],
): Promise<void> {
  await db.delete(dossierClients).where(eq(dossierClients.dossierId, dossierId));
  if (clientIds.length > 0) {
    await db.insert(dossierClients).values(clientIds.map((clientId) => ({ dossierId, clientId })));
  }
}

/** The linked clients of each of the dossiers. */
export async function listDossierClients(db: Database, dossierIds: readonly string[]) {
  if (dossierIds.length === 0) return [];
  return db
    .select({
      dossierId: dossierClients.dossierId,
      id: clients.id,
      name: clients.name,
      kind: clients.kind,
    })
    .from(dossierClients)
    .innerJoin(clients, eq(clients.id, dossierClients.clientId))
    .where(inArray(dossierClients.dossierId, [...dossierIds]))
    .orderBy(asc(clients.name));
}

export function listProgressSteps(db: Database, dossierId: string) {
  return db
    .select({ id: progressSteps.id, title: progressSteps.title, doneOn: progressSteps.doneOn })
    .from(progressSteps)
    .where(eq(progressSteps.dossierId, dossierId))
    .orderBy(asc(progressSteps.position));
}

/** Done and total steps of each of the dossiers (absent: no progress list). */
export async function countProgress(db: Database, dossierIds: readonly string[]) {
  if (dossierIds.length === 0) return new Map<string, { done: number; total: number }>();
  const rows = await db
    .select({
      dossierId: progressSteps.dossierId,
      total: count(),
      done: count(progressSteps.doneOn),
    })
    .from(progressSteps)
    .where(inArray(progressSteps.dossierId, [...dossierIds]))
    .groupBy(progressSteps.dossierId);
  return new Map(rows.map((row) => [row.dossierId, { done: row.done, total: row.total }]));
}

export async function replaceProgressSteps(
  db: Database,
  dossierId: string,
  steps: ReadonlyArray<{ title: string; doneOn: string | null }>,
): Promise<void> {
  await db.delete(progressSteps).where(eq(progressSteps.dossierId, dossierId));
  if (steps.length > 0) {
    await db
      .insert(progressSteps)
      .values(steps.map((step, position) => ({ dossierId, position, ...step })));
  }
}

export function listOfficeStatuses(db: Database, officeId: string) {
  return db
    .select({ id: dossierStatuses.id, label: dossierStatuses.label })
    .from(dossierStatuses)
    .where(eq(dossierStatuses.officeId, officeId))
    .orderBy(asc(dossierStatuses.label));
}

export async function insertOfficeStatus(
  db: Database,
  values: typeof dossierStatuses.$inferInsert,
) {
  const [row] = await db
    .insert(dossierStatuses)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: dossierStatuses.id, label: dossierStatuses.label });
  return row;
}

/** Of the ids, those that are clients of the office. */
export async function filterOfficeClients(
  db: Database,
  officeId: string,
  clientIds: readonly string[],
): Promise<string[]> {
  if (clientIds.length === 0) return [];
  const rows = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.officeId, officeId), inArray(clients.id, [...clientIds])));
  return rows.map((row) => row.id);
}

/** The office's clients (persons and companies) to link to a dossier. */
export function listOfficeClients(db: Database, officeId: string) {
  return db
    .select({ id: clients.id, name: clients.name, kind: clients.kind })
    .from(clients)
    .where(eq(clients.officeId, officeId))
    .orderBy(asc(clients.name));
}

/** The office's active staff, who can handle dossiers. */
export function listOfficeHandlers(db: Database, officeId: string) {
  return db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(
      and(
        eq(accounts.officeId, officeId),
        eq(accounts.kind, "staff"),
        inArray(accounts.status, ["active", "invited"]),
      ),
    )
    .orderBy(asc(accounts.name));
}
