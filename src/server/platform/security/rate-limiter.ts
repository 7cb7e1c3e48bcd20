import { and, eq, lt, sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import { rateLimitCounters } from "./schema.ts";

/** At most `limit` attempts per key in each window of `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitOutcome {
  allowed: boolean;
  /** How long until the window ends; 0 when allowed. */
  retryAfterMs: number;
  /** Attempts left in this window after this one. */
  remaining: number;
}

/**
 * Counts one attempt for `key` and says whether it is within the rule. Fixed windows: simple,
 * one row per key and window, and a burst of at most twice the limit across a window edge is
 * acceptable for logins and mailed codes. Use one key per rule (e.g. `login:ip:…`): two rules
 * sharing a key would share their counts.
 */
export async function consumeRateLimit(
  db: Database,
  clock: Clock,
  key: string,
  rule: RateLimit,
): Promise<RateLimitOutcome> {
  const now = clock.now().getTime();
  const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
  // One statement that inserts or increments and returns the new count: concurrent attempts on
  // any number of instances each see a different count, so none slips through between a read
  // and a write.
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart: new Date(windowStart), count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  if (!row) throw new Error("rate limit upsert returned no row");
  const allowed = row.count <= rule.limit;
  return {
    allowed,
    retryAfterMs: allowed ? 0 : windowStart + rule.windowMs - now,
    remaining: Math.max(0, rule.limit - row.count),
  };
}

/**
 * A limit on failures only, for sources many people share, such as the one public address of
 * a notary office behind NAT: successes never count, so forty colleagues logging in on a Monday
 * morning lock nobody out. Past half the limit the source slows down to one attempt per
 * `paceMs`, which a person hardly notices and a script does; at the limit it stops until the
 * window ends.
 */
export interface FailureLimit extends RateLimit {
  paceMs: number;
}

/** Whether the next attempt from `key` may go ahead; counts nothing but the pace. */
export async function admitAttempt(
  db: Database,
  clock: Clock,
  key: string,
  rule: FailureLimit,
): Promise<RateLimitOutcome> {
  const now = clock.now().getTime();
  const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
  const [row] = await db
    .select({ count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(
      and(eq(rateLimitCounters.key, key), eq(rateLimitCounters.windowStart, new Date(windowStart))),
    );
  const failures = row?.count ?? 0;
  if (failures >= rule.limit) {
    return { allowed: false, retryAfterMs: windowStart + rule.windowMs - now, remaining: 0 };
  }
  if (failures < rule.limit / 2) {
    return { allowed: true, retryAfterMs: 0, remaining: rule.limit - failures };
  }
  const paced = await consumeRateLimit(db, clock, `${key}:pace`, {
    limit: 1,
    windowMs: rule.paceMs,
  });
  return { ...paced, remaining: rule.limit - failures };
}

/** Counts one failure from `key` towards its `FailureLimit`. */
export async function recordFailure(
  db: Database,
  clock: Clock,
  key: string,
  rule: FailureLimit,
): Promise<void> {
  await consumeRateLimit(db, clock, key, rule);
}

/** Forgets all attempts for `key`, e.g. the per-account counter after a successful login. */
export async function resetRateLimit(db: Database, key: string): Promise<void> {
  await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, key));
}

/**
 * For the clean-up job: deletes windows that started more than `olderThanMs` ago. Pass at least
 * the longest window in use, or a running window loses its count. Returns how many went.
 */
export async function purgeExpiredRateLimits(
  db: Database,
  clock: Clock,
  olderThanMs: number,
): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - olderThanMs);
  const deleted = await db
    .delete(rateLimitCounters)
    .where(lt(rateLimitCounters.windowStart, cutoff))
    .returning({ key: rateLimitCounters.key });
  return deleted.length;
}
