import { describe, expect, it } from "vitest";
import { locales } from "#src/contracts/locale.ts";
import { renderMail } from "#src/server/platform/mail/mail-content.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";
import {
  type ClientNoticeData,
  type ClientNoticeKind,
  clientNoticeMail,
  type LoginUrl,
  type NoticeName,
  noticeTemplates,
  type StaffNoticeData,
  staffNoticeMail,
} from "./notice-mails.ts";

/**
 * Professional secrecy (ADR 0013): a notice says only that something new waits. Whatever a
 * caller might try to hand a notice template of a dossier's content, none of it is in the mail.
 */
const SENTINELS = {
  subject: "ZZ-ONDERWERP-sentinel",
  body: "ZZ-BERICHTTEKST-sentinel",
  message: "ZZ-BERICHT-sentinel",
  title: "ZZ-TITEL-sentinel",
  fileName: "ZZ-BESTAND-sentinel.pdf",
  dossierNumber: "ZZ-DOSSIERNR-sentinel",
  number: "ZZ-NUMMER-sentinel",
  description: "ZZ-OMSCHRIJVING-sentinel",
  questionnaire: "ZZ-VRAGENLIJST-sentinel",
  dossierId: "ZZ-DOSSIER-ID-sentinel",
  url: "https://ZZ-LINK-sentinel.example/portal/dossiers/1",
};

const name = "Jan Jansen" as NoticeName;
const loginUrl = "https://poort.example/portal/login" as LoginUrl;
const kinds: ClientNoticeKind[] = ["documents", "messages", "questionnaires", "retention"];

/** Every non-empty set of kinds, each once and several times. */
function allNews(): ClientNoticeData["offices"][number]["news"][] {
  const sets: ClientNoticeKind[][] = [];
  for (let mask = 1; mask < 1 << kinds.length; mask++) {
    sets.push(kinds.filter((_, index) => mask & (1 << index)));
  }
  return sets.flatMap((set) =>
    [false, true].map((several) => set.map((kind) => ({ kind, several }))),
  );
}

/** The data of every case a template has, with the sentinels smuggled in at every level. */
function casesOf(template: MailTemplate<never>): unknown[] {
  const withSentinels = <T extends object>(data: T) => ({ ...SENTINELS, ...data });
  if (template === (clientNoticeMail as MailTemplate<unknown>)) {
    return allNews().flatMap((news) => [
      withSentinels({
        name,
        loginUrl,
        offices: [withSentinels({ officeName: "Kantoor Amstel" as NoticeName, news })],
      }),
      withSentinels({
        name,
        loginUrl,
        offices: [
          withSentinels({ officeName: "Kantoor Amstel" as NoticeName, news }),
          withSentinels({
            officeName: "Notariaat Berkhout" as NoticeName,
            news: news.map((item) => withSentinels(item)),
          }),
        ],
      }),
    ]);
  }
  if (template === (staffNoticeMail as MailTemplate<unknown>)) {
    return [false, true].map((several) =>
      withSentinels({
        name,
        loginUrl: "https://poort.example/office/login" as LoginUrl,
        news: [withSentinels({ kind: "messages", several })],
      }),
    );
  }
  throw new Error(`no cases for notice template ${template.name}`);
}

describe("the notice mails", () => {
  it.each(noticeTemplates.map((template) => [template.name, template] as const))(
    "%s never holds a subject, message, title, file name, dossier number or description",
    (_name, template) => {
      const cases = casesOf(template as MailTemplate<never>);
      expect(cases.length).toBeGreaterThan(0);
      for (const locale of locales) {
        for (const data of cases) {
          const content = (template as MailTemplate<unknown>).compose[locale](data);
          const rendered = renderMail(content, locale);
          for (const part of [rendered.subject, rendered.text, rendered.html]) {
            for (const sentinel of Object.values(SENTINELS)) {
              expect(part).not.toContain(sentinel);
            }
            expect(part).not.toMatch(/ZZ-/);
          }
          // The way in is the login page, nothing deeper.
          expect(rendered.text).toMatch(/https:\/\/poort\.example\/(portal|office)\/login\n/);
          expect(rendered.text).not.toContain("undefined");
        }
      }
    },
  );

  it("has no field for content: the compiler refuses it", () => {
    const client: ClientNoticeData = {
      name,
      loginUrl,
      offices: [
        {
          officeName: "Kantoor Amstel" as NoticeName,
          news: [{ kind: "messages", several: false }],
        },
      ],
    };
    const staff: StaffNoticeData = {
      name,
      loginUrl,
      news: [{ kind: "messages", several: false }],
    };
    // @ts-expect-error a notice has no subject
    const withSubject: ClientNoticeData = { ...client, subject: SENTINELS.subject };
    // @ts-expect-error nor a message body
    const withBody: StaffNoticeData = { ...staff, body: SENTINELS.body };
    const withTitle: ClientNoticeData = {
      ...client,
      // @ts-expect-error nor a document's title in its news
      offices: [{ officeName: client.offices[0]?.officeName, news: [], title: SENTINELS.title }],
    };
    // @ts-expect-error a plain string is no name a notice may carry (a dossier's description)
    const withDescription: ClientNoticeData = { ...client, name: SENTINELS.description };
    // @ts-expect-error nor a link into a dossier
    const withLink: StaffNoticeData = { ...staff, loginUrl: SENTINELS.url };
    // @ts-expect-error staff are told of messages only
    const withKind: StaffNoticeData = { ...staff, news: [{ kind: "documents", several: false }] };
    expect([withSubject, withBody, withTitle, withDescription, withLink, withKind]).toHaveLength(6);
  });

  it("says which kinds are new, in Dutch and in English", () => {
    const data: ClientNoticeData = {
      name,
      loginUrl,
      offices: [
        {
          officeName: "Kantoor Amstel" as NoticeName,
          news: [
            { kind: "questionnaires", several: false },
            { kind: "documents", several: true },
            { kind: "messages", several: false },
          ],
        },
      ],
    };
    const nl = renderMail(clientNoticeMail.compose.nl(data), "nl");
    expect(nl.subject).toBe("Er staat iets nieuws voor u klaar bij Kantoor Amstel");
    expect(nl.text).toContain(
      "Kantoor Amstel heeft nieuwe documenten, een nieuw bericht en een actie voor u in het klantenportaal.",
    );
    expect(nl.text).toContain("Met vriendelijke groet,\nKantoor Amstel");
    const en = renderMail(clientNoticeMail.compose.en(data), "en");
    expect(en.subject).toBe("Something new is waiting for you at Kantoor Amstel");
    expect(en.text).toContain(
      "Kantoor Amstel has new documents, a new message and an action for you in the client portal.",
    );
    const staff = renderMail(
      staffNoticeMail.compose.nl({
        name,
        loginUrl: "https://poort.example/office/login" as LoginUrl,
        news: [{ kind: "messages", several: true }],
      }),
      "nl",
    );
    expect(staff.text).toContain(
      "Er zijn nieuwe berichten van cliënten voor u in de dossiers die u behandelt.",
    );
  });
});
