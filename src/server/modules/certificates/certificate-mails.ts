import type { Organisation } from "#src/contracts/certificates.ts";
import type { MailContent } from "#src/server/platform/mail/mail-content.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";

/** The office as the mails name it: "X Notaris B.V. (10xxxx)". */
interface OfficeNaming {
  officeName: string;
  debtorNumber: string;
  organisation: Organisation;
}

const dutchDate = (date: Date) =>
  new Intl.DateTimeFormat("nl-NL", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  })
    .format(date)
    .replaceAll("/", "-");

const contact = ({ organisation: o }: OfficeNaming) =>
  `Voor eventuele vragen of problemen kunt u contact opnemen met de ${o.shortName} Servicedesk (e-mailadres: ${o.servicedeskEmail} of telefoonnummer: ${o.servicedeskPhone}).`;
const closing = ({ organisation: o }: OfficeNaming) => [
  "Met vriendelijke groet,",
  `${o.shortName} Servicedesk`,
];

/**
 * The mails of the seed are Dutch only (the notarial chain's working language); the English
 * version is there for the rare office that asked for it.
 */
function dutchOnly<Data>(name: string, compose: (data: Data) => MailContent): MailTemplate<Data> {
  return { name, compose: { nl: compose, en: compose } };
}

/** A1 / A2: the current certificate expires within 40 (or 20) days. */
export const expiryMail = dutchOnly<
  OfficeNaming & { notAfter: Date; selfServiceUrl: string; reminder: boolean }
>("certificates.expiry", (data) => ({
  subject: data.reminder
    ? `Herinnering: uw ${data.organisation.shortName} kantoorcertificaat verloopt op ${dutchDate(data.notAfter)}`
    : `Uw ${data.organisation.shortName} kantoorcertificaat verloopt op ${dutchDate(data.notAfter)}`,
  greeting: "Geachte heer/mevrouw,",
  blocks: [
    {
      kind: "paragraph",
      text: `Binnenkort verloopt het ${data.organisation.shortName} kantoorcertificaat waarmee u toegang heeft tot de ${data.organisation.shortName} applicaties. Het betreft hier het certificaat van: ${data.officeName} (${data.debtorNumber})`,
    },
    {
      kind: "paragraph",
      text: `Het huidige certificaat is geldig tot ${dutchDate(data.notAfter)} en dient voor deze datum vervangen te worden.`,
    },
    { kind: "action", label: "Nieuw certificaat aanvragen", url: data.selfServiceUrl },
    {
      kind: "notice",
      text: "Let op: Voor de toegang tot deze selfservice pagina moet u inloggen met uw huidige kantoorcertificaat en uw gebruikersnaam en wachtwoord. Klik deze link dus aan op een pc waarop het huidige kantoorcertificaat is geïnstalleerd en zorg ervoor dat u uw gebruikersnaam en wachtwoord bij de hand heeft.",
    },
    {
      kind: "paragraph",
      text: `Wij adviseren u dringend het nieuwe certificaat zo spoedig mogelijk te (laten) installeren en niet tot het laatste moment te wachten. Zonder geldig certificaat heeft u geen toegang tot de ${data.organisation.shortName} applicaties.`,
    },
    {
      kind: "paragraph",
      text: `Voor informatie over het aanvraagproces: ${data.organisation.infoUrl}`,
    },
    { kind: "paragraph", text: contact(data) },
  ],
  closing: closing(data),
}));

/** A5 (1): the request is confirmed to the registered address, always. */
export const requestConfirmationMail = dutchOnly<
  OfficeNaming & { requestedAt: Date; sentTo: string; mobile: string | null }
>("certificates.request-confirmation", (data) => ({
  subject: `Bevestiging aanvraag ${data.organisation.shortName} kantoorcertificaat`,
  greeting: "Geachte heer/mevrouw,",
  blocks: [
    {
      kind: "paragraph",
      text: `Voor ${data.officeName} (${data.debtorNumber}) is een nieuw ${data.organisation.shortName} kantoorcertificaat aangevraagd. Het certificaat is per e-mail verstuurd naar het adres hieronder.`,
    },
    {
      kind: "facts",
      rows: [
        [
          "Aangevraagd op",
          new Intl.DateTimeFormat("nl-NL", {
            dateStyle: "long",
            timeStyle: "short",
            timeZone: "Europe/Amsterdam",
          }).format(data.requestedAt),
        ],
        ["Kantoor", `${data.officeName} (${data.debtorNumber})`],
        ["Certificaat verstuurd naar", data.sentTo],
        ...(data.mobile ? [["Wachtwoord per sms naar", data.mobile] as const] : []),
      ],
    },
    {
      kind: "notice",
      text: "Heeft u deze aanvraag niet gedaan, of heeft u de e-mail met het certificaat niet ontvangen? Neem dan contact op met de servicedesk.",
    },
    { kind: "paragraph", text: contact(data) },
  ],
  closing: closing(data),
}));

/** A5 (2): the certificate itself, as a password-protected PKCS#12 attachment. */
export const certificateMail = dutchOnly<OfficeNaming>("certificates.certificate", (data) => ({
  subject: `Certificaat voor inloggen op ${data.organisation.applicationsName}`,
  greeting: "Geachte heer/mevrouw,",
  blocks: [
    {
      kind: "paragraph",
      text: `In de bijlage treft u het door uw kantoor aangevraagde kantoorcertificaat aan. Het betreft hier het kantoorcertificaat voor: ${data.officeName} (${data.debtorNumber})`,
    },
    {
      kind: "paragraph",
      text: "Tijdens de installatie moet u het wachtwoord invoeren dat op uw scherm is getoond tijdens de aanvraag, of per sms aan u is verzonden.",
    },
    { kind: "action", label: "Handleiding voor de installatie", url: data.organisation.manualUrl },
    {
      kind: "paragraph",
      text: "Wij raden u aan om voor de installatie van het kantoorcertificaat contact op te nemen met uw systeembeheerder of notariële softwareleverancier.",
    },
    { kind: "paragraph", text: contact(data) },
  ],
  closing: closing(data),
}));

/** A9: a Poort mail to an office could not be delivered; the servicedesk follows it up. */
export const bounceNoticeMail = dutchOnly<{
  to: string;
  subject: string;
  reason: string;
  officeName: string | null;
}>("certificates.bounce-notice", (data) => ({
  subject: `Onbestelbaar: ${data.subject}`,
  greeting: "Beste servicedesk,",
  blocks: [
    {
      kind: "paragraph",
      text: "Een e-mail van Poort kon niet worden afgeleverd. Neem zo nodig contact op met het kantoor.",
    },
    {
      kind: "facts",
      rows: [
        ["Aan", data.to],
        ["Onderwerp", data.subject],
        ["Kantoor", data.officeName ?? "onbekend"],
        ["Reden", data.reason],
      ],
    },
  ],
  closing: ["Poort"],
}));
