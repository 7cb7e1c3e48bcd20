import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { applicationCodes } from "./schema.ts";

/** The codes that prove the applicant's contacts and a signer's signature. */

export type CodeRow = typeof applicationCodes.$inferSelect;
export type CodePurpose = CodeRow["purpose"];

export async function insertCode(
  db: Database,
  values: typeof applicationCodes.$inferInsert,
): Promise<void> {
  await db.insert(applicationCodes).values(values);
}

/** The unused codes of one purpose (and signer; none for the applicant's own codes). */
function unusedCodesOf(applicationId: string, purpose: CodePurpose, signerId: string | null) {
  return and(
    eq(applicationCodes.applicationId, applicationId),
    eq(applicationCodes.purpose, purpose),
    signerId === null ? isNull(applicationCodes.signerId) : eq(applicationCodes.signerId, signerId),
    isNull(applicationCodes.usedAt),
  );
}

/** The newest unused, unexpired code for the purpose (and signer), locked for the check. */
export async function findOpenCode(
  db: Database,
  applicationId: string,
  purpose: CodePurpose,
  signerId: string | null,
  now: Date,
): Promise<CodeRow | undefined> {
  const [row] = await db
    .select()
    .from(applicationCodes)
    .where(
      and(unusedCodesOf(applicationId, purpose, signerId), gt(applicationCodes.expiresAt, now)),
    )
    .orderBy(sql`${applicationCodes.createdAt} desc`)
    .limit(1)
    .for("update");
  return row;
}

export async function countCodeAttempt(db: Database, codeId: string): Promise<void> {
  await db
    .update(applicationCodes)
    .set({ attempts: sql`${applicationCodes.attempts} + 1` })
    .where(eq(applicationCodes.id, codeId));
}

export async function markCodeUsed(db: Database, codeId: string, at: Date): Promise<void> {
  await db.update(applicationCodes).set({ usedAt: at }).where(eq(applicationCodes.id, codeId));
}

/** A new code voids the earlier open ones of its purpose, so only the last one sent works. */
export async function voidOpenCodes(
  db: Database,
  applicationId: string,
  purpose: CodePurpose,
  signerId: string | null,
  at: Date,
): Promise<void> {
  await db
    .update(applicationCodes)
    .set({ usedAt: at })
    .where(unusedCodesOf(applicationId, purpose, signerId));
}
