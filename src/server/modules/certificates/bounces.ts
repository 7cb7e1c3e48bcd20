import type { Database } from "#src/server/platform/db/database.ts";
import type { RejectedMail } from "#src/server/platform/mail/mailer.ts";
import { findOfficeByEmailDomain } from "../offices/repository.ts";
import { bounceNoticeMail } from "./certificate-mails.ts";
import type { CertificatesDeps } from "./deps.ts";

/**
 * A9: when a receiving server refuses a Poort mail for good, the servicedesk gets a mail naming
 * the address, the subject and the office of that mail domain, so it can contact the office.
 * A refused notice to the servicedesk itself is not reported again (no loop).
 */
export async function notifyServicedeskOfBounce(
  deps: Pick<CertificatesDeps, "mailer" | "organisation">,
  db: Database,
  mail: RejectedMail,
): Promise<void> {
  if (mail.template === bounceNoticeMail.name) return;
  const office = await findOfficeByEmailDomain(db, mail.to.split("@")[1] ?? "");
  await deps.mailer.queue(db, {
    to: deps.organisation.servicedeskEmail,
    locale: "nl",
    template: bounceNoticeMail,
    data: {
      to: mail.to,
      subject: mail.subject,
      reason: mail.reason,
      officeName: office ? `${office.name} (${office.debtorNumber})` : null,
    },
  });
}
