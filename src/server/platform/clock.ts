/**
 * The only source of "now" for rules that depend on time (job schedules, expiry reminders,
 * token lifetimes), so tests can move time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move; tests use it to reach a date. */
export class ManualClock implements Clock {
  #current: number;

  constructor(start: Date | string = "2026-01-01T09:00:00Z") {
    this.#current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#current);
  }

  set(to: Date | string): void {
    this.#current = new Date(to).getTime();
  }

  advance(milliseconds: number): void {
    this.#current += milliseconds;
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
