import type { MailTemplate } from "../platform/mail/mail-template.ts";

/** The first mail in a new demo installation: what the local outbox is and where to start. */
export const welcomeMail: MailTemplate<{ publicUrl: string }> = {
  name: "demo.welcome",
  compose: {
    nl: ({ publicUrl }) => ({
      subject: "Welkom bij Poort",
      greeting: "Beste ontwikkelaar,",
      blocks: [
        {
          kind: "paragraph",
          text: "Poort draait in de ingebouwde modus: e-mails en sms-berichten gaan niet de deur uit, maar komen in deze lokale postbus terecht.",
        },
        {
          kind: "paragraph",
          text: "Uitnodigingen, codes voor tweestapsverificatie en certificaatmails verschijnen hier zodra u ze in Poort in gang zet.",
        },
        { kind: "action", label: "Naar de startpagina", url: `${publicUrl}/` },
      ],
      closing: ["Met vriendelijke groet,", "Poort"],
    }),
    en: ({ publicUrl }) => ({
      subject: "Welcome to Poort",
      greeting: "Dear developer,",
      blocks: [
        {
          kind: "paragraph",
          text: "Poort runs in embedded mode: mails and text messages do not leave this machine but land in this local mailbox.",
        },
        {
          kind: "paragraph",
          text: "Invitations, two-step verification codes and certificate mails appear here as soon as you set them off in Poort.",
        },
        { kind: "action", label: "Go to the start page", url: `${publicUrl}/` },
      ],
      closing: ["Kind regards,", "Poort"],
    }),
  },
};
