import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notices } from "#src/server/modules/notifications/schema.ts";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import {
  activateByMail,
  createActiveClient,
  createOfficeStaff,
  createTestOffice,
  logInToPortal,
} from "#test/support/accounts.ts";
import { createQuestionnaire, savePage, willIntake } from "#test/support/actions.ts";
import type { ApiClient } from "#test/support/api-client.ts";
import { clientIdNamed, samplePdf } from "#test/support/dossiers.ts";
import { sendWithCsrf, uploadMessageAttachment } from "#test/support/messages.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { remindOverdueActions } from "./overdue-reminders.ts";

const run = promisify(execFile);

/** The text of a PDF as poppler reads it, on one line per paragraph of white space. */
async function pdfText(content: Buffer): Promise<string> {
  const child = run("pdftotext", ["-", "-"], { encoding: "utf8", maxBuffer: 10_000_000 });
  child.child.stdin?.end(content);
  return (await child).stdout.replace(/\s+/g, " ");
}

const persoon = {
  naam: "Jan Jansen",
  geboortedatum: "6-12-1960",
  bsn: "111222333",
  getrouwd: true,
  partner: "Zoë Jansen-Ĳsselmeer",
};
const erfgenamen = {
  erfgenaam: [
    { erfgenaam_naam: "Piet Jansen", erfdeel: "€ 1.250,-" },
    { erfgenaam_naam: "Kees Jansen", erfdeel: "" },
  ],
};

/**
 * Actions in a dossier (issue 13), through the HTTP API as the apps use it: staff send a
 * questionnaire or an upload request, the client fills in page by page and completes it, the
 * PDF is filed, staff read and export the answers, and reminders go out once.
 */
describe.each(testDatabaseKinds)("actions, on %s", (kind) => {
  let subject: TestApp;
  let admin: ApiClient;
  let jan: ApiClient;
  let anna: ApiClient;
  let piet: ApiClient;
  let dossierId: string;
  let janId: string;
  let bolId: string;
  let templateId: string;
  let janAction: string;
  let bolAction: string;
  let officeId: string;

  const pendingNotices = async (audience: "client" | "staff") =>
    (
      await subject.services.database.db
        .select()
        .from(notices)
        .where(and(eq(notices.kind, "questionnaires"), eq(notices.audience, audience)))
    ).length;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject, "Kantoor Amstel");
    officeId = office.id;
    admin = await createOfficeStaff(subject, office.id, "sara@amstel.nl");
    jan = await createActiveClient(subject, office.id, "jan@example.nl", "person", "Jan Jansen");
    anna = await createActiveClient(subject, office.id, "anna@bol.nl", "company", "Bakkerij Bol");
    await anna.post("/api/me/extra-accounts", { name: "Piet Bol", email: "piet@bol.nl" });
    piet = await activateByMail(subject, "piet@bol.nl");
    janId = await clientIdNamed(admin, "Jan Jansen");
    bolId = await clientIdNamed(admin, "Bakkerij Bol");
    const handler = (await admin.get("/api/office/dossier-options")).json().handlers[0].id;
    dossierId = (
      await admin.post("/api/office/dossiers", {
        number: "2026.0001",
        description: "Testamenten",
        clientIds: [janId, bolId],
        handlerId: handler,
      })
    ).json().id;
    templateId = await createQuestionnaire(admin);
  });
  afterAll(() => subject.close());

  it("sends a questionnaire to each chosen client, who is told and sees it on Home", async () => {
    const sent = await admin.post(`/api/office/dossiers/${dossierId}/actions`, {
      kind: "questionnaire",
      templateId,
      clientIds: [janId, bolId],
      dueDate: "2026-12-01",
      instruction: "Graag voor het eerste gesprek.",
    });
    expect(sent.statusCode).toBe(201);
    const actions = sent.json().actions;
    expect(
      actions.map((action: { client: { name: string } }) => action.client.name).sort(),
    ).toEqual(["Bakkerij Bol", "Jan Jansen"]);
    expect(actions[0]).toMatchObject({
      kind: "questionnaire",
      state: "open",
      title: { nl: "Testament", en: "Will" },
      progress: { page: 1, pages: 3 },
      dueDate: "2026-12-01",
      version: { templateId, number: 1 },
    });
    janAction = actions.find((action: { client: { id: string } }) => action.client.id === janId).id;
    bolAction = actions.find((action: { client: { id: string } }) => action.client.id === bolId).id;
    expect((await jan.get("/api/portal/overview")).json().actions.open).toBe(1);
    const listed = (await jan.get("/api/portal/actions")).json().actions;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: janAction, dossier: { number: "2026.0001" } });
    // One notice per client (Jan; the company's two logins), never what it is.
    expect(await pendingNotices("client")).toBe(3);
  });

  it("checks each page at Volgende, names every refused answer, and saves a valid one", async () => {
    const wrong = await savePage(jan, janAction, "persoon", {
      ...persoon,
      geboortedatum: "31-02-1960",
      bsn: "123456789",
      partner: "",
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .error.details.map(
          (detail: { path: string; code: string }) => `${detail.path} ${detail.code}`,
        ),
    ).toEqual([
      "body.answers.geboortedatum invalid_date",
      "body.answers.bsn invalid_bsn",
      "body.answers.partner required",
    ]);
    const saved = await savePage(jan, janAction, "persoon", persoon);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      pageId: "erfgenamen",
      answers: { naam: "Jan Jansen", geboortedatum: "1960-12-06", getrouwd: true },
      action: { state: "in-progress", progress: { page: 2, pages: 3 } },
    });
  });

  it("resumes where the client stopped, and Vorige keeps what was typed without asking for the rest", async () => {
    const resumed = (await jan.get(`/api/portal/actions/${janAction}/questionnaire`)).json();
    expect(resumed.pageId).toBe("erfgenamen");
    expect(resumed.answers.partner).toBe("Zoë Jansen-Ĳsselmeer");
    const back = await savePage(
      jan,
      janAction,
      "erfgenamen",
      { erfgenaam: [{ erfgenaam_naam: "Piet Jansen" }] },
      "previous",
    );
    expect(back.statusCode).toBe(200);
    expect(back.json().pageId).toBe("persoon");
    expect(back.json().answers.erfgenaam).toEqual([{ erfgenaam_naam: "Piet Jansen" }]);
    // Going on again from the first page asks for what the group still misses: nothing here.
    expect((await savePage(jan, janAction, "persoon", persoon)).json().pageId).toBe("erfgenamen");
  });

  it("shares a company's questionnaire between its accounts and records who answered what", async () => {
    expect((await savePage(anna, bolAction, "persoon", persoon)).statusCode).toBe(200);
    const fromPiet = await piet.get(`/api/portal/actions/${bolAction}/questionnaire`);
    expect(fromPiet.json().pageId).toBe("erfgenamen");
    expect((await savePage(piet, bolAction, "erfgenamen", erfgenamen)).statusCode).toBe(200);
    const answers = (await admin.get(`/api/office/actions/${bolAction}/answers`)).json();
    expect(answers.authors.naam.name).toBe("Anna Bol");
    expect(answers.authors.erfgenaam.name).toBe("Piet Bol");
    expect(answers.answers.erfgenaam).toEqual([
      { erfgenaam_naam: "Piet Jansen", erfdeel: 125000 },
      { erfgenaam_naam: "Kees Jansen" },
    ]);
  });

  it("completes only when every question is answered, and files the answers as a PDF under Door mij aangeleverd", async () => {
    expect((await savePage(jan, janAction, "erfgenamen", erfgenamen)).statusCode).toBe(200);
    const early = await jan.post(`/api/portal/actions/${janAction}/completion`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("questionnaire_incomplete");

    const passport = (
      await uploadMessageAttachment(jan, dossierId, "paspoort.pdf", samplePdf())
    ).json().id;
    const last = await savePage(jan, janAction, "afronding", {
      iban: "nl91 abna 0417 1643 00",
      wensen: "Geen bloemen.\nWel muziek.",
      paspoort: { documentId: passport, name: "paspoort.pdf" },
    });
    expect(last.statusCode).toBe(200);
    const staffNoticesBefore = await pendingNotices("staff");
    const done = await jan.post(`/api/portal/actions/${janAction}/completion`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: "completed", completedByName: "Jan Jansen" });
    expect(await pendingNotices("staff")).toBe(staffNoticesBefore + 1);
    expect((await jan.get("/api/portal/overview")).json().actions.open).toBe(0);

    const supplied = (
      await jan.get(`/api/portal/dossiers/${dossierId}/documents?category=supplied`)
    ).json().documents;
    expect(supplied.map((document: { title: string }) => document.title).sort()).toEqual([
      "Kopie paspoort",
      "Testament",
    ]);
    const pdf = await jan.get(`/api/portal/documents/${done.json().documentId}/content`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = await pdfText(pdf.rawPayload);
    for (const answer of [
      "Jan Jansen",
      "6 december 1960",
      "111222333",
      "Zoë Jansen-Ĳsselmeer",
      "Erfgenaam 2",
      "Kees Jansen",
      "€ 1.250,00",
      "NL91 ABNA 0417 1643 00",
      "Geen bloemen.",
      "paspoort.pdf",
      "Niet ingevuld",
    ]) {
      expect(text).toContain(answer);
    }
    const after = await savePage(jan, janAction, "persoon", persoon);
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe("action_completed");
  });

  it("exports the answers for the office as CSV and JSON, in the order they were asked", async () => {
    const csv = await admin.get(`/api/office/actions/${janAction}/answers.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Pagina;Vraag;Antwoord;Ingevuld door;Ingevuld op");
    expect(lines[1]).toMatch(/^Over u;Naam;Jan Jansen;Jan Jansen;2026-/);
    expect(lines).toContain(
      `Erfgenamen;Erfgenaam 1: Legaat;€ 1.250,00;Jan Jansen;${subject.clock.now().toISOString()}`,
    );
    expect(
      lines.some((line) => line.startsWith('Afronding;Uw wensen;"Geen bloemen.\nWel muziek."')),
    ).toBe(true);
    const json = await admin.get(`/api/office/actions/${janAction}/answers.json`);
    expect(JSON.parse(json.body).answers.iban).toBe("NL91ABNA0417164300");
  });

  it("keeps the version a questionnaire was sent with when its template changes", async () => {
    const changed = structuredClone(willIntake);
    const first = changed.pages[0]?.items[0];
    if (first?.kind !== "question") throw new Error("the fixture starts with a question");
    first.label = { nl: "Volledige naam", en: "Full name" };
    const saved = await sendWithCsrf(
      admin,
      "PUT",
      `/api/office/questionnaire-templates/${templateId}`,
      changed,
    );
    expect(saved.statusCode).toBe(200);
    const old = (await anna.get(`/api/portal/actions/${bolAction}/questionnaire`)).json();
    expect(old.definition.pages[0].items[0].label.nl).toBe("Naam");
    const resent = await admin.post(`/api/office/dossiers/${dossierId}/actions`, {
      kind: "questionnaire",
      templateId,
      clientIds: [janId],
    });
    const newer = resent.json().actions[0];
    expect(newer.version.number).toBe(2);
    const fresh = (await jan.get(`/api/portal/actions/${newer.id}/questionnaire`)).json();
    expect(fresh.definition.pages[0].items[0].label.nl).toBe("Volledige naam");
    expect(fresh.pageId).toBe("persoon");
  });

  it("asks for documents and completes the request when every required one is in, each named by its item", async () => {
    const sent = await admin.post(`/api/office/dossiers/${dossierId}/actions`, {
      kind: "upload-request",
      title: "Stukken voor de levering",
      items: [
        { label: "Kopie identiteitsbewijs", required: true },
        { label: "Hypotheekofferte", description: "Getekend door beide kopers", required: true },
        { label: "Taxatierapport", required: false },
      ],
      clientIds: [janId],
    });
    expect(sent.statusCode).toBe(201);
    const request = sent.json().actions[0];
    const [idItem, offerItem] = request.items;
    const deliver = async (itemId: string, name: string) => {
      const draft = (await uploadMessageAttachment(jan, dossierId, name, samplePdf())).json().id;
      return sendWithCsrf(jan, "PUT", `/api/portal/actions/${request.id}/items/${itemId}`, {
        documentId: draft,
      });
    };
    const first = await deliver(idItem.id, "scan-001.pdf");
    expect(first.statusCode).toBe(200);
    expect(first.json().state).toBe("in-progress");
    expect((await deliver(idItem.id, "scan-002.pdf")).statusCode).toBe(409);
    const second = await deliver(offerItem.id, "offerte.pdf");
    expect(second.json()).toMatchObject({ state: "completed", completedByName: "Jan Jansen" });
    expect(second.json().items[1].delivered).toMatchObject({ fileName: "offerte.pdf" });
    const supplied = (
      await jan.get(`/api/portal/dossiers/${dossierId}/documents?category=supplied`)
    ).json().documents;
    expect(supplied.map((document: { title: string }) => document.title)).toEqual(
      expect.arrayContaining(["Kopie identiteitsbewijs", "Hypotheekofferte"]),
    );
    // A file that is not this login's draft is refused at its field.
    const foreign = await sendWithCsrf(
      jan,
      "PUT",
      `/api/portal/actions/${request.id}/items/${request.items[2].id}`,
      {
        documentId: supplied[0].id,
      },
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe("body.documentId");
  });

  it("refuses clients who are not of the dossier, and templates that are not the office's", async () => {
    const stranger = await admin.post(`/api/office/dossiers/${dossierId}/actions`, {
      kind: "questionnaire",
      templateId,
      clientIds: [janId, "00000000-0000-4000-8000-000000000000"],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details.map((detail: { path: string }) => detail.path)).toEqual([
      "body.clientIds.1",
    ]);
    const unknown = await admin.post(`/api/office/dossiers/${dossierId}/actions`, {
      kind: "questionnaire",
      templateId: "00000000-0000-4000-8000-000000000000",
      clientIds: [janId],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe("body.templateId");
    const past = await admin.post(`/api/office/dossiers/${dossierId}/actions`, {
      kind: "questionnaire",
      templateId,
      clientIds: [janId],
      dueDate: "2026-11-22",
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0]).toMatchObject({ path: "body.dueDate", code: "in_past" });
  });
  it("reminds when staff ask, and an overdue action once by itself", async () => {
    const reminded = await admin.post(`/api/office/actions/${bolAction}/reminder`);
    expect(reminded.statusCode).toBe(200);
    expect(reminded.json().remindedAt).toBe(subject.clock.now().toISOString());
    expect((await admin.post(`/api/office/actions/${janAction}/reminder`)).statusCode).toBe(409);

    // Due 1 December; the test clock stands at 23 November.
    expect((await admin.get(`/api/office/actions/${bolAction}`)).json().state).toBe("in-progress");
    subject.clock.set("2026-12-02T07:00:00Z");
    // Sessions have ended after nine days; the company logs in again and finds it overdue.
    const again = await logInToPortal(subject, "anna@bol.nl");
    const listed = (await again.get("/api/portal/actions")).json().actions;
    expect(listed.find((action: { id: string }) => action.id === bolAction).state).toBe("overdue");
    const deps = { db: subject.services.database.db, clock: subject.clock };
    expect(await remindOverdueActions(deps)).toBe(1);
    expect(await remindOverdueActions(deps)).toBe(0);
    const events = await deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "action.overdue-reminded"),
          eq(auditEvents.subjectId, bolAction),
        ),
      );
    expect(events).toHaveLength(1);
  });

  it("withdraws an action sent in error: gone for the client everywhere, kept and audited for the office", async () => {
    // The clock stands at 2 December now: sessions have ended, so both log in again.
    const tom = await createOfficeStaff(subject, officeId, "tom@amstel.nl");
    const client = await logInToPortal(subject, "jan@example.nl");
    const sent = await tom.post(`/api/office/dossiers/${dossierId}/actions`, {
      kind: "questionnaire",
      templateId,
      clientIds: [janId],
      dueDate: "2026-12-03",
    });
    const wrong = sent.json().actions[0].id;
    expect((await savePage(client, wrong, "persoon", persoon)).statusCode).toBe(200);
    const openBefore = (await client.get("/api/portal/overview")).json().actions.open;

    const withdrawn = await tom.post(`/api/office/actions/${wrong}/withdrawal`);
    expect(withdrawn.statusCode).toBe(200);
    const at = subject.clock.now().toISOString();
    expect(withdrawn.json()).toMatchObject({
      state: "withdrawn",
      withdrawn: { at, byName: "Sara de Wit" },
      progress: { page: 2, pages: 3 },
    });

    // The client: not in the list, not counted on Home, and every route about it is not found.
    const listed = (await client.get("/api/portal/actions")).json().actions;
    expect(listed.map((action: { id: string }) => action.id)).not.toContain(wrong);
    expect((await client.get("/api/portal/overview")).json().actions.open).toBe(openBefore - 1);
    expect((await client.get(`/api/portal/actions/${wrong}`)).statusCode).toBe(404);
    expect((await client.get(`/api/portal/actions/${wrong}/questionnaire`)).statusCode).toBe(404);
    expect((await savePage(client, wrong, "erfgenamen", erfgenamen)).statusCode).toBe(404);
    expect((await client.post(`/api/portal/actions/${wrong}/completion`)).statusCode).toBe(404);

    // The office: still there as withdrawn, with what was filled in; no reminder any more.
    const listedForOffice = (await tom.get(`/api/office/dossiers/${dossierId}/actions`)).json()
      .actions;
    expect(listedForOffice.find((action: { id: string }) => action.id === wrong).state).toBe(
      "withdrawn",
    );
    const answers = await tom.get(`/api/office/actions/${wrong}/answers`);
    expect(answers.json().answers.naam).toBe("Jan Jansen");
    expect((await tom.post(`/api/office/actions/${wrong}/reminder`)).statusCode).toBe(409);

    // Again changes nothing; the audit log keeps what was withdrawn and how far it was.
    subject.clock.advance(60_000);
    const again = await tom.post(`/api/office/actions/${wrong}/withdrawal`);
    expect(again.statusCode).toBe(200);
    expect(again.json().withdrawn.at).toBe(at);
    const events = await subject.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "action.withdrawn"), eq(auditEvents.subjectId, wrong)));
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({
      dossierId,
      clientId: janId,
      kind: "questionnaire",
      title: { nl: "Testament", en: "Will" },
      state: "in-progress",
      progress: { page: 2, pages: 3 },
    });

    // A completed action stays: what the client did is done.
    const completed = await tom.post(`/api/office/actions/${janAction}/withdrawal`);
    expect(completed.statusCode).toBe(409);
    expect(completed.json().error.code).toBe("action_completed");

    // Overdue from 4 December, yet never reminded: it is nobody's to do.
    subject.clock.set("2026-12-05T07:00:00Z");
    const deps = { db: subject.services.database.db, clock: subject.clock };
    expect(await remindOverdueActions(deps)).toBe(0);
    const reminders = await deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "action.overdue-reminded"), eq(auditEvents.subjectId, wrong)),
      );
    expect(reminders).toHaveLength(0);
  });
});
