import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "#test/support/api-client.ts";
import { lastSmsTo } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { DEMO_PASSWORD, demoLogins, seedDemo } from "./seed-demo.ts";

describe("the demo data", () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp("pglite");
  });
  afterAll(() => subject.close());

  it("is added once, and every printed demo login works", async () => {
    expect(await seedDemo(subject.services)).toEqual([
      "outbox-welcome",
      "offices-and-accounts",
      "servicedesk-staff",
      "dossiers-and-documents",
      "office-certificate",
      "client-of-two-offices",
      "messages",
      "actions",
      "eherkenning-catalogue",
      "eherkenning-review",
      "eherkenning-company-login",
    ]);
    expect(await seedDemo(subject.services)).toEqual([]);

    for (const [index, login] of demoLogins.entries()) {
      const browser = new ApiClient(subject.app, `192.0.2.${index + 1}`);
      // The supplier's back office lives below /eherkenning but is a login area of its own.
      const area =
        login.area === "/eherkenning/beheer" ? "eherkenning-beheer" : login.area.slice(1);
      const response = await browser.post("/api/auth/login", {
        area,
        email: login.email,
        password: DEMO_PASSWORD,
      });
      expect(response.statusCode, login.email).toBe(200);
      expect(response.json().next).toBe(area === "portal" ? "done" : "second-factor");
    }
  });

  it("sends the demo staff's login code to the dev outbox", async () => {
    const browser = new ApiClient(subject.app, "192.0.2.100");
    await browser.post("/api/auth/login", {
      area: "office",
      email: "sara@devriespartners.nl",
      password: DEMO_PASSWORD,
    });
    await browser.refreshCsrfToken();
    const code = /(\d{6})/.exec(await lastSmsTo(subject, "+31612340001"))?.[1];
    const done = await browser.post("/api/auth/second-factor", { method: "sms", code });
    expect(done.statusCode).toBe(200);
    await browser.refreshCsrfToken();
    const clients = (await browser.get("/api/office/clients")).json().accounts;
    expect(clients.map((account: { email: string }) => account.email).sort()).toEqual([
      "anna@bakkerijbol.nl",
      "jan.jansen@example.nl",
      "piet@bakkerijbol.nl",
      "sanne.deboer@example.nl",
    ]);
    // Its people can log in with eHerkenning: the office registered the company's KvK number.
    const piet = clients.find(
      (account: { email: string }) => account.email === "piet@bakkerijbol.nl",
    );
    expect(piet.client).toMatchObject({ name: "Bakkerij Bol B.V.", kvkNumber: "90000006" });
    const dossiers = (await browser.get("/api/office/dossiers")).json();
    expect(dossiers.total).toBe(7);
    const inbox = (await browser.get("/api/office/messages?read=unread")).json();
    expect(inbox.messages.map((message: { subject: string }) => message.subject).sort()).toEqual([
      "Opmerkingen bij de conceptstatuten",
      "Vraag over de sleuteloverdracht",
    ]);
    const templates = (await browser.get("/api/office/questionnaire-templates")).json().templates;
    const own = templates.filter((template: { library: boolean }) => !template.library);
    expect(own.map((template: { title: { nl: string } }) => template.title.nl).sort()).toEqual([
      "Levering woning",
      "Testament",
    ]);
    expect(templates.filter((template: { library: boolean }) => template.library)).toHaveLength(4);
  });

  it("sends demo actions to Sanne de Boer and Bakkerij Bol, and none to Jan Jansen", async () => {
    const overview = async (email: string, ip: string) => {
      const client = new ApiClient(subject.app, ip);
      await client.post("/api/auth/login", { area: "portal", email, password: DEMO_PASSWORD });
      await client.refreshCsrfToken();
      return client;
    };
    const anna = await overview("anna@bakkerijbol.nl", "192.0.2.110");
    const [request] = (await anna.get("/api/portal/actions")).json().actions;
    expect(request).toMatchObject({ kind: "upload-request", state: "open" });
    expect(request.items).toHaveLength(3);
    const jan = await overview("jan.jansen@example.nl", "192.0.2.111");
    expect((await jan.get("/api/portal/overview")).json().actions.open).toBe(0);
  });

  it("gives the demo clients dossiers in several statuses, with progress and documents", async () => {
    const jan = new ApiClient(subject.app, "192.0.2.101");
    await jan.post("/api/auth/login", {
      area: "portal",
      email: "jan.jansen@example.nl",
      password: DEMO_PASSWORD,
    });
    await jan.refreshCsrfToken();
    expect((await jan.get("/api/portal/overview")).json().dossiers).toEqual({
      inProgress: 2,
      other: 1,
    });
    const [levering] = (await jan.get("/api/portal/dossiers?q=Kade")).json().dossiers;
    const dossier = (await jan.get(`/api/portal/dossiers/${levering.id}`)).json();
    expect(dossier.progress).toMatchObject({ done: 3, total: 8 });
    expect(dossier.tabs).toMatchObject({
      correspondence: { total: 2, unread: 2 },
      documents: { total: 1, unread: 1 },
      supplied: { total: 1, unread: 0 },
      messages: { total: 2, unread: 1 },
    });
    expect((await jan.get("/api/portal/overview")).json().unread.messages).toBe(1);
    const [deed] = (
      await jan.get(`/api/portal/dossiers/${levering.id}/documents?category=documents`)
    ).json().documents;
    const pdf = await jan.get(`/api/portal/documents/${deed.id}/content`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.body).toContain("Concept-akte van levering");
  });

  it("makes one demo person a client of both offices, who chooses the office after logging in", async () => {
    const sanne = new ApiClient(subject.app, "192.0.2.102");
    await sanne.post("/api/auth/login", {
      area: "portal",
      email: "sanne.deboer@example.nl",
      password: DEMO_PASSWORD,
    });
    await sanne.refreshCsrfToken();
    const { officeChoice } = (await sanne.get("/api/session")).json();
    expect(officeChoice.needed).toBe(true);
    const seen: Record<string, string[]> = {};
    for (const office of officeChoice.offices as Array<{ id: string; officeName: string }>) {
      await sanne.post("/api/me/office", { membershipId: office.id });
      const { dossiers } = (await sanne.get("/api/portal/dossiers")).json();
      seen[office.officeName] = dossiers.map((dossier: { number: string }) => dossier.number);
    }
    expect(seen).toEqual({
      "Notariaat Aan de Amstel": ["2026.0027"],
      "Notariskantoor De Vries & Partners": ["2026.0219"],
    });
  });
});
