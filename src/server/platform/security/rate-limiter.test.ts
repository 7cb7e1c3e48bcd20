import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "#test/support/test-database.ts";
import { HOUR, ManualClock, MINUTE, SECOND } from "../clock.ts";
import {
  consumeRateLimit,
  purgeExpiredRateLimits,
  type RateLimit,
  resetRateLimit,
} from "./rate-limiter.ts";
import { rateLimitCounters } from "./schema.ts";

const threePerMinute: RateLimit = { limit: 3, windowMs: MINUTE };
let keyCounter = 0;
/** A key of its own per test, so tests sharing a database never count each other's attempts. */
function uniqueKey(): string {
  keyCounter += 1;
  return `test:${keyCounter}`;
}

describe.each(testDatabaseKinds)("rate limiter on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  it("allows up to the limit, then refuses until the window ends", async () => {
    const clock = new ManualClock("2026-03-02T08:00:15Z");
    const key = uniqueKey();
    const consume = () => consumeRateLimit(db(), clock, key, threePerMinute);
    expect(await consume()).toEqual({ allowed: true, retryAfterMs: 0, remaining: 2 });
    expect(await consume()).toEqual({ allowed: true, retryAfterMs: 0, remaining: 1 });
    clock.advance(10 * SECOND);
    expect(await consume()).toEqual({ allowed: true, retryAfterMs: 0, remaining: 0 });
    // 08:00:25 in the window 08:00:00–08:01:00.
    expect(await consume()).toEqual({ allowed: false, retryAfterMs: 35 * SECOND, remaining: 0 });
    clock.advance(34 * SECOND);
    expect(await consume()).toEqual({ allowed: false, retryAfterMs: SECOND, remaining: 0 });
  });

  it("starts counting afresh in the next window", async () => {
    const clock = new ManualClock("2026-03-02T08:00:59Z");
    const key = uniqueKey();
    for (let i = 0; i < 4; i += 1) await consumeRateLimit(db(), clock, key, threePerMinute);
    expect((await consumeRateLimit(db(), clock, key, threePerMinute)).allowed).toBe(false);
    clock.advance(SECOND);
    expect(await consumeRateLimit(db(), clock, key, threePerMinute)).toEqual({
      allowed: true,
      retryAfterMs: 0,
      remaining: 2,
    });
  });

  it("keeps keys apart", async () => {
    const clock = new ManualClock("2026-03-02T08:00:00Z");
    const [busy, quiet] = [uniqueKey(), uniqueKey()];
    for (let i = 0; i < 3; i += 1) await consumeRateLimit(db(), clock, busy, threePerMinute);
    expect((await consumeRateLimit(db(), clock, busy, threePerMinute)).allowed).toBe(false);
    expect(await consumeRateLimit(db(), clock, quiet, threePerMinute)).toEqual({
      allowed: true,
      retryAfterMs: 0,
      remaining: 2,
    });
  });

  it("lets exactly the limit through when attempts arrive at once", async () => {
    const clock = new ManualClock("2026-03-02T08:00:00Z");
    const key = uniqueKey();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        consumeRateLimit(db(), clock, key, { limit: 10, windowMs: MINUTE }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(10);
    const [row] = await db().select().from(rateLimitCounters).where(eq(rateLimitCounters.key, key));
    expect(row?.count).toBe(20);
  });

  it("forgets a key's attempts when reset, and only that key's", async () => {
    const clock = new ManualClock("2026-03-02T08:00:00Z");
    const [reset, kept] = [uniqueKey(), uniqueKey()];
    for (let i = 0; i < 4; i += 1) {
      await consumeRateLimit(db(), clock, reset, threePerMinute);
      await consumeRateLimit(db(), clock, kept, threePerMinute);
    }
    await resetRateLimit(db(), reset);
    expect((await consumeRateLimit(db(), clock, reset, threePerMinute)).remaining).toBe(2);
    expect((await consumeRateLimit(db(), clock, kept, threePerMinute)).allowed).toBe(false);
  });

  it("purges windows that started before the cut-off", async () => {
    const clock = new ManualClock("2026-03-02T06:00:00Z");
    const key = uniqueKey();
    await consumeRateLimit(db(), clock, key, threePerMinute); // window 06:00
    clock.set("2026-03-02T07:30:00Z");
    await consumeRateLimit(db(), clock, key, threePerMinute); // window 07:30
    clock.set("2026-03-02T08:00:00Z");
    await consumeRateLimit(db(), clock, key, threePerMinute); // window 08:00

    // Other tests' windows all start at 08:00 or later, so only the 06:00 window goes.
    expect(await purgeExpiredRateLimits(db(), clock, HOUR)).toBe(1);
    const windows = await db()
      .select({ windowStart: rateLimitCounters.windowStart })
      .from(rateLimitCounters)
      .where(eq(rateLimitCounters.key, key));
    expect(windows.map((w) => w.windowStart.toISOString()).sort()).toEqual([
      "2026-03-02T07:30:00.000Z",
      "2026-03-02T08:00:00.000Z",
    ]);
  });
});
