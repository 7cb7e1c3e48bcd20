import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { readDeliveryFailure } from "#src/server/platform/mail/delivery-status.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";

export interface MailBouncesDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
}

/**
 * Takes a delivery-status notification the mail server handed in: when it reports that one of
 * our sent mails failed for good, the mail is marked failed (and the servicedesk told, by the
 * mailer's rejection handler) and the bounce audited, all in one transaction. Anything else,
 * and a bounce heard before, is ignored.
 */
export async function recordMailBounce(
  deps: MailBouncesDeps,
  notification: string,
  ip: string,
): Promise<"recorded" | "ignored"> {
  const failure = readDeliveryFailure(notification, deps.mailer.messageIdDomain);
  if (!failure) return "ignored";
  return deps.db.transaction(async (tx) => {
    // The mailer's own transaction runs inside this one (a savepoint), so its change and
    // the audit event are committed together or not at all.
    const recorded = await deps.mailer.recordBounce(tx, {
      mailId: failure.mailId,
      reason: failure.diagnostic,
      recipient: failure.recipient,
    });
    if (!recorded) return "ignored";
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "mail.bounced",
      subject: { type: "mail", id: failure.mailId },
      ip,
      details: { recipient: failure.recipient, diagnostic: failure.diagnostic },
    });
    return "recorded";
  });
}
