import { describe, expect, it } from "vitest";
import { RequestRateLimiter } from "./request-rate-limiter.ts";

function limiterAt(start: number, maxKeys = 100) {
  const time = { now: start };
  const limiter = new RequestRateLimiter({ windowMs: 60_000, maxKeys, now: () => time.now });
  return { limiter, time };
}

describe("the in-memory request rate limiter", () => {
  it("lets the limit through, refuses the next until the window ends, then counts afresh", () => {
    const { limiter, time } = limiterAt(120_000);
    const rule = [{ key: "session:a", limit: 3 }];
    expect([1, 2, 3].map(() => limiter.consume(rule))).toEqual([0, 0, 0]);
    time.now = 135_000;
    expect(limiter.consume(rule)).toBe(45_000);
    time.now = 180_000;
    expect(limiter.consume(rule)).toBe(0);
  });

  it("refuses when any of the keys is over its limit, and counts each key on its own", () => {
    const { limiter } = limiterAt(0);
    const address = { key: "ip:192.0.2.1", limit: 2 };
    expect(limiter.consume([address, { key: "session:a", limit: 10 }])).toBe(0);
    expect(limiter.consume([address, { key: "session:b", limit: 10 }])).toBe(0);
    expect(limiter.consume([address, { key: "session:c", limit: 10 }])).toBeGreaterThan(0);
    expect(limiter.consume([{ key: "session:a", limit: 10 }])).toBe(0);
  });

  it("stops tracking new keys when full, while the keys it knows keep their limit", () => {
    const { limiter } = limiterAt(0, 2);
    const known = { key: "ip:192.0.2.1", limit: 1 };
    limiter.consume([known, { key: "session:a", limit: 1 }]);
    expect(limiter.consume([{ key: "session:b", limit: 1 }])).toBe(0);
    expect(limiter.consume([{ key: "session:b", limit: 1 }])).toBe(0);
    expect(limiter.consume([known, { key: "session:c", limit: 1 }])).toBeGreaterThan(0);
  });
});
