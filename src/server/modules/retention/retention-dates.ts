import { DAY } from "#src/server/platform/clock.ts";

/**
 * The days of retention (ADR 0023), as calendar days in the Netherlands, `YYYY-MM-DD`: a
 * dossier "leaves on 12 March", and the daily round removes it on that day's run.
 */

/** Clients are told this many days before a dossier leaves, and never fewer. */
export const NOTICE_DAYS = 30;

const dutchDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" });

export function dutchDayOf(at: Date): string {
  return dutchDay.format(at);
}

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const asDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return asDay(new Date(asDate(day).getTime() + days * DAY));
}

/** The same day `months` later; past the end of a shorter month, its last day (31 Jan → 28 Feb). */
export function addMonths(day: string, months: number): string {
  const date = asDate(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return asDay(target);
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * A step of retention that comes `months` after `from` and is told 30 days ahead: a closed
 * dossier leaving the portal, a login without dossiers deactivated or deleted.
 */
export interface RetentionStep {
  from: Date;
  months: number;
  /** When the step was told; null: not yet. */
  noticedAt: Date | null;
}

const plannedDay = (step: RetentionStep) => addMonths(dutchDayOf(step.from), step.months);

/**
 * The day the step is taken: `from` plus the months, but never sooner than 30 days after it was
 * told (or, not told yet, than 30 days from today, as the next round tells it): a period
 * shortened since cannot cut the notice short.
 */
export function stepDay(step: RetentionStep, now: Date): string {
  return later(plannedDay(step), addDays(dutchDayOf(step.noticedAt ?? now), NOTICE_DAYS));
}

/** Whether the round tells it today: not told yet, and 30 days or less before its planned day. */
export function noticeDue(step: RetentionStep, now: Date): boolean {
  return step.noticedAt === null && dutchDayOf(now) >= addDays(plannedDay(step), -NOTICE_DAYS);
}

/** Whether the round takes the step today: told, and its day has come. */
export function stepDue(step: RetentionStep, now: Date): boolean {
  return step.noticedAt !== null && dutchDayOf(now) >= stepDay(step, now);
}

/** Whether the day has come, for a step that is not told (a login that never came in). */
export function plannedDayReached(step: Omit<RetentionStep, "noticedAt">, now: Date): boolean {
  return dutchDayOf(now) >= plannedDay({ ...step, noticedAt: null });
}
