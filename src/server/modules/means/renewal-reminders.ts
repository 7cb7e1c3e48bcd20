import { z } from "zod";
import { RENEWAL_WINDOW_DAYS } from "#src/contracts/eherkenning/means.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { DAY } from "#src/server/platform/clock.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { applyUrl, holderPageUrl, type MeansDeps } from "./deps.ts";
import { dayInWords } from "./dutch-dates.ts";
import { renewalReminderMail } from "./means-mails.ts";
import { scopeInWords } from "./means-views.ts";
import {
  listAuthorizationViews,
  lockDueRenewalReminders,
  updateAuthorization,
} from "./repository.ts";

const BATCH = 200;

/**
 * Mails each holder once, 30 days before an authorization ends, marking it in the same change,
 * so two instances or a rerun never mail twice. A renewal clears the mark, so the renewed
 * authorization is reminded again before its new end. Returns how many were reminded.
 */
export async function remindRenewals(deps: MeansDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const reminded = await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const due = await lockDueRenewalReminders(
        tx,
        now,
        new Date(now.getTime() + RENEWAL_WINDOW_DAYS * DAY),
        BATCH,
      );
      const views = await listAuthorizationViews(tx, [
        ...new Set(due.map((row) => row.authorization.meansId)),
      ]);
      for (const { authorization, holder } of due) {
        const view = views.find((entry) => entry.authorization.id === authorization.id);
        await updateAuthorization(tx, authorization.id, { renewalRemindedAt: now });
        await deps.mailer.queue(tx, {
          to: holder.email,
          locale: holder.locale,
          template: renewalReminderMail,
          data: {
            name: holder.name,
            supplierName: deps.supplierName,
            url: holderPageUrl(deps),
            applyUrl: applyUrl(deps),
            companyName: authorization.companyName,
            scopeName: view ? scopeInWords(view, holder.locale) : "",
            validUntil: dayInWords(authorization.validUntil, holder.locale),
          },
        });
        await recordAuditEvent(tx, deps.clock, {
          actor: { type: "system" },
          action: "authorization.renewal-reminded",
          subject: { type: "authorization", id: authorization.id },
          details: { accountId: holder.id, validUntil: authorization.validUntil.toISOString() },
        });
      }
      return due.length;
    });
    total += reminded;
    if (reminded < BATCH) return total;
  }
}

const renewalRemindersJob = defineJobType({
  name: "means.renewal-reminders",
  payload: z.object({}),
  maxAttempts: 3,
});

/** Every morning at 08:00, the authorizations that end within 30 days. */
export async function scheduleRenewalReminders(runner: JobRunner, deps: MeansDeps): Promise<void> {
  runner.handle(renewalRemindersJob, async () => {
    await remindRenewals(deps);
  });
  await runner.schedule("eherkenning-renewal-reminders", "0 8 * * *", renewalRemindersJob, {});
}
