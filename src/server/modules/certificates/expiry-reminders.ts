import { z } from "zod";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { expiryMail } from "./certificate-mails.ts";
import type { CertificatesDeps } from "./deps.ts";
import { claimReminder, listExpiringCurrent } from "./repository.ts";

const DAY_MS = 24 * 60 * 60_000;
/** A1 and A2: the notification at 40 calendar days, the reminder at 20. */
export const REMINDER_DAYS = [40, 20] as const;

/**
 * Mails the registered address of each office whose current certificate (not revoked, not
 * replaced) expires within 40 or 20 days: each mail once per certificate and threshold. The
 * claim and the mail share one transaction, and the claim's primary key lets only one of two
 * instances (or runs) win.
 */
export async function sendExpiryReminders(deps: CertificatesDeps): Promise<number> {
  const now = deps.clock.now();
  const horizon = new Date(now.getTime() + Math.max(...REMINDER_DAYS) * DAY_MS);
  let sent = 0;
  for (const { certificate, office } of await listExpiringCurrent(deps.db, now, horizon)) {
    const daysLeft = (certificate.notAfter.getTime() - now.getTime()) / DAY_MS;
    // The nearest threshold passed: a certificate found at 15 days gets the 20-day mail only.
    const threshold = Math.min(...REMINDER_DAYS.filter((days) => daysLeft <= days));
    const mailed = await deps.db.transaction(async (tx) => {
      if (!(await claimReminder(tx, certificate.id, threshold, now))) return false;
      await deps.mailer.queue(tx, {
        to: office.email,
        locale: "nl",
        template: expiryMail,
        data: {
          officeName: office.name,
          debtorNumber: office.debtorNumber,
          organisation: deps.organisation,
          notAfter: certificate.notAfter,
          selfServiceUrl: `${deps.urls.selfService}/selfservice/certificate`,
          reminder: threshold < Math.max(...REMINDER_DAYS),
        },
      });
      return true;
    });
    if (mailed) sent += 1;
  }
  return sent;
}

const expiryRemindersJob = defineJobType({
  name: "certificates.expiry-reminders",
  payload: z.object({}),
  maxAttempts: 5,
});

/** Every morning at 06:00 Dutch time. */
export async function scheduleExpiryReminders(jobs: JobRunner, deps: CertificatesDeps) {
  jobs.handle(expiryRemindersJob, async () => {
    await sendExpiryReminders(deps);
  });
  await jobs.schedule("certificates-expiry-reminders", "0 6 * * *", expiryRemindersJob, {});
}
