import type { Database } from "../platform/db/database.ts";
import { demoSeedSteps } from "./schema.ts";

/**
 * Claims a seed step inside the step's transaction: true the first time, false once the step
 * was applied (also when another process applies it at the same moment).
 */
export async function claimSeedStep(db: Database, name: string, now: Date): Promise<boolean> {
  const claimed = await db
    .insert(demoSeedSteps)
    .values({ name, appliedAt: now })
    .onConflictDoNothing()
    .returning({ name: demoSeedSteps.name });
  return claimed.length > 0;
}
