import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";
import { type InvitationMailData, type MailDeps, mailInvitation } from "./invitations.ts";
import { type AccountRow, findAccountByEmail, insertAccount, updateAccount } from "./repository.ts";

type SecondFactor = "sms" | "totp";

/** An authenticator app is the stronger factor: a holder held to it never goes back to SMS. */
function strongest(a: SecondFactor | null, b: SecondFactor): SecondFactor {
  return a === "totp" || b === "totp" ? "totp" : "sms";
}

/**
 * Mail 1 for a means holder: the same activation link as every account (address, then
 * password, then the second step), worded for an eHerkenning means. `officeName` carries the
 * supplier's name, who issued it.
 */
export const meansInvitationMail: MailTemplate<InvitationMailData> = {
  name: "accounts.means-invitation",
  compose: {
    nl: ({ name, officeName, url }) => ({
      subject: "Activeer uw eHerkenningsmiddel",
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Uw aanvraag is goedgekeurd en uw eHerkenningsmiddel is uitgegeven door ${officeName ?? "Poort"}. Met de link hieronder activeert u het.`,
        },
        {
          kind: "paragraph",
          text: "Na het klikken op de link vult u uw e-mailadres in. U ontvangt dan een tweede e-mail om uw wachtwoord in te stellen. Daarna stelt u de tweede inlogstap in die bij uw betrouwbaarheidsniveau hoort: een sms-code (EH2+) of een authenticator-app (EH3 en EH4).",
        },
        { kind: "action", label: "eHerkenningsmiddel activeren", url },
        {
          kind: "notice",
          text: "Deze link is 7 dagen geldig en werkt één keer. Een eHerkenningsmiddel is persoonsgebonden: geef de link aan niemand door.",
        },
      ],
      closing: ["Met vriendelijke groet,", officeName ?? "Poort"],
    }),
    en: ({ name, officeName, url }) => ({
      subject: "Activate your eHerkenning means",
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Your application has been approved and your eHerkenning means has been issued by ${officeName ?? "Poort"}. The link below activates it.`,
        },
        {
          kind: "paragraph",
          text: "After clicking the link you enter your e-mail address. You then receive a second e-mail to set your password. After that you set up the second login step your assurance level needs: an SMS code (EH2+) or an authenticator app (EH3 and EH4).",
        },
        { kind: "action", label: "Activate eHerkenning means", url },
        {
          kind: "notice",
          text: "This link is valid for 7 days and works once. An eHerkenning means is personal: do not pass the link on to anyone.",
        },
      ],
      closing: ["Kind regards,", officeName ?? "Poort"],
    }),
  },
};

export interface MeansHolderPerson {
  /** The address the applicant verified with a code: the login's address. */
  email: string;
  name: string;
  mobile: string | null;
  locale: "nl" | "en";
}

/**
 * The login of a means holder, in the issuing transaction (C6). A new address gets an invited
 * account held to the level's second factor and the activation mail; one still invited gets a
 * fresh link (the newest is the only one that works). An active holder keeps their login; when
 * the level now needs the authenticator app and they used SMS, their second step is reset so
 * that the next login sets up the app. Returns the account and whether an invitation went out.
 */
export async function inviteMeansHolder(
  deps: MailDeps & { supplierName: string },
  tx: Database,
  person: MeansHolderPerson,
  secondFactor: SecondFactor,
  actor: AuditEvent["actor"],
): Promise<{ account: AccountRow; invited: boolean }> {
  const now = deps.clock.now();
  const existing = await findAccountByEmail(tx, "means", person.email);
  let account: AccountRow;
  if (!existing) {
    const inserted = await insertAccount(tx, {
      kind: "means",
      officeId: null,
      role: null,
      email: person.email,
      name: person.name,
      mobile: person.mobile,
      locale: person.locale,
      requiredSecondFactor: secondFactor,
      createdAt: now,
    });
    if (!inserted)
      throw new Error("a means holder's account appeared during the issuing transaction");
    account = inserted;
  } else {
    const required = strongest(existing.requiredSecondFactor, secondFactor);
    const mustSwitch = existing.twoFactorMethod !== "none" && existing.twoFactorMethod !== required;
    const changes = {
      requiredSecondFactor: required,
      ...(mustSwitch
        ? {
            twoFactorMethod: "none" as const,
            twoFactorPhone: null,
            totpSecret: null,
            totpLastStep: null,
          }
        : {}),
    };
    await updateAccount(tx, existing.id, changes);
    account = { ...existing, ...changes };
    if (mustSwitch) {
      await recordAuditEvent(tx, deps.clock, {
        actor,
        action: "account.second-factor-reset",
        subject: { type: "account", id: account.id },
        details: { required },
      });
    }
  }
  if (account.status !== "invited") return { account, invited: false };
  await mailInvitation(deps, tx, account, deps.supplierName, meansInvitationMail);
  await recordAuditEvent(tx, deps.clock, {
    actor,
    action: "account.invited",
    subject: { type: "account", id: account.id },
    details: { kind: account.kind, requiredSecondFactor: account.requiredSecondFactor },
  });
  return { account, invited: true };
}
