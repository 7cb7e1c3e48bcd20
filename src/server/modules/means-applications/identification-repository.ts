import { and, asc, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { identifications, meansApplications } from "./schema.ts";

/** The partner's face-to-face identification of an approved application (EH3, EH4). */

export type IdentificationRow = typeof identifications.$inferSelect;

export async function findIdentificationOfApplication(
  db: Database,
  applicationId: string,
): Promise<IdentificationRow | undefined> {
  const [row] = await db
    .select()
    .from(identifications)
    .where(eq(identifications.applicationId, applicationId));
  return row;
}

export async function insertIdentification(
  db: Database,
  values: typeof identifications.$inferInsert,
): Promise<IdentificationRow> {
  const [row] = await db.insert(identifications).values(values).returning();
  if (!row) throw new Error("inserting an identification returned no row");
  return row;
}

export async function updateIdentification(
  db: Database,
  id: string,
  values: Partial<typeof identifications.$inferInsert>,
): Promise<void> {
  await db.update(identifications).set(values).where(eq(identifications.id, id));
}

export async function findIdentificationWithApplication(db: Database, id: string) {
  const [row] = await db
    .select({ identification: identifications, application: meansApplications })
    .from(identifications)
    .innerJoin(meansApplications, eq(meansApplications.id, identifications.applicationId))
    .where(eq(identifications.id, id));
  return row;
}

/** Identifications not yet recorded of applications still waiting for one. */
const stillWaiting = () =>
  and(eq(meansApplications.state, "identification"), isNull(identifications.recordedAt));

/** The partner's work list: identifications of applications waiting for them, due first. */
export function listOpenIdentifications(db: Database, limit: number) {
  return db
    .select({ identification: identifications, application: meansApplications })
    .from(identifications)
    .innerJoin(meansApplications, eq(meansApplications.id, identifications.applicationId))
    .where(stillWaiting())
    .orderBy(asc(identifications.dueAt))
    .limit(limit);
}

/**
 * Applications waiting for an identification whose window has closed, locked and skipped by
 * another instance in the same round.
 */
export function lockLapsedIdentifications(db: Database, now: Date, limit: number) {
  return db
    .select({ application: meansApplications, identification: identifications })
    .from(meansApplications)
    .innerJoin(identifications, eq(identifications.applicationId, meansApplications.id))
    .where(and(stillWaiting(), lt(identifications.dueAt, now)))
    .orderBy(asc(identifications.dueAt))
    .limit(limit)
    .for("update", { of: meansApplications, skipLocked: true });
}
