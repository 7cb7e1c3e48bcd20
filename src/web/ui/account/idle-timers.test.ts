import { describe, expect, it } from "vitest";
import type { SessionState } from "#src/contracts/accounts.ts";
import { idleDeadline, idleTimers, warnBeforeMs } from "./idle-timers.ts";

const minute = 60_000;
const serverNow = Date.parse("2026-11-23T10:00:00Z");

/** The answer the server gives with 15 minutes of idle time left, by its own clock. */
const answer: SessionState = {
  csrfToken: "t",
  stage: "complete",
  idleExpiresAt: new Date(serverNow + 15 * minute).toISOString(),
  idleSecondsLeft: 15 * 60,
};

describe("the idle warning's timers", () => {
  it.each([
    ["ten minutes ahead", 10 * minute],
    ["ten minutes behind", -10 * minute],
    ["right", 0],
  ])("warn 2 minutes before the end and end on time with a browser clock %s", (_skew, skew) => {
    const browserNow = serverNow + skew;
    const deadline = idleDeadline(answer, browserNow);
    expect(deadline).toBe(browserNow + 15 * minute);
    expect(idleTimers(deadline ?? 0, browserNow)).toEqual({
      warnInMs: 15 * minute - warnBeforeMs,
      endInMs: 15 * minute,
    });
  });

  it("count from the moment of the answer, not from when the timers are set", () => {
    const deadline = idleDeadline(answer, serverNow) ?? 0;
    expect(idleTimers(deadline, serverNow + 14 * minute)).toEqual({ warnInMs: 0, endInMs: minute });
  });

  it("have nothing to time when nobody is logged in", () => {
    expect(idleDeadline({ csrfToken: "t" }, serverNow)).toBeUndefined();
  });
});
