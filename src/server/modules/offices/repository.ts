import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { offices } from "./schema.ts";

export type OfficeRow = typeof offices.$inferSelect;

export async function insertOffice(
  db: Database,
  values: typeof offices.$inferInsert,
): Promise<OfficeRow | undefined> {
  const [row] = await db
    .insert(offices)
    .values(values)
    .onConflictDoNothing({ target: offices.debtorNumber })
    .returning();
  return row;
}

export async function findOfficeById(db: Database, id: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.id, id));
  return row;
}

export async function findOfficeByDebtorNumber(
  db: Database,
  debtorNumber: string,
): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.debtorNumber, debtorNumber));
  return row;
}

export function listOffices(db: Database): Promise<OfficeRow[]> {
  return db.select().from(offices).orderBy(asc(offices.name));
}

export async function updateOfficeEmail(db: Database, id: string, email: string): Promise<void> {
  await db.update(offices).set({ email }).where(eq(offices.id, id));
}

/** The office whose registered address is on this mail domain, if any. */
export async function findOfficeByEmailDomain(
  db: Database,
  domain: string,
): Promise<OfficeRow | undefined> {
  const [row] = await db
    .select()
    .from(offices)
    .where(sql`lower(split_part(${offices.email}, '@', 2)) = lower(${domain})`)
    .limit(1);
  return row;
}
