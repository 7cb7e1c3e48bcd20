import { and, eq, lt } from "drizzle-orm";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { officeApiRequests } from "./schema.ts";

/** The office API's own table: each office's idempotency keys, never another office's. */

export type ApiRequestRow = typeof officeApiRequests.$inferSelect;

/** Claims the key for this request; undefined when the office used it before. */
export async function claimIdempotencyKey(
  db: Database,
  scope: OfficeScope,
  values: { idempotencyKey: string; requestHash: string; createdAt: Date },
): Promise<ApiRequestRow | undefined> {
  const [row] = await db
    .insert(officeApiRequests)
    .values({ ...values, officeId: scope.officeId })
    .onConflictDoNothing({ target: [officeApiRequests.officeId, officeApiRequests.idempotencyKey] })
    .returning();
  return row;
}

export async function findIdempotencyKey(db: Database, scope: OfficeScope, key: string) {
  const [row] = await db
    .select()
    .from(officeApiRequests)
    .where(
      and(
        eq(officeApiRequests.officeId, scope.officeId),
        eq(officeApiRequests.idempotencyKey, key),
      ),
    );
  return row;
}

export async function completeIdempotencyKey(
  db: Database,
  id: string,
  values: { statusCode: number; responseBody: string; completedAt: Date },
): Promise<void> {
  await db.update(officeApiRequests).set(values).where(eq(officeApiRequests.id, id));
}

/** A request that failed on the server: the key is free again, so a retry runs anew. */
export async function releaseIdempotencyKey(db: Database, id: string): Promise<void> {
  await db.delete(officeApiRequests).where(eq(officeApiRequests.id, id));
}

export async function deleteIdempotencyKeysBefore(db: Database, before: Date): Promise<void> {
  await db.delete(officeApiRequests).where(lt(officeApiRequests.createdAt, before));
}
