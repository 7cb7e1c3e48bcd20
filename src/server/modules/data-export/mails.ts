import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";

interface ReadyMailData {
  name: string;
  /** Until when the archive can be downloaded, as the recipient reads it. */
  until: string;
  /** "Mijn gegevens" in the portal: the mail holds no link to the archive itself. */
  url: string;
}

/**
 * The archive is ready. The mail says nothing of what it holds and carries no download link:
 * the archive is fetched only after logging in, from "Mijn gegevens".
 */
export const dataExportReadyMail: MailTemplate<ReadyMailData> = {
  name: "data-export.ready",
  compose: {
    nl: ({ name, until, url }) => ({
      subject: "Uw gegevens staan klaar om te downloaden",
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: "U heeft gevraagd om een download van uw gegevens in Poort. Het bestand staat nu voor u klaar. Log in en ga naar Mijn gegevens om het te downloaden.",
        },
        { kind: "action", label: "Naar Mijn gegevens", url },
        {
          kind: "notice",
          text: `U kunt het bestand downloaden tot ${until}. Daarna wordt het verwijderd.`,
        },
        {
          kind: "paragraph",
          text: "Heeft u dit niet zelf gevraagd? Wijzig dan uw wachtwoord en neem contact op met uw notariskantoor.",
        },
      ],
      closing: ["Met vriendelijke groet,", "Poort"],
    }),
    en: ({ name, until, url }) => ({
      subject: "Your data is ready to download",
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: "You asked to download your data in Poort. The file is now ready for you. Log in and go to My details to download it.",
        },
        { kind: "action", label: "Go to My details", url },
        {
          kind: "notice",
          text: `You can download the file until ${until}. After that it is deleted.`,
        },
        {
          kind: "paragraph",
          text: "Did you not ask for this yourself? Then change your password and contact your notary office.",
        },
      ],
      closing: ["Kind regards,", "Poort"],
    }),
  },
};
