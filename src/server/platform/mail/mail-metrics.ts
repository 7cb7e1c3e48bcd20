import { count, eq } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import type { Metrics } from "../metrics/metrics.ts";
import { mails } from "./schema.ts";

/** Why a mail failed: refused by the server, retried until the job gave up, or bounced later. */
export type MailFailure = "rejected" | "gave_up" | "bounced";

/** The mailer's counts, by this process. */
export interface MailMetrics {
  queued(template: string): void;
  sent(): void;
  failed(reason: MailFailure): void;
}

export function mailMetrics(metrics: Metrics): MailMetrics {
  const queued = metrics.counter<"template">({
    name: "poort_mails_queued_total",
    help: "Mails queued for delivery, by template",
    labelNames: ["template"],
  });
  const sent = metrics.counter({
    name: "poort_mails_sent_total",
    help: "Mails the relay (or the dev outbox) accepted",
  });
  const failed = metrics.counter<"reason">({
    name: "poort_mails_failed_total",
    help: "Mails failed for good, by reason (rejected, gave_up: retries exhausted, bounced: a later bounce)",
    labelNames: ["reason"],
  });
  return {
    queued: (template) => queued.inc({ template }),
    sent: () => sent.inc(),
    failed: (reason) => failed.inc({ reason }),
  };
}

/** The mails waiting for delivery now, over every instance: read from the database at scrape time. */
export function measureMailQueue(metrics: Metrics, db: Database): void {
  metrics.scrapedGauge(
    {
      name: "poort_mail_queue_length",
      help: "Mails queued and not yet sent or failed (all instances)",
    },
    async () => {
      const [row] = await db.select({ n: count() }).from(mails).where(eq(mails.status, "queued"));
      return row?.n ?? 0;
    },
  );
}
