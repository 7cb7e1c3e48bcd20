import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";

interface LinkApprovalMailData {
  name: string;
  companyName: string;
  kvkNumber: string;
  officeName: string;
  url: string;
}

/**
 * The one-time link to approve an eHerkenning login for the company's portal account: to the
 * account the person chose (the main account, or their extra account), which approves it after
 * logging in. It says what approving means, and that ignoring it is safe.
 */
export const linkApprovalMail: MailTemplate<LinkApprovalMailData> = {
  name: "portal-eherkenning.link-approval",
  compose: {
    nl: ({ name, companyName, kvkNumber, officeName, url }) => ({
      subject: `eHerkenning koppelen aan uw account bij ${officeName}`,
      greeting: `Beste ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Iemand heeft met eHerkenning voor ${companyName} (KvK ${kvkNumber}) ingelogd op het klantenportaal van ${officeName}, en vraagt deze eHerkenning aan uw account te koppelen. Daarna komt die eHerkenning direct binnen en ziet zij alle dossiers van ${companyName}.`,
        },
        {
          kind: "paragraph",
          text: "Keur dit alleen goed als u het zelf heeft aangevraagd of weet wie het deed. Na het klikken op de link logt u in en keurt u de koppeling goed.",
        },
        { kind: "action", label: "Koppeling bekijken", url },
        {
          kind: "notice",
          text: "Deze link is 3 dagen geldig en werkt één keer. Heeft u niets aangevraagd? Dan kunt u deze e-mail negeren: er wordt niets gekoppeld.",
        },
      ],
      closing: ["Met vriendelijke groet,", officeName],
    }),
    en: ({ name, companyName, kvkNumber, officeName, url }) => ({
      subject: `Link eHerkenning to your account with ${officeName}`,
      greeting: `Dear ${name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Someone logged in with eHerkenning for ${companyName} (KvK ${kvkNumber}) to the client portal of ${officeName}, and asks to link this eHerkenning to your account. After that, this eHerkenning logs in straight away and sees every dossier of ${companyName}.`,
        },
        {
          kind: "paragraph",
          text: "Only approve this if you asked for it yourself or know who did. After clicking the link you log in and approve the link.",
        },
        { kind: "action", label: "Review the link", url },
        {
          kind: "notice",
          text: "This link is valid for 3 days and works once. Did you not ask for anything? Then you can ignore this e-mail: nothing will be linked.",
        },
      ],
      closing: ["Kind regards,", officeName],
    }),
  },
};
