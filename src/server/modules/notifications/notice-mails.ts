import type { MailContent } from "#src/server/platform/mail/mail-content.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";

/**
 * The notice mails (ADR 0013). Professional secrecy: a notice says only THAT something new
 * waits, of which kind, at which office, with the way in. Their data has no field for a
 * subject, a message, a file name, a title, a dossier number or a description, and the only
 * texts it carries are branded: a name a notice may hold (the person's own, an office's) and
 * the login page's address, both made in one place (`send-notices.ts`).
 */

declare const noticeNameBrand: unique symbol;
/** The recipient's own name or an office's name: never anything of a dossier. */
export type NoticeName = string & { readonly [noticeNameBrand]: true };

declare const loginUrlBrand: unique symbol;
/** The login page of an area (`/portal/login`, `/office/login`): never a page of a dossier. */
export type LoginUrl = string & { readonly [loginUrlBrand]: true };

/** News a client may turn off in Mijn gegevens. */
export type ClientNewsKind = "documents" | "messages" | "questionnaires";
/** …and that a closed dossier leaves the portal in 30 days (ADR 0023), told to everyone. */
export type ClientNoticeKind = ClientNewsKind | "retention";
/** For staff: clients' messages, and actions a client completed (filed under "questionnaires"). */
export type StaffNoticeKind = "messages" | "questionnaires";

/** One kind of news, and whether there is more than one of it. */
export interface NoticeNews<Kind extends string> {
  readonly kind: Kind;
  readonly several: boolean;
}

export interface ClientNoticeData {
  readonly name: NoticeName;
  /** Per office, in the order to mention them: what kinds of news wait there. */
  readonly offices: ReadonlyArray<{
    readonly officeName: NoticeName;
    readonly news: ReadonlyArray<NoticeNews<ClientNoticeKind>>;
  }>;
  readonly loginUrl: LoginUrl;
}

export interface StaffNoticeData {
  readonly name: NoticeName;
  readonly news: ReadonlyArray<NoticeNews<StaffNoticeKind>>;
  readonly loginUrl: LoginUrl;
}

type Phrases<Kind extends string> = Record<Kind, { one: string; several: string }>;

const clientPhrases: Record<"nl" | "en", Phrases<ClientNewsKind>> = {
  nl: {
    documents: { one: "een nieuw document", several: "nieuwe documenten" },
    messages: { one: "een nieuw bericht", several: "nieuwe berichten" },
    // "Acties" as the portal's tile calls them (a questionnaire, a request for documents); no
    // "new", since a reminder of one that waits says the same.
    questionnaires: { one: "een actie", several: "acties" },
  },
  en: {
    documents: { one: "a new document", several: "new documents" },
    messages: { one: "a new message", several: "new messages" },
    questionnaires: { one: "an action", several: "actions" },
  },
};

const staffPhrases: Record<"nl" | "en", Phrases<StaffNoticeKind>> = {
  nl: {
    messages: { one: "een nieuw bericht van een cliënt", several: "nieuwe berichten van cliënten" },
    questionnaires: {
      one: "een actie die een cliënt heeft afgerond",
      several: "acties die cliënten hebben afgerond",
    },
  },
  en: {
    messages: { one: "a new message from a client", several: "new messages from clients" },
    questionnaires: {
      one: "an action a client has completed",
      several: "actions clients have completed",
    },
  },
};

const order: readonly ClientNoticeKind[] = ["documents", "messages", "questionnaires"];

/** "a, b en c" / "a, b and c", in the fixed order of the kinds. */
function listOf<Kind extends ClientNoticeKind>(
  news: ReadonlyArray<NoticeNews<Kind>>,
  phrases: Phrases<Kind>,
  and: string,
): string {
  const parts = [...news]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    .map(({ kind, several }) => phrases[kind][several ? "several" : "one"]);
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} ${and} ${parts.at(-1)}`;
}

const isNews = (item: NoticeNews<ClientNoticeKind>): item is NoticeNews<ClientNewsKind> =>
  item.kind !== "retention";

type Office = ClientNoticeData["offices"][number];

/** What an office's paragraphs say: its news, and whether dossiers leave the portal. */
function partsOf(office: Office) {
  const leaving = office.news.find((item) => item.kind === "retention");
  return { news: office.news.filter(isNews), leaving };
}

/** The mail tells of dossiers leaving the portal, and of nothing else. */
const onlyLeaving = (data: ClientNoticeData) =>
  data.offices.every((office) => office.news.every((item) => !isNews(item)));

/** Several dossiers leave: one office with several, or several offices with one each. */
const severalLeaving = (data: ClientNoticeData) =>
  data.offices.flatMap((office) => office.news.filter((item) => !isNews(item))).length > 1 ||
  data.offices.some((office) => partsOf(office).leaving?.several);

const officeTexts = {
  nl: {
    news: (office: string, list: string) => `${office} heeft ${list} voor u in het klantenportaal.`,
    and: "en",
    leavingOne: (office: string) =>
      `Bij ${office} verdwijnt over 30 dagen een afgesloten dossier uit het klantenportaal, met de documenten en berichten erin.`,
    leavingSeveral: (office: string) =>
      `Bij ${office} verdwijnen over 30 dagen afgesloten dossiers uit het klantenportaal, met de documenten en berichten erin.`,
    download:
      "Download vóór die tijd de documenten die u wilt bewaren. In het dossier ziet u op welke dag het verdwijnt.",
  },
  en: {
    news: (office: string, list: string) => `${office} has ${list} for you in the client portal.`,
    and: "and",
    leavingOne: (office: string) =>
      `At ${office}, a closed dossier leaves the client portal in 30 days, with its documents and messages.`,
    leavingSeveral: (office: string) =>
      `At ${office}, closed dossiers leave the client portal in 30 days, with their documents and messages.`,
    download:
      "Download the documents you want to keep before then. The dossier shows the day it leaves.",
  },
};

/** Per office a paragraph of its news and one of its dossiers leaving; then what to do. */
function officeBlocks(data: ClientNoticeData, locale: "nl" | "en") {
  const texts = officeTexts[locale];
  const paragraphs = data.offices.flatMap((office) => {
    const { news, leaving } = partsOf(office);
    const name = office.officeName;
    return [
      ...(news.length > 0
        ? [texts.news(name, listOf(news, clientPhrases[locale], texts.and))]
        : []),
      ...(leaving ? [leaving.several ? texts.leavingSeveral(name) : texts.leavingOne(name)] : []),
    ];
  });
  if (data.offices.some((office) => partsOf(office).leaving)) paragraphs.push(texts.download);
  return paragraphs.map((text) => ({ kind: "paragraph" as const, text }));
}

/** The sender: the office when the mail is about one, else Poort. */
const senderOf = (data: ClientNoticeData): string =>
  data.offices.length === 1 && data.offices[0] ? data.offices[0].officeName : "Poort";

export const clientNoticeMail: MailTemplate<ClientNoticeData> = {
  name: "notifications.client-notice",
  compose: {
    nl: (data): MailContent => ({
      subject: onlyLeaving(data)
        ? `${severalLeaving(data) ? "Dossiers verdwijnen" : "Een dossier verdwijnt"} binnenkort uit het klantenportaal${data.offices.length === 1 ? ` van ${senderOf(data)}` : ""}`
        : data.offices.length === 1
          ? `Er staat iets nieuws voor u klaar bij ${senderOf(data)}`
          : "Er staat iets nieuws voor u klaar in Poort",
      greeting: `Beste ${data.name},`,
      blocks: [
        ...officeBlocks(data, "nl"),
        {
          kind: "paragraph",
          text: "Om uw gegevens te beschermen staat de inhoud niet in deze e-mail. Log in om te zien wat er voor u klaarstaat.",
        },
        { kind: "action", label: "Inloggen", url: data.loginUrl },
        {
          kind: "notice",
          text: onlyLeaving(data)
            ? "U ontvangt deze e-mail altijd wanneer een dossier uit het klantenportaal verdwijnt, ook als u meldingen heeft uitgezet."
            : "U ontvangt deze e-mail omdat u meldingen heeft aangezet. U kunt dit wijzigen onder Mijn gegevens.",
        },
      ],
      closing: ["Met vriendelijke groet,", senderOf(data)],
    }),
    en: (data): MailContent => ({
      subject: onlyLeaving(data)
        ? `${severalLeaving(data) ? "Dossiers are leaving" : "A dossier is leaving"} the client portal${data.offices.length === 1 ? ` of ${senderOf(data)}` : ""} soon`
        : data.offices.length === 1
          ? `Something new is waiting for you at ${senderOf(data)}`
          : "Something new is waiting for you in Poort",
      greeting: `Dear ${data.name},`,
      blocks: [
        ...officeBlocks(data, "en"),
        {
          kind: "paragraph",
          text: "To protect your data, the content is not in this e-mail. Log in to see what is waiting for you.",
        },
        { kind: "action", label: "Log in", url: data.loginUrl },
        {
          kind: "notice",
          text: onlyLeaving(data)
            ? "You always receive this e-mail when a dossier leaves the client portal, also with notifications turned off."
            : "You receive this e-mail because you turned on notifications. You can change this under My details.",
        },
      ],
      closing: ["Kind regards,", senderOf(data)],
    }),
  },
};

export const staffNoticeMail: MailTemplate<StaffNoticeData> = {
  name: "notifications.staff-notice",
  compose: {
    nl: (data): MailContent => ({
      subject: "Er staat iets nieuws voor u klaar in Poort",
      greeting: `Beste ${data.name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `Er ${data.news[0]?.several ? "zijn" : "is"} ${listOf(data.news, staffPhrases.nl, "en")} voor u in de dossiers die u behandelt.`,
        },
        {
          kind: "paragraph",
          text: "Vanwege de geheimhoudingsplicht staat de inhoud niet in deze e-mail. Log in op de back office om het te lezen.",
        },
        { kind: "action", label: "Inloggen", url: data.loginUrl },
      ],
      closing: ["Met vriendelijke groet,", "Poort"],
    }),
    en: (data): MailContent => ({
      subject: "Something new is waiting for you in Poort",
      greeting: `Dear ${data.name},`,
      blocks: [
        {
          kind: "paragraph",
          text: `There ${data.news[0]?.several ? "are" : "is"} ${listOf(data.news, staffPhrases.en, "and")} for you in the dossiers you handle.`,
        },
        {
          kind: "paragraph",
          text: "Under professional secrecy the content is not in this e-mail. Log in to the back office to read it.",
        },
        { kind: "action", label: "Log in", url: data.loginUrl },
      ],
      closing: ["Kind regards,", "Poort"],
    }),
  },
};

/** Every notice template: the secrecy test renders each of them. */
export const noticeTemplates = [clientNoticeMail, staffNoticeMail] as const;
