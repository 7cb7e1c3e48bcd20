/**
 * Counts requests per key in fixed windows, in this process's memory. Meant for the general
 * API limit, which protects what each instance has to itself (its database pool, its event
 * loop): counting per instance is then the right measure, and costs no database round trip on
 * every request. Logins and mailed codes, which guard secrets across instances, keep their
 * database-backed limits (`rate-limiter.ts`).
 */
export class RequestRateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly options: {
      windowMs: number;
      /**
       * Keys counted per window at most, so that a stream of made-up session cookies cannot
       * grow the map without bound; past it, new keys pass uncounted (the address limit, whose
       * keys are few, still holds them).
       */
      maxKeys: number;
      /** Monotonic milliseconds; the wall clock may jump. */
      now?: () => number;
    },
  ) {}

  /**
   * Counts one request for each key and answers how long the caller must wait when any of them
   * is over its limit (0 when the request may go ahead). A refused request is counted too, so
   * hammering does not shorten the wait.
   */
  consume(keys: ReadonlyArray<{ key: string; limit: number }>): number {
    const now = this.options.now ? this.options.now() : performance.now();
    const windowStart = Math.floor(now / this.options.windowMs) * this.options.windowMs;
    if (windowStart !== this.windowStart) {
      this.windowStart = windowStart;
      this.counts = new Map();
    }
    let over = false;
    for (const { key, limit } of keys) {
      const known = this.counts.get(key);
      if (known === undefined && this.counts.size >= this.options.maxKeys) continue;
      const count = (known ?? 0) + 1;
      this.counts.set(key, count);
      if (count > limit) over = true;
    }
    return over ? windowStart + this.options.windowMs - now : 0;
  }
}
