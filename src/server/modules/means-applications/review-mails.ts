import type { Database } from "#src/server/platform/db/database.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";
import type { ApplicationRow } from "./application-repository.ts";
import type { EherkenningDeps } from "./deps.ts";

/** The mails of the review and identification (C5) to the applicant, the future user. */

interface ApplicationMail {
  name: string;
  reference: string;
  supplierName: string;
}

/**
 * Queues one of these mails to the applicant in the caller's transaction, greeting them by
 * name under the application's reference. An application without the user's name and address
 * (a draft whose contacts were never given) has nobody to tell: nothing is queued.
 */
export async function mailApplicant<Details>(
  deps: Pick<EherkenningDeps, "mailer" | "supplierName">,
  tx: Database,
  application: Pick<ApplicationRow, "userEmail" | "userName" | "locale" | "reference">,
  template: MailTemplate<ApplicationMail & Details>,
  details: Details,
): Promise<void> {
  if (!application.userEmail || !application.userName) return;
  await deps.mailer.queue(tx, {
    to: application.userEmail,
    locale: application.locale,
    template,
    data: {
      name: application.userName,
      reference: application.reference,
      supplierName: deps.supplierName,
      ...details,
    },
  });
}

const nlClosing = (supplierName: string) => ["Met vriendelijke groet,", supplierName];
const enClosing = (supplierName: string) => ["Kind regards,", supplierName];

/** "Afwijzen": the reviewer's reason, word for word. */
export const applicationRejectedMail: MailTemplate<
  ApplicationMail & { reason: string; applyUrl: string }
> = {
  name: "means-applications.rejected",
  compose: {
    nl: ({ name, reference, supplierName, reason, applyUrl }) => ({
      subject: `Uw eHerkenning-aanvraag ${reference} is afgewezen`,
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Wij hebben uw aanvraag voor eHerkenning met kenmerk ${reference} gecontroleerd en kunnen deze helaas niet goedkeuren.`,
        },
        { kind: "facts", rows: [["Reden", reason]] },
        {
          kind: "paragraph",
          text: "U kunt een nieuwe aanvraag doen met de juiste gegevens en bijlagen.",
        },
        { kind: "action", label: "Nieuwe aanvraag doen", url: applyUrl },
      ],
      closing: nlClosing(supplierName),
    }),
    en: ({ name, reference, supplierName, reason, applyUrl }) => ({
      subject: `Your eHerkenning application ${reference} has been rejected`,
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `We have checked your application for eHerkenning with reference ${reference} and unfortunately cannot approve it.`,
        },
        { kind: "facts", rows: [["Reason", reason]] },
        {
          kind: "paragraph",
          text: "You can submit a new application with the correct details and attachments.",
        },
        { kind: "action", label: "Submit a new application", url: applyUrl },
      ],
      closing: enClosing(supplierName),
    }),
  },
};

/** EH3 and EH4: approved, now the partner identifies the user face to face within the window. */
export const identificationInvitedMail: MailTemplate<
  ApplicationMail & { partnerName: string; dueOn: string }
> = {
  name: "means-applications.identification-invited",
  compose: {
    nl: ({ name, reference, supplierName, partnerName, dueOn }) => ({
      subject: `Uw eHerkenning-aanvraag ${reference}: identificatie`,
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Uw aanvraag is gecontroleerd en goedgekeurd. Voor uw betrouwbaarheidsniveau moet u nog fysiek worden geïdentificeerd. Dit gebeurt door onze partner ${partnerName}. Zij nemen contact met u op om een afspraak te maken en komen bij u langs om u te identificeren.`,
        },
        {
          kind: "facts",
          rows: [
            ["Kenmerk", reference],
            ["Identificatie uiterlijk op", dueOn],
          ],
        },
        {
          kind: "notice",
          text: "Houd uw originele legitimatiebewijs bij de hand: hetzelfde document als de kopie bij uw aanvraag. Na deze datum vervalt de aanvraag.",
        },
      ],
      closing: nlClosing(supplierName),
    }),
    en: ({ name, reference, supplierName, partnerName, dueOn }) => ({
      subject: `Your eHerkenning application ${reference}: identification`,
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Your application has been checked and approved. For your assurance level you still need to be identified in person. This is done by our partner ${partnerName}. They will contact you to make an appointment and will visit you to identify you.`,
        },
        {
          kind: "facts",
          rows: [
            ["Reference", reference],
            ["Identification no later than", dueOn],
          ],
        },
        {
          kind: "notice",
          text: "Keep your original identity document at hand: the same document as the copy with your application. After this date the application lapses.",
        },
      ],
      closing: enClosing(supplierName),
    }),
  },
};

/** The partner's agent planned the appointment. */
export const appointmentPlannedMail: MailTemplate<
  ApplicationMail & { partnerName: string; when: string; place: string }
> = {
  name: "means-applications.appointment-planned",
  compose: {
    nl: ({ name, reference, supplierName, partnerName, when, place }) => ({
      subject: `Uw afspraak voor identificatie (${reference})`,
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `${partnerName} heeft een afspraak met u gepland om u te identificeren voor uw eHerkenning-aanvraag.`,
        },
        {
          kind: "facts",
          rows: [
            ["Wanneer", when],
            ["Waar", place],
          ],
        },
        {
          kind: "notice",
          text: "Neem uw originele legitimatiebewijs mee: hetzelfde document als de kopie bij uw aanvraag.",
        },
      ],
      closing: nlClosing(supplierName),
    }),
    en: ({ name, reference, supplierName, partnerName, when, place }) => ({
      subject: `Your identification appointment (${reference})`,
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `${partnerName} has planned an appointment with you to identify you for your eHerkenning application.`,
        },
        {
          kind: "facts",
          rows: [
            ["When", when],
            ["Where", place],
          ],
        },
        {
          kind: "notice",
          text: "Bring your original identity document: the same document as the copy with your application.",
        },
      ],
      closing: enClosing(supplierName),
    }),
  },
};

/** Why an application lapsed, in the mail that says so. */
export type LapseReason = "signing" | "identification";

const lapseText = {
  nl: {
    signing:
      "De vertegenwoordiger(s) van de organisatie hebben de aanvraag niet binnen 30 dagen ondertekend.",
    identification: "De identificatie heeft niet binnen de termijn van 30 dagen plaatsgevonden.",
  },
  en: {
    signing: "The organisation's representative(s) did not sign the application within 30 days.",
    identification: "The identification did not take place within the period of 30 days.",
  },
} as const;

export const applicationLapsedMail: MailTemplate<
  ApplicationMail & { reason: LapseReason; applyUrl: string }
> = {
  name: "means-applications.lapsed",
  compose: {
    nl: ({ name, reference, supplierName, reason, applyUrl }) => ({
      subject: `Uw eHerkenning-aanvraag ${reference} is vervallen`,
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Uw aanvraag voor eHerkenning met kenmerk ${reference} is vervallen.`,
        },
        { kind: "paragraph", text: lapseText.nl[reason] },
        { kind: "paragraph", text: "Heeft u eHerkenning nog nodig? Doe dan een nieuwe aanvraag." },
        { kind: "action", label: "Nieuwe aanvraag doen", url: applyUrl },
      ],
      closing: nlClosing(supplierName),
    }),
    en: ({ name, reference, supplierName, reason, applyUrl }) => ({
      subject: `Your eHerkenning application ${reference} has lapsed`,
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Your application for eHerkenning with reference ${reference} has lapsed.`,
        },
        { kind: "paragraph", text: lapseText.en[reason] },
        {
          kind: "paragraph",
          text: "Do you still need eHerkenning? Then submit a new application.",
        },
        { kind: "action", label: "Submit a new application", url: applyUrl },
      ],
      closing: enClosing(supplierName),
    }),
  },
};
