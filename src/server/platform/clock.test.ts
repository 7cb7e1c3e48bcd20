import { describe, expect, it } from "vitest";
import { DAY, ManualClock, OffsetClock } from "./clock.ts";

describe("the development clock", () => {
  it("runs ahead of its base by an offset that only grows", () => {
    const base = new ManualClock("2026-11-23T10:00:00Z");
    const clock = new OffsetClock(base, 40 * DAY);
    expect(clock.now().toISOString()).toBe("2027-01-02T10:00:00.000Z");
    base.advance(DAY);
    expect(clock.now().toISOString()).toBe("2027-01-03T10:00:00.000Z");

    expect(clock.moveAheadTo(700 * DAY)).toBe(true);
    expect(clock.now().toISOString()).toBe("2028-10-24T10:00:00.000Z");
    expect(clock.moveAheadTo(20 * DAY)).toBe(false);
    expect(clock.offsetMs).toBe(700 * DAY);
  });
});
