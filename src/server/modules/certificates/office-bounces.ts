import type { z } from "zod";
import type { bounceListSchema } from "#src/contracts/certificates.ts";
import { findOfficeByMailDomain } from "#src/server/modules/offices/service.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { RejectedMail } from "#src/server/platform/mail/mailer.ts";
import { bounceNoticeMail } from "./certificate-mails.ts";
import type { CertificatesDeps } from "./deps.ts";
import { unscopedListBouncedMails } from "./repository.ts";

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
  const office = await findOfficeByMailDomain(db, mail.to.split("@")[1] ?? "");
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

/** The servicedesk's list of mails that bounced (A9), with the office of each mail domain. */
export async function listOfficeBounces(
  deps: Pick<CertificatesDeps, "db">,
): Promise<z.infer<typeof bounceListSchema>> {
  const bounces = await unscopedListBouncedMails(deps.db);
  return {
    bounces: bounces.map((bounce) => ({
      officeId: bounce.officeId,
      officeName: bounce.officeName,
      to: bounce.to,
      subject: bounce.subject,
      reason: bounce.reason ?? "",
      at: bounce.at.toISOString(),
    })),
  };
}
