import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";

/** The mails to a means holder about their means and authorizations (C6). */

interface HolderMail {
  name: string;
  supplierName: string;
  /** The holder's page, or the application wizard for a renewal. */
  url: string;
}

const nlClosing = (supplierName: string) => ["Met vriendelijke groet,", supplierName];
const enClosing = (supplierName: string) => ["Kind regards,", supplierName];

/** An active holder's new application was approved: their means got the new authorizations. */
export const authorizationsAddedMail: MailTemplate<HolderMail & { level: string }> = {
  name: "means.authorizations-added",
  compose: {
    nl: ({ name, supplierName, url, level }) => ({
      subject: "Uw eHerkenningsmiddel heeft nieuwe machtigingen",
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Uw aanvraag is goedgekeurd. De nieuwe machtigingen zijn toegevoegd aan uw bestaande eHerkenningsmiddel (niveau ${level}). U logt in zoals u gewend bent.`,
        },
        { kind: "action", label: "Mijn eHerkenning", url },
      ],
      closing: nlClosing(supplierName),
    }),
    en: ({ name, supplierName, url, level }) => ({
      subject: "Your eHerkenning means has new authorizations",
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Your application has been approved. The new authorizations have been added to your existing eHerkenning means (level ${level}). You log in as you are used to.`,
        },
        { kind: "action", label: "My eHerkenning", url },
      ],
      closing: enClosing(supplierName),
    }),
  },
};

/** The supplier revoked the whole means: no authorization of it works any more. */
export const meansRevokedMail: MailTemplate<HolderMail & { reason: string }> = {
  name: "means.revoked",
  compose: {
    nl: ({ name, supplierName, url, reason }) => ({
      subject: "Uw eHerkenningsmiddel is ingetrokken",
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: "Uw eHerkenningsmiddel is ingetrokken. U kunt er niet meer mee inloggen bij dienstverleners; al uw machtigingen zijn beëindigd.",
        },
        { kind: "facts", rows: [["Reden", reason]] },
        {
          kind: "paragraph",
          text: "Heeft u opnieuw eHerkenning nodig? Dan kunt u een nieuwe aanvraag doen.",
        },
        { kind: "action", label: "eHerkenning aanvragen", url },
      ],
      closing: nlClosing(supplierName),
    }),
    en: ({ name, supplierName, url, reason }) => ({
      subject: "Your eHerkenning means has been revoked",
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: "Your eHerkenning means has been revoked. You can no longer use it to log in with service providers; all your authorizations have ended.",
        },
        { kind: "facts", rows: [["Reason", reason]] },
        {
          kind: "paragraph",
          text: "Do you need eHerkenning again? Then you can submit a new application.",
        },
        { kind: "action", label: "Apply for eHerkenning", url },
      ],
      closing: enClosing(supplierName),
    }),
  },
};

interface AuthorizationMail extends HolderMail {
  companyName: string;
  scopeName: string;
  validUntil: string;
}

/** One authorization was revoked; the means and its other authorizations still work. */
export const authorizationRevokedMail: MailTemplate<AuthorizationMail & { reason: string }> = {
  name: "means.authorization-revoked",
  compose: {
    nl: ({ name, supplierName, url, reason, companyName, scopeName }) => ({
      subject: "Een machtiging van uw eHerkenningsmiddel is ingetrokken",
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: "Een machtiging van uw eHerkenningsmiddel is ingetrokken. Uw andere machtigingen blijven geldig.",
        },
        {
          kind: "facts",
          rows: [
            ["Organisatie", companyName],
            ["Machtiging", scopeName],
            ["Reden", reason],
          ],
        },
        { kind: "action", label: "Mijn eHerkenning", url },
      ],
      closing: nlClosing(supplierName),
    }),
    en: ({ name, supplierName, url, reason, companyName, scopeName }) => ({
      subject: "An authorization of your eHerkenning means has been revoked",
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: "An authorization of your eHerkenning means has been revoked. Your other authorizations stay valid.",
        },
        {
          kind: "facts",
          rows: [
            ["Organisation", companyName],
            ["Authorization", scopeName],
            ["Reason", reason],
          ],
        },
        { kind: "action", label: "My eHerkenning", url },
      ],
      closing: enClosing(supplierName),
    }),
  },
};

/** 30 days before an authorization ends: renew it on the holder's page, or apply again. */
export const renewalReminderMail: MailTemplate<AuthorizationMail & { applyUrl: string }> = {
  name: "means.renewal-reminder",
  compose: {
    nl: ({ name, supplierName, url, applyUrl, companyName, scopeName, validUntil }) => ({
      subject: "Uw eHerkenning-machtiging verloopt binnenkort",
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Uw machtiging voor ${companyName} verloopt op ${validUntil}. Daarna kunt u er niet meer mee inloggen.`,
        },
        {
          kind: "facts",
          rows: [
            ["Organisatie", companyName],
            ["Machtiging", scopeName],
            ["Geldig tot", validUntil],
          ],
        },
        {
          kind: "paragraph",
          text: "Verleng de machtiging op uw pagina Mijn eHerkenning met de knop Verlengen. Is er iets veranderd, bijvoorbeeld de diensten of het niveau dat u nodig heeft? Doe dan een nieuwe aanvraag.",
        },
        { kind: "action", label: "Verlengen in Mijn eHerkenning", url },
        { kind: "action", label: "Nieuwe aanvraag doen", url: applyUrl },
      ],
      closing: nlClosing(supplierName),
    }),
    en: ({ name, supplierName, url, applyUrl, companyName, scopeName, validUntil }) => ({
      subject: "Your eHerkenning authorization expires soon",
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Your authorization for ${companyName} expires on ${validUntil}. After that you can no longer log in with it.`,
        },
        {
          kind: "facts",
          rows: [
            ["Organisation", companyName],
            ["Authorization", scopeName],
            ["Valid until", validUntil],
          ],
        },
        {
          kind: "paragraph",
          text: "Renew the authorization on your My eHerkenning page with the Renew button. Has anything changed, such as the services or the level you need? Then submit a new application.",
        },
        { kind: "action", label: "Renew in My eHerkenning", url },
        { kind: "action", label: "Submit a new application", url: applyUrl },
      ],
      closing: enClosing(supplierName),
    }),
  },
};
