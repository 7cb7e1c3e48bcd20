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

/**
 * Development only: its base clock (real time) moved ahead by an offset, so a tester can reach
 * a date, such as 40 days before a certificate expires, on a running Poort. The offset only
 * grows: a clock that went back would leave schedules and sessions waiting in its future.
 */
export class OffsetClock implements Clock {
  #offsetMs: number;

  constructor(
    readonly base: Clock,
    offsetMs = 0,
  ) {
    this.#offsetMs = offsetMs;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  now(): Date {
    return new Date(this.base.now().getTime() + this.#offsetMs);
  }

  /** Runs `offsetMs` ahead of the base from now on; false, and no change, if that is back. */
  moveAheadTo(offsetMs: number): boolean {
    if (offsetMs < this.#offsetMs) return false;
    this.#offsetMs = offsetMs;
    return true;
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
