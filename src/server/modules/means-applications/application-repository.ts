import { and, asc, eq, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { ApplicationState } from "#src/contracts/eherkenning/applications.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import {
  applicationAttachments,
  applicationCodes,
  applicationSigners,
  identifications,
  meansApplications,
} from "./schema.ts";

/**
 * The applications themselves: the applicant's draft and its state changes, the supplier's
 * queue, and the nightly rounds that abandon and erase. Applications are no tenant data of an
 * office or client: the applicant reaches their own by its access token, the supplier's staff
 * by role.
 */

export type ApplicationRow = typeof meansApplications.$inferSelect;

export async function insertApplication(
  db: Database,
  values: typeof meansApplications.$inferInsert,
): Promise<ApplicationRow> {
  const [row] = await db.insert(meansApplications).values(values).returning();
  if (!row) throw new Error("inserting an application returned no row");
  return row;
}

/** The one application the condition picks, locked until the transaction ends when `lock`. */
async function findOneApplication(
  db: Database,
  condition: SQL,
  lock = false,
): Promise<ApplicationRow | undefined> {
  const query = db.select().from(meansApplications).where(condition);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** The application whose access token hashes to this, if any. */
export function findApplicationByTokenHash(
  db: Database,
  accessTokenHash: string,
): Promise<ApplicationRow | undefined> {
  return findOneApplication(db, eq(meansApplications.accessTokenHash, accessTokenHash));
}

export function findApplicationById(
  db: Database,
  applicationId: string,
): Promise<ApplicationRow | undefined> {
  return findOneApplication(db, eq(meansApplications.id, applicationId));
}

/**
 * The application under a lock: every change of its state takes it first, so two changes (two
 * decisions, or a decision and the applicant's own change) are taken in turn and the second
 * sees the first.
 */
export function lockApplication(
  db: Database,
  applicationId: string,
): Promise<ApplicationRow | undefined> {
  return findOneApplication(db, eq(meansApplications.id, applicationId), true);
}

export async function updateApplication(
  db: Database,
  applicationId: string,
  values: Partial<typeof meansApplications.$inferInsert>,
): Promise<void> {
  await db.update(meansApplications).set(values).where(eq(meansApplications.id, applicationId));
}

/**
 * Moves the application from one state to the next only if it is still in the first, so a
 * change that raced another (a rejection, a second submit) changes nothing. Returns whether it
 * moved.
 */
export async function moveApplicationState(
  db: Database,
  applicationId: string,
  from: ApplicationRow["state"],
  values: Partial<typeof meansApplications.$inferInsert> & { state: ApplicationRow["state"] },
): Promise<boolean> {
  const moved = await db
    .update(meansApplications)
    .set(values)
    .where(and(eq(meansApplications.id, applicationId), eq(meansApplications.state, from)))
    .returning({ id: meansApplications.id });
  return moved.length === 1;
}

// ── The supplier's queue ──

/** Oldest first: by when it was submitted, a draft by when it was started. */
const oldestFirst = sql`coalesce(${meansApplications.submittedAt}, ${meansApplications.createdAt})`;

export function listApplicationsInState(db: Database, state: ApplicationState, limit: number) {
  return db
    .select({
      id: meansApplications.id,
      reference: meansApplications.reference,
      state: meansApplications.state,
      company: meansApplications.company,
      kvkNumber: meansApplications.kvkNumber,
      level: meansApplications.level,
      userName: meansApplications.userName,
      submittedAt: meansApplications.submittedAt,
    })
    .from(meansApplications)
    .where(eq(meansApplications.state, state))
    .orderBy(asc(oldestFirst), asc(meansApplications.id))
    .limit(limit);
}

// ── The nightly rounds ──

/**
 * Applications left in a state since before `before`, locked and skipped by another instance
 * in the same round: drafts untouched (by `updatedAt`), signing since submission.
 */
export function lockStaleApplications(
  db: Database,
  state: "draft" | "signing",
  before: Date,
  limit: number,
) {
  const since = state === "draft" ? meansApplications.updatedAt : meansApplications.submittedAt;
  return db
    .select()
    .from(meansApplications)
    .where(and(eq(meansApplications.state, state), lt(since, before)))
    .orderBy(asc(since))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/**
 * Rejected and abandoned applications whose personal data is past its retention (counted from
 * the last change, which was the rejection or abandonment), not yet erased.
 */
export function lockErasable(db: Database, before: Date, limit: number) {
  return db
    .select()
    .from(meansApplications)
    .where(
      and(
        inArray(meansApplications.state, ["rejected", "abandoned"]),
        isNull(meansApplications.erasedAt),
        lt(meansApplications.updatedAt, before),
      ),
    )
    .orderBy(asc(meansApplications.updatedAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/**
 * Erases an application's personal data, keeping its row (reference, state, dates) and the
 * signers' rows without who they were or why they declined: what the audit trail points at
 * stays.
 */
export async function erasePersonalData(db: Database, id: string, at: Date): Promise<void> {
  await db.delete(applicationCodes).where(eq(applicationCodes.applicationId, id));
  await db.delete(applicationAttachments).where(eq(applicationAttachments.applicationId, id));
  await db
    .update(applicationSigners)
    .set({ name: "", email: "", mobile: null, declineReason: null })
    .where(eq(applicationSigners.applicationId, id));
  await db
    .update(identifications)
    .set({
      appointmentPlace: null,
      documentType: null,
      documentNumberSealed: null,
      documentExpiresOn: null,
      photoMatches: null,
      placeOfCheck: null,
      notes: null,
    })
    .where(eq(identifications.applicationId, id));
  await db
    .update(meansApplications)
    .set({
      userName: null,
      userEmail: null,
      userMobile: null,
      company: null,
      kvkNumber: null,
      branchNumber: null,
      userWorksForCompany: null,
      erasedAt: at,
    })
    .where(eq(meansApplications.id, id));
}
