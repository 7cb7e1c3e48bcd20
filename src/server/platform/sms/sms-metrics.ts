import { count, eq } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import type { Metrics } from "../metrics/metrics.ts";
import { smsMessages } from "./schema.ts";

/** Why a text failed: refused by the gateway, or retried until the job gave up. */
export type SmsFailure = "rejected" | "gave_up";

/** The SMS sender's counts, by this process. */
export interface SmsMetrics {
  queued(): void;
  sent(): void;
  failed(reason: SmsFailure): void;
}

export function smsMetrics(metrics: Metrics): SmsMetrics {
  const queued = metrics.counter({
    name: "poort_sms_queued_total",
    help: "Text messages queued for sending",
  });
  const sent = metrics.counter({
    name: "poort_sms_sent_total",
    help: "Text messages the gateway (or the dev outbox) accepted",
  });
  const failed = metrics.counter<"reason">({
    name: "poort_sms_failed_total",
    help: "Text messages failed for good, by reason (rejected, gave_up: retries exhausted)",
    labelNames: ["reason"],
  });
  return {
    queued: () => queued.inc(),
    sent: () => sent.inc(),
    failed: (reason) => failed.inc({ reason }),
  };
}

/** The texts waiting to be sent now, over every instance: read from the database at scrape time. */
export function measureSmsQueue(metrics: Metrics, db: Database): void {
  metrics.scrapedGauge(
    {
      name: "poort_sms_queue_length",
      help: "Text messages queued and not yet sent or failed (all instances)",
    },
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(smsMessages)
        .where(eq(smsMessages.status, "queued"));
      return row?.n ?? 0;
    },
  );
}
