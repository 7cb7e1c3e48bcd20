import type { MailContent } from "#src/server/platform/mail/mail-content.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";

interface LinkMailData {
  name: string;
  /** The office the client or staff member belongs to; absent for platform staff. */
  officeName?: string;
  url: string;
}

const nlClosing = (officeName?: string) => ["Met vriendelijke groet,", officeName ?? "Poort"];
const enClosing = (officeName?: string) => ["Kind regards,", officeName ?? "Poort"];

function linkMail(
  name: string,
  compose: { nl: (data: LinkMailData) => MailContent; en: (data: LinkMailData) => MailContent },
): MailTemplate<LinkMailData> {
  return { name, compose };
}

/** Mail 1 of the activation: the account exists, the link starts setting it up. */
export const invitationMail = linkMail("accounts.invitation", {
  nl: ({ name, officeName, url }) => ({
    subject: officeName ? `Uw account bij ${officeName}` : "Uw account bij Poort",
    greeting: `Beste ${name},`,
    blocks: [
      {
        kind: "paragraph",
        text: officeName
          ? `${officeName} heeft voor u een account aangemaakt in Poort. Met de link hieronder start u het instellen van uw account.`
          : "Er is voor u een account aangemaakt in Poort. Met de link hieronder start u het instellen van uw account.",
      },
      {
        kind: "paragraph",
        text: "Na het klikken op de link vult u uw e-mailadres in. U ontvangt dan een tweede e-mail om uw wachtwoord in te stellen.",
      },
      { kind: "action", label: "Account instellen", url },
      { kind: "notice", text: "Deze link is 7 dagen geldig en werkt één keer." },
    ],
    closing: nlClosing(officeName),
  }),
  en: ({ name, officeName, url }) => ({
    subject: officeName ? `Your account with ${officeName}` : "Your Poort account",
    greeting: `Dear ${name},`,
    blocks: [
      {
        kind: "paragraph",
        text: officeName
          ? `${officeName} has created an account for you in Poort. The link below starts setting up your account.`
          : "An account has been created for you in Poort. The link below starts setting up your account.",
      },
      {
        kind: "paragraph",
        text: "After clicking the link you enter your e-mail address. You then receive a second e-mail to set your password.",
      },
      { kind: "action", label: "Set up account", url },
      { kind: "notice", text: "This link is valid for 7 days and works once." },
    ],
    closing: enClosing(officeName),
  }),
});

/** Mail 2: the address is confirmed; the link leads to "Instellen wachtwoord". */
export const emailConfirmationMail = linkMail("accounts.email-confirmation", {
  nl: ({ name, officeName, url }) => ({
    subject: "Stel uw wachtwoord in",
    greeting: `Beste ${name},`,
    blocks: [
      {
        kind: "paragraph",
        text: "Uw e-mailadres is bevestigd. Met de link hieronder legt u uw wachtwoord vast; daarna bent u ingelogd.",
      },
      { kind: "action", label: "Instellen wachtwoord", url },
      { kind: "notice", text: "Deze link is 1 uur geldig en werkt één keer." },
    ],
    closing: nlClosing(officeName),
  }),
  en: ({ name, officeName, url }) => ({
    subject: "Set your password",
    greeting: `Dear ${name},`,
    blocks: [
      {
        kind: "paragraph",
        text: "Your e-mail address is confirmed. The link below lets you set your password, after which you are logged in.",
      },
      { kind: "action", label: "Set password", url },
      { kind: "notice", text: "This link is valid for 1 hour and works once." },
    ],
    closing: enClosing(officeName),
  }),
});

/** "Wachtwoord vergeten": the same "Instellen wachtwoord" step, by a link of its own. */
export const passwordResetMail = linkMail("accounts.password-reset", {
  nl: ({ name, officeName, url }) => ({
    subject: "Nieuw wachtwoord instellen",
    greeting: `Beste ${name},`,
    blocks: [
      {
        kind: "paragraph",
        text: "U heeft gevraagd om een nieuw wachtwoord. Met de link hieronder stelt u het in. Heeft u dit niet gevraagd? Dan hoeft u niets te doen: uw huidige wachtwoord blijft geldig.",
      },
      { kind: "action", label: "Instellen wachtwoord", url },
      { kind: "notice", text: "Deze link is 1 uur geldig en werkt één keer." },
    ],
    closing: nlClosing(officeName),
  }),
  en: ({ name, officeName, url }) => ({
    subject: "Set a new password",
    greeting: `Dear ${name},`,
    blocks: [
      {
        kind: "paragraph",
        text: "You asked for a new password. The link below lets you set it. Did you not ask for this? Then you need not do anything: your current password stays valid.",
      },
      { kind: "action", label: "Set password", url },
      { kind: "notice", text: "This link is valid for 1 hour and works once." },
    ],
    closing: enClosing(officeName),
  }),
});

/** Mail 3: confirmation that the password was set, with a warning in case it was not them. */
export const passwordSetMail: MailTemplate<{ name: string; officeName?: string; when: string }> = {
  name: "accounts.password-set",
  compose: {
    nl: ({ name, officeName, when }) => ({
      subject: "Uw wachtwoord is ingesteld",
      greeting: `Beste ${name},`,
      blocks: [
        { kind: "paragraph", text: `Op ${when} is het wachtwoord van uw account ingesteld.` },
        {
          kind: "notice",
          text: "Heeft u dit niet zelf gedaan? Neem dan direct contact met ons op.",
        },
      ],
      closing: nlClosing(officeName),
    }),
    en: ({ name, officeName, when }) => ({
      subject: "Your password has been set",
      greeting: `Dear ${name},`,
      blocks: [
        { kind: "paragraph", text: `The password of your account was set on ${when}.` },
        { kind: "notice", text: "Did you not do this yourself? Please contact us at once." },
      ],
      closing: enClosing(officeName),
    }),
  },
};

interface AddedToOfficeData {
  name: string;
  officeName: string;
  /** For an extra account: the company the person now acts for. */
  companyName?: string;
  /** The portal's login page: the person logs in with the account they have. */
  url: string;
}

/**
 * An office (or a company's main account) added a person who already has a Poort login: no new
 * account and no activation link, only the news and the way in (ADR 0011).
 */
export const addedToOfficeMail: MailTemplate<AddedToOfficeData> = {
  name: "accounts.added-to-office",
  compose: {
    nl: ({ name, officeName, companyName, url }) => ({
      subject: `U heeft toegang tot uw dossiers bij ${officeName}`,
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: companyName
            ? `${companyName} heeft u toegevoegd aan zijn account bij ${officeName} in Poort. U kunt nu namens ${companyName} de dossiers bij ${officeName} inzien.`
            : `${officeName} heeft u als cliënt toegevoegd in Poort. U kunt nu ook uw dossiers bij ${officeName} inzien.`,
        },
        {
          kind: "paragraph",
          text: "U heeft al een account in Poort: log in met uw bestaande e-mailadres en wachtwoord en kies daarna het notariskantoor. U hoeft geen nieuw account aan te maken.",
        },
        { kind: "action", label: "Inloggen", url },
        {
          kind: "notice",
          text: "Kent u dit notariskantoor niet? Neem dan contact op met het kantoor voordat u iets doet.",
        },
      ],
      closing: nlClosing(officeName),
    }),
    en: ({ name, officeName, companyName, url }) => ({
      subject: `You can now see your dossiers with ${officeName}`,
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: companyName
            ? `${companyName} has added you to its account with ${officeName} in Poort. You can now see the dossiers with ${officeName} on behalf of ${companyName}.`
            : `${officeName} has added you as a client in Poort. You can now also see your dossiers with ${officeName}.`,
        },
        {
          kind: "paragraph",
          text: "You already have a Poort account: log in with your existing e-mail address and password, then choose the notary office. You do not need a new account.",
        },
        { kind: "action", label: "Log in", url },
        {
          kind: "notice",
          text: "Do you not know this notary office? Then contact the office before you do anything.",
        },
      ],
      closing: enClosing(officeName),
    }),
  },
};
