import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { applicationSigners } from "./schema.ts";

/** The representatives chosen to sign an application, and their signatures or refusals. */

export type SignerRow = typeof applicationSigners.$inferSelect;

/**
 * In the order they were chosen, those chosen together by name; of the same person at the same
 * moment, the replaced row before their replacement. No tie-break on the (random) id: it would
 * put a replacement before the signer it replaced by chance.
 */
export function listSigners(db: Database, applicationId: string): Promise<SignerRow[]> {
  return db
    .select()
    .from(applicationSigners)
    .where(eq(applicationSigners.applicationId, applicationId))
    .orderBy(
      asc(applicationSigners.createdAt),
      asc(applicationSigners.name),
      asc(sql`${applicationSigners.replacedAt} is null`),
    );
}

export async function insertSigners(
  db: Database,
  values: (typeof applicationSigners.$inferInsert)[],
): Promise<SignerRow[]> {
  if (values.length === 0) return [];
  return db.insert(applicationSigners).values(values).returning();
}

/** The draft's choice of signers is replaced as a whole when step 2 is saved again. */
export async function deleteSigners(db: Database, applicationId: string): Promise<void> {
  await db.delete(applicationSigners).where(eq(applicationSigners.applicationId, applicationId));
}

export async function findSignerByTokenHash(
  db: Database,
  linkTokenHash: string,
): Promise<SignerRow | undefined> {
  const [row] = await db
    .select()
    .from(applicationSigners)
    .where(eq(applicationSigners.linkTokenHash, linkTokenHash));
  return row;
}

/** A signer of this application only: an id of another application's signer finds nothing. */
export async function findSignerOfApplication(
  db: Database,
  applicationId: string,
  signerId: string,
): Promise<SignerRow | undefined> {
  const [row] = await db
    .select()
    .from(applicationSigners)
    .where(
      and(eq(applicationSigners.applicationId, applicationId), eq(applicationSigners.id, signerId)),
    );
  return row;
}

export async function updateSigner(
  db: Database,
  signerId: string,
  values: Partial<typeof applicationSigners.$inferInsert>,
): Promise<void> {
  await db.update(applicationSigners).set(values).where(eq(applicationSigners.id, signerId));
}

/**
 * Records the signer's answer only while they are still open (not signed, declined or
 * replaced): a second answer, or a late one after a refusal or a replacement, changes nothing.
 * Returns whether it did.
 */
async function answerIfStillOpen(
  db: Database,
  signerId: string,
  answer: Pick<typeof applicationSigners.$inferInsert, "signedAt" | "declinedAt" | "declineReason">,
): Promise<boolean> {
  const marked = await db
    .update(applicationSigners)
    .set(answer)
    .where(
      and(
        eq(applicationSigners.id, signerId),
        isNull(applicationSigners.signedAt),
        isNull(applicationSigners.declinedAt),
        isNull(applicationSigners.replacedAt),
      ),
    )
    .returning({ id: applicationSigners.id });
  return marked.length === 1;
}

/** Marks the signature given, while the signer is still open. Returns whether it did. */
export function markSigned(db: Database, signerId: string, at: Date): Promise<boolean> {
  return answerIfStillOpen(db, signerId, { signedAt: at });
}

/** Records the signer's refusal with their reason, while they are still open. */
export function markDeclined(
  db: Database,
  signerId: string,
  at: Date,
  reason: string,
): Promise<boolean> {
  return answerIfStillOpen(db, signerId, { declinedAt: at, declineReason: reason });
}
