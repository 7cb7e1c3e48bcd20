import type { Level } from "#src/contracts/eherkenning/levels.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";

/** The mails of the application wizard and the signing, in Dutch and English. */

const closing = { nl: "Met vriendelijke groet,", en: "Kind regards," } as const;

interface CodeData {
  code: string;
  reference: string;
  supplierName: string;
}

/** Step 2: the code that proves the user's own e-mail address. */
export const contactCodeMail: MailTemplate<CodeData> = {
  name: "eherkenning.contact-code",
  compose: {
    nl: ({ code, reference, supplierName }) => ({
      subject: `Uw code voor de eHerkenningsaanvraag ${reference}`,
      greeting: "Beste aanvrager,",
      blocks: [
        { kind: "paragraph", text: `Uw code om uw e-mailadres te bevestigen is: ${code}` },
        { kind: "notice", text: "De code is 15 minuten geldig. Deel deze code met niemand." },
        {
          kind: "paragraph",
          text: "Heeft u geen eHerkenning aangevraagd? Dan kunt u deze e-mail negeren.",
        },
      ],
      closing: [closing.nl, supplierName],
    }),
    en: ({ code, reference, supplierName }) => ({
      subject: `Your code for eHerkenning application ${reference}`,
      greeting: "Dear applicant,",
      blocks: [
        { kind: "paragraph", text: `Your code to confirm your e-mail address is: ${code}` },
        { kind: "notice", text: "The code is valid for 15 minutes. Never share this code." },
        {
          kind: "paragraph",
          text: "Did you not apply for eHerkenning? Then you can ignore this e-mail.",
        },
      ],
      closing: [closing.en, supplierName],
    }),
  },
};

interface ContinueData {
  name: string;
  reference: string;
  url: string;
  supplierName: string;
}

/** Once the address is proven: the link to continue (on another device) and follow it later. */
export const continueApplicationMail: MailTemplate<ContinueData> = {
  name: "eherkenning.continue-application",
  compose: {
    nl: ({ name, reference, url, supplierName }) => ({
      subject: `Uw eHerkenningsaanvraag ${reference}`,
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: "U bent een aanvraag voor eHerkenning gestart. Met de link hieronder gaat u verder met uw aanvraag, ook op een ander apparaat, en volgt u later de voortgang.",
        },
        { kind: "facts", rows: [["Kenmerk", reference]] },
        { kind: "action", label: "Naar mijn aanvraag", url },
        {
          kind: "notice",
          text: "Deze link geeft toegang tot uw aanvraag. Stuur deze e-mail niet door.",
        },
      ],
      closing: [closing.nl, supplierName],
    }),
    en: ({ name, reference, url, supplierName }) => ({
      subject: `Your eHerkenning application ${reference}`,
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: "You have started an application for eHerkenning. The link below lets you continue your application, also on another device, and follow its progress later.",
        },
        { kind: "facts", rows: [["Reference", reference]] },
        { kind: "action", label: "Go to my application", url },
        {
          kind: "notice",
          text: "This link gives access to your application. Do not forward this e-mail.",
        },
      ],
      closing: [closing.en, supplierName],
    }),
  },
};

interface SignatureRequestData {
  signerName: string;
  userName: string;
  companyName: string;
  kvkNumber: string;
  level: Level;
  reference: string;
  url: string;
  supplierName: string;
}

/** Step 5: a chosen representative is asked to review and sign. */
export const signatureRequestMail: MailTemplate<SignatureRequestData> = {
  name: "eherkenning.signature-request",
  compose: {
    nl: (data) => ({
      subject: `Verzoek om de eHerkenningsaanvraag voor ${data.companyName} te ondertekenen`,
      greeting: `Beste ${data.signerName},`,
      blocks: [
        {
          kind: "paragraph",
          text: `${data.userName} heeft eHerkenning aangevraagd voor ${data.companyName}. U staat in het KvK-register als vertegenwoordiger van deze organisatie. Wij vragen u de aanvraag te controleren en te ondertekenen, of te weigeren als deze niet klopt.`,
        },
        {
          kind: "facts",
          rows: [
            ["Kenmerk", data.reference],
            ["Organisatie", `${data.companyName} (KvK ${data.kvkNumber})`],
            ["Gebruiker", data.userName],
            ["Betrouwbaarheidsniveau", data.level],
          ],
        },
        { kind: "action", label: "Aanvraag bekijken en ondertekenen", url: data.url },
        {
          kind: "notice",
          text: "U bevestigt uw handtekening met een code die wij u sturen. Kent u deze aanvraag niet? Weiger deze dan.",
        },
      ],
      closing: [closing.nl, data.supplierName],
    }),
    en: (data) => ({
      subject: `Request to sign the eHerkenning application for ${data.companyName}`,
      greeting: `Dear ${data.signerName},`,
      blocks: [
        {
          kind: "paragraph",
          text: `${data.userName} has applied for eHerkenning for ${data.companyName}. The KvK register lists you as a representative of this organisation. Please review and sign the application, or decline it if it is not right.`,
        },
        {
          kind: "facts",
          rows: [
            ["Reference", data.reference],
            ["Organisation", `${data.companyName} (KvK ${data.kvkNumber})`],
            ["User", data.userName],
            ["Level of assurance", data.level],
          ],
        },
        { kind: "action", label: "Review and sign the application", url: data.url },
        {
          kind: "notice",
          text: "You confirm your signature with a code we send you. Do you not recognise this application? Then decline it.",
        },
      ],
      closing: [closing.en, data.supplierName],
    }),
  },
};

interface SignatureCodeData {
  signerName: string;
  code: string;
  reference: string;
  supplierName: string;
}

/** The code that confirms a signature, for a representative without a mobile number given. */
export const signatureCodeMail: MailTemplate<SignatureCodeData> = {
  name: "eherkenning.signature-code",
  compose: {
    nl: ({ signerName, code, reference, supplierName }) => ({
      subject: `Uw code om aanvraag ${reference} te ondertekenen`,
      greeting: `Beste ${signerName},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Uw code om de eHerkenningsaanvraag te ondertekenen is: ${code}`,
        },
        { kind: "notice", text: "De code is 15 minuten geldig. Deel deze code met niemand." },
      ],
      closing: [closing.nl, supplierName],
    }),
    en: ({ signerName, code, reference, supplierName }) => ({
      subject: `Your code to sign application ${reference}`,
      greeting: `Dear ${signerName},`,
      blocks: [
        { kind: "paragraph", text: `Your code to sign the eHerkenning application is: ${code}` },
        { kind: "notice", text: "The code is valid for 15 minutes. Never share this code." },
      ],
      closing: [closing.en, supplierName],
    }),
  },
};

interface UserNoticeData {
  name: string;
  reference: string;
  url: string;
  supplierName: string;
}

/** The signatures suffice: the application is with the supplier for review. */
export const applicationSignedMail: MailTemplate<UserNoticeData> = {
  name: "eherkenning.application-signed",
  compose: {
    nl: ({ name, reference, url, supplierName }) => ({
      subject: `Uw eHerkenningsaanvraag ${reference} is ondertekend`,
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Uw aanvraag is ondertekend door de vertegenwoordiger(s) van de organisatie en ligt nu bij ${supplierName} ter controle. Direct nadat wij uw aanvraag hebben gecontroleerd, zal uw eHerkenningsmiddel worden uitgegeven. In bepaalde gevallen moet u eerst fysiek worden geïdentificeerd; dan nemen wij contact met u op.`,
        },
        { kind: "action", label: "Voortgang bekijken", url },
      ],
      closing: [closing.nl, supplierName],
    }),
    en: ({ name, reference, url, supplierName }) => ({
      subject: `Your eHerkenning application ${reference} has been signed`,
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Your application has been signed by the organisation's representative(s) and is now with ${supplierName} for review. As soon as we have checked your application, your eHerkenning means will be issued. In some cases you must first be identified in person; we will then contact you.`,
        },
        { kind: "action", label: "View progress", url },
      ],
      closing: [closing.en, supplierName],
    }),
  },
};

interface DeclinedData extends UserNoticeData {
  signerName: string;
  reason: string;
}

/** A representative declined to sign: the user is told why and may ask someone else. */
export const signatureDeclinedMail: MailTemplate<DeclinedData> = {
  name: "eherkenning.signature-declined",
  compose: {
    nl: ({ name, signerName, reason, reference, url, supplierName }) => ({
      subject: `${signerName} heeft uw eHerkenningsaanvraag ${reference} niet ondertekend`,
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `${signerName} heeft geweigerd uw eHerkenningsaanvraag te ondertekenen, met deze reden:`,
        },
        { kind: "notice", text: reason },
        {
          kind: "paragraph",
          text: "U kunt de aanvraag laten ondertekenen door een andere vertegenwoordiger: kies op de pagina van uw aanvraag bij deze persoon voor Vervangen.",
        },
        { kind: "action", label: "Naar mijn aanvraag", url },
      ],
      closing: [closing.nl, supplierName],
    }),
    en: ({ name, signerName, reason, reference, url, supplierName }) => ({
      subject: `${signerName} did not sign your eHerkenning application ${reference}`,
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `${signerName} declined to sign your eHerkenning application, giving this reason:`,
        },
        { kind: "notice", text: reason },
        {
          kind: "paragraph",
          text: "You can have the application signed by another representative: on your application's page, choose Replace for this person.",
        },
        { kind: "action", label: "Go to my application", url },
      ],
      closing: [closing.en, supplierName],
    }),
  },
};
