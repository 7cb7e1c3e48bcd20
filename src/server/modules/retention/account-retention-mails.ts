import type { Locale } from "#src/contracts/locale.ts";
import type { MailContent } from "#src/server/platform/mail/mail-content.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";

/**
 * The mails of a client login without dossiers (ADR 0023): its deactivation and its deletion,
 * each 30 days ahead. They name no office and nothing of a dossier: the login has none left.
 */
export interface AccountRetentionMailData {
  name: string;
  /** The day the step is taken, `YYYY-MM-DD` in the Netherlands. */
  day: string;
}

const tags: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

/** "12 maart 2027" / "12 March 2027". */
function inWords(day: string, locale: Locale): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(tags[locale], {
    timeZone: "UTC",
    dateStyle: "long",
  });
}

export const accountDeactivationNoticeMail: MailTemplate<AccountRetentionMailData> = {
  name: "retention.account-deactivation",
  compose: {
    nl: ({ name, day }): MailContent => ({
      subject: "Uw account in het klantenportaal wordt gedeactiveerd",
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Er staan al enige tijd geen dossiers meer voor u in het klantenportaal. Daarom deactiveren wij uw account op ${inWords(day, "nl")}: daarna kunt u niet meer inloggen.`,
        },
        {
          kind: "paragraph",
          text: "Zet een notariskantoor later weer een dossier voor u klaar, dan wordt uw account vanzelf weer actief. U hoeft niets te doen.",
        },
      ],
      closing: ["Met vriendelijke groet,", "Poort"],
    }),
    en: ({ name, day }): MailContent => ({
      subject: "Your client portal account will be deactivated",
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `For some time there have been no dossiers for you in the client portal. We will therefore deactivate your account on ${inWords(day, "en")}: after that you can no longer log in.`,
        },
        {
          kind: "paragraph",
          text: "Should a notary office later share a dossier with you again, your account becomes active again by itself. You need not do anything.",
        },
      ],
      closing: ["Kind regards,", "Poort"],
    }),
  },
};

export const accountDeletionNoticeMail: MailTemplate<AccountRetentionMailData> = {
  name: "retention.account-deletion",
  compose: {
    nl: ({ name, day }): MailContent => ({
      subject: "Uw account in het klantenportaal wordt verwijderd",
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Uw account in het klantenportaal is gedeactiveerd, omdat er geen dossiers meer voor u in staan. Op ${inWords(day, "nl")} verwijderen wij het, met uw naam, e-mailadres, telefoonnummer en instellingen.`,
        },
        {
          kind: "paragraph",
          text: "Heeft u het account nog nodig, neem dan vóór die datum contact op met uw notariskantoor.",
        },
      ],
      closing: ["Met vriendelijke groet,", "Poort"],
    }),
    en: ({ name, day }): MailContent => ({
      subject: "Your client portal account will be deleted",
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Your client portal account was deactivated, as there are no dossiers for you in it any more. On ${inWords(day, "en")} we will delete it, with your name, e-mail address, phone number and settings.`,
        },
        {
          kind: "paragraph",
          text: "If you still need the account, contact your notary office before that date.",
        },
      ],
      closing: ["Kind regards,", "Poort"],
    }),
  },
};
