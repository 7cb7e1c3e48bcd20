import { describe, expect, it } from "vitest";
import { addMonths, noticeDue, stepDay, stepDue } from "./retention-dates.ts";

describe("retention days", () => {
  it("adds months as the calendar does, keeping to the end of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2027-11-15", 12)).toBe("2028-11-15");
    expect(addMonths("2027-12-31", 2)).toBe("2028-02-29");
  });

  const closed = new Date("2026-03-10T15:00:00Z");

  it("tells 30 days ahead and leaves on the planned day", () => {
    const step = { from: closed, months: 12, noticedAt: null };
    expect(stepDay(step, new Date("2026-04-01T10:00:00Z"))).toBe("2027-03-10");
    expect(noticeDue(step, new Date("2027-02-07T10:00:00Z"))).toBe(false);
    expect(noticeDue(step, new Date("2027-02-08T10:00:00Z"))).toBe(true);
    const told = { ...step, noticedAt: new Date("2027-02-08T02:00:00Z") };
    expect(noticeDue(told, new Date("2027-02-09T10:00:00Z"))).toBe(false);
    expect(stepDue(told, new Date("2027-03-09T10:00:00Z"))).toBe(false);
    expect(stepDue(told, new Date("2027-03-10T01:00:00Z"))).toBe(true);
  });

  it("never leaves sooner than 30 days after the notice, however far the period is shortened", () => {
    const step = { from: closed, months: 3, noticedAt: new Date("2026-09-01T02:00:00Z") };
    expect(stepDay(step, new Date("2026-09-02T10:00:00Z"))).toBe("2026-10-01");
    expect(stepDue(step, new Date("2026-09-30T10:00:00Z"))).toBe(false);
    expect(stepDue(step, new Date("2026-10-01T10:00:00Z"))).toBe(true);
    // Not told yet: it would leave 30 days after today's round.
    expect(stepDay({ ...step, noticedAt: null }, new Date("2026-09-01T10:00:00Z"))).toBe(
      "2026-10-01",
    );
  });

  it("counts days in the Netherlands", () => {
    // 23:30 UTC on 9 March is 00:30 on 10 March in Amsterdam.
    const step = { from: new Date("2026-03-09T23:30:00Z"), months: 12, noticedAt: null };
    expect(stepDay(step, new Date("2026-04-01T10:00:00Z"))).toBe("2027-03-10");
  });
});
