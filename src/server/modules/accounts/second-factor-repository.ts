import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { recoveryCodes, verificationCodes } from "./schema.ts";

export type CodePurpose = (typeof verificationCodes.$inferSelect)["purpose"];

export async function insertVerificationCode(
  db: Database,
  values: typeof verificationCodes.$inferInsert,
): Promise<void> {
  // A new code replaces the open ones of the same purpose.
  await db
    .update(verificationCodes)
    .set({ usedAt: values.createdAt })
    .where(
      and(
        eq(verificationCodes.accountId, values.accountId),
        eq(verificationCodes.purpose, values.purpose),
        isNull(verificationCodes.usedAt),
      ),
    );
  await db.insert(verificationCodes).values(values);
}

export async function findOpenVerificationCode(
  db: Database,
  accountId: string,
  purpose: CodePurpose,
  now: Date,
) {
  const [row] = await db
    .select()
    .from(verificationCodes)
    .where(
      and(
        eq(verificationCodes.accountId, accountId),
        eq(verificationCodes.purpose, purpose),
        isNull(verificationCodes.usedAt),
        gt(verificationCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(verificationCodes.createdAt))
    .limit(1);
  return row;
}

export async function countCodeAttempt(db: Database, id: string): Promise<void> {
  await db
    .update(verificationCodes)
    .set({ attempts: sql`${verificationCodes.attempts} + 1` })
    .where(eq(verificationCodes.id, id));
}

/** Uses a code once: false when it was used meanwhile. */
export async function markCodeUsed(db: Database, id: string, now: Date): Promise<boolean> {
  const used = await db
    .update(verificationCodes)
    .set({ usedAt: now })
    .where(and(eq(verificationCodes.id, id), isNull(verificationCodes.usedAt)))
    .returning({ id: verificationCodes.id });
  return used.length > 0;
}

export async function replaceRecoveryCodes(
  db: Database,
  accountId: string,
  codeHashes: string[],
  now: Date,
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
  if (codeHashes.length === 0) return;
  await db
    .insert(recoveryCodes)
    .values(codeHashes.map((codeHash) => ({ accountId, codeHash, createdAt: now })));
}

/** Uses the account's unused recovery code with this hash: false when there is none. */
export async function spendRecoveryCode(
  db: Database,
  accountId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.accountId, accountId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function countUnusedRecoveryCodes(db: Database, accountId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
