import { type Clock, DAY } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { Metrics } from "#src/server/platform/metrics/metrics.ts";
import { REMINDER_DAYS } from "./expiry-reminders.ts";
import { unscopedCountCertificates } from "./repository.ts";

/** The first expiry mail goes this many days ahead (40): the window to watch. */
const EXPIRING_WITHIN_DAYS = Math.max(...REMINDER_DAYS);

/**
 * The office certificates as the database holds them, read at scrape time: right after a
 * restart and the same from every instance, unlike counters of this process. Issued in all is
 * the sum over the states. Expiring: current certificates (not replaced, not revoked) whose
 * office has not yet got a new one and that end within 40 days (when the first expiry mail goes).
 */
export function measureCertificates(metrics: Metrics, deps: { db: Database; clock: Clock }): void {
  metrics.scrapedGauges(
    {
      byState: {
        name: "poort_certificates",
        help: "Office certificates issued, by state (valid, superseded: replaced but not yet revoked, revoked, expired)",
        labelNames: ["state"],
      },
      expiring: {
        name: "poort_certificates_expiring",
        help: "Current office certificates that expire within the given number of days",
        labelNames: ["within_days"],
      },
    },
    async ({ byState, expiring }) => {
      const now = deps.clock.now();
      const counts = await unscopedCountCertificates(
        deps.db,
        now,
        new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY),
      );
      for (const state of ["valid", "superseded", "revoked", "expired"] as const) {
        byState.set({ state }, counts[state]);
      }
      expiring.set({ within_days: String(EXPIRING_WITHIN_DAYS) }, counts.expiring);
    },
  );
}
