import { and, count, desc, eq, gte } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { dataExports } from "./schema.ts";

export type DataExportRow = typeof dataExports.$inferSelect;

export async function insertDataExport(db: Database, values: typeof dataExports.$inferInsert) {
  const [row] = await db.insert(dataExports).values(values).returning();
  if (!row) throw new Error("inserting a data export returned no row");
  return row;
}

/** The login's newest export, if any. */
export async function findLatestExport(db: Database, accountId: string) {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(eq(dataExports.accountId, accountId))
    .orderBy(desc(dataExports.requestedAt))
    .limit(1);
  return row;
}

/** One of the login's own exports; another login's ids find nothing. */
export async function findOwnExport(db: Database, accountId: string, exportId: string) {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, exportId), eq(dataExports.accountId, accountId)));
  return row;
}

/**
 * An export by id alone, for its own jobs: the job was enqueued with the export that the
 * login's request made, so the id is the login's (checked when the request was made).
 */
export async function unscopedFindExport(db: Database, exportId: string) {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
  return row;
}

/** How many exports the login asked for since `since` (the daily limit). */
export async function countExportsSince(db: Database, accountId: string, since: Date) {
  const [row] = await db
    .select({ total: count() })
    .from(dataExports)
    .where(and(eq(dataExports.accountId, accountId), gte(dataExports.requestedAt, since)));
  return row?.total ?? 0;
}

export async function updateExport(
  db: Database,
  exportId: string,
  changes: Partial<typeof dataExports.$inferInsert>,
) {
  await db.update(dataExports).set(changes).where(eq(dataExports.id, exportId));
}
