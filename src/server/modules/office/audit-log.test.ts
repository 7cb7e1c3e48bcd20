import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createActiveClient,
  createOfficeStaff,
  createTestOffice,
  logInToPortal,
} from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { createServicedeskStaff } from "#test/support/certificates.ts";
import { addDocument, clientIdNamed, samplePdf } from "#test/support/dossiers.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

interface Entry {
  id: string;
  occurredAt: string;
  action: string;
  actor: { type: string; accountId: string | null; name: string | null; role: string | null };
  subjectAccount: { id: string; name: string } | null;
  dossier: { id: string; number: string } | null;
  document: { id: string; title: string } | null;
  ip: string | null;
  details: Record<string, unknown>;
}

describe.each(testDatabaseKinds)("the office's audit log (issue 19), on %s", (kind) => {
  let subject: TestApp;
  let officeA: { id: string };
  let officeB: { id: string };
  let adminA: ApiClient;
  let handlerA: ApiClient;
  let handlerAId: string;
  let adminB: ApiClient;
  let adminBId: string;
  let janId: string;
  let client: ApiClient;
  let dossierA: string;
  let dossierB: string;
  let documentA: string;

  /** Every entry of the filter, following the pages. */
  async function allEntries(browser: ApiClient, query = ""): Promise<Entry[]> {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/office/audit-log?limit=200${query}${cursor ? `&cursor=${cursor}` : ""}`;
      const answer = await browser.get(url);
      expect(answer.statusCode).toBe(200);
      const page = answer.json() as { entries: Entry[]; next: string | null };
      entries.push(...page.entries);
      cursor = page.next;
    } while (cursor);
    return entries;
  }

  async function createDossier(staff: ApiClient, number: string, clientIds: string[]) {
    const created = await staff.post("/api/office/dossiers", {
      number,
      description: `Levering ${number}`,
      clientIds,
    });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  }

  beforeAll(async () => {
    subject = await createTestApp(kind);
    // Late on 24 November in the Netherlands (23:40), so the day turns within the sessions' life.
    subject.clock.set(new Date("2026-11-24T22:40:00Z"));
    officeA = await createTestOffice(subject, "Kantoor Amstel");
    officeB = await createTestOffice(subject, "Kantoor Utrecht");
    adminA = await createOfficeStaff(subject, officeA.id, "sara@amstel.nl");
    handlerA = await createOfficeStaff(subject, officeA.id, "tom@amstel.nl", "handler");
    handlerAId = (await handlerA.get("/api/session")).json().account.id;
    adminB = await createOfficeStaff(subject, officeB.id, "lisa@utrecht.nl");
    adminBId = (await adminB.get("/api/session")).json().account.id;
    await createActiveClient(subject, officeA.id, "jan@example.nl", "person", "Jan Jansen");
    await createActiveClient(subject, officeB.id, "fatima@example.nl", "person", "Fatima");
    janId = await clientIdNamed(adminA, "Jan Jansen");
    const fatimaId = await clientIdNamed(adminB, "Fatima");

    // The same dossier number at both offices: a filter by number stays in the admin's office.
    dossierA = await createDossier(adminA, "2026.0001", [janId]);
    dossierB = await createDossier(adminB, "2026.0001", [fatimaId]);
    const added = await addDocument(adminA, dossierA, {
      category: "documents",
      title: "Concept-akte",
      name: "concept.pdf",
      content: samplePdf(),
    });
    expect(added.statusCode).toBe(201);
    documentA = added.json().id;
    const addedB = await addDocument(adminB, dossierB, {
      category: "documents",
      title: "Akte Utrecht",
      name: "akte.pdf",
      content: samplePdf(),
    });
    expect(addedB.statusCode).toBe(201);

    // The client logs in and reads the document; a failed login at each office.
    subject.clock.set(new Date("2026-11-24T22:50:00Z"));
    client = await logInToPortal(subject, "jan@example.nl", undefined, "203.0.113.9");
    expect((await client.get(`/api/portal/documents/${documentA}/content`)).statusCode).toBe(200);
    const wrong = { area: "office", password: "niet-het-wachtwoord-123" };
    await new ApiClient(subject.app).post("/api/auth/login", { ...wrong, email: "tom@amstel.nl" });
    await new ApiClient(subject.app).post("/api/auth/login", {
      ...wrong,
      email: "lisa@utrecht.nl",
    });
    const fatima = await logInToPortal(subject, "fatima@example.nl");
    expect(fatima).toBeDefined();

    // 00:05 on 25 November in the Netherlands, still the 24th in UTC: the admin's role change.
    subject.clock.set(new Date("2026-11-24T23:05:00Z"));
    const changed = await adminA.patch(`/api/office/staff/${handlerAId}`, { role: "notary" });
    expect(changed.statusCode).toBe(204);
  });
  afterAll(() => subject.close());

  it("is for the office's admins only: other staff, clients, the servicedesk and strangers are refused", async () => {
    expect((await adminA.get("/api/office/audit-log")).statusCode).toBe(200);
    for (const refused of [handlerA, client]) {
      expect((await refused.get("/api/office/audit-log")).statusCode).toBe(403);
      expect((await refused.get("/api/office/audit-log.csv")).statusCode).toBe(403);
    }
    const servicedesk = await createServicedeskStaff(subject, "noor@servicedesk.nl");
    expect((await servicedesk.get("/api/office/audit-log")).statusCode).toBe(403);
    expect((await new ApiClient(subject.app).get("/api/office/audit-log")).statusCode).toBe(401);
  });

  it("shows the office's logins, documents, publications, invitations and role changes, with names", async () => {
    const entries = await allEntries(adminA);
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of [
      "account.invited",
      "account.activated",
      "session.login",
      "session.login-failed",
      "dossier.created",
      "document.published",
      "document.downloaded",
      "staff.changed",
    ]) {
      expect(actions, action).toContain(action);
    }
    const download = entries.find((entry) => entry.action === "document.downloaded");
    expect(download).toMatchObject({
      actor: { type: "client", name: "Jan Jansen" },
      dossier: { id: dossierA, number: "2026.0001" },
      document: { id: documentA, title: "Concept-akte" },
      ip: "203.0.113.9",
    });
    const roleChange = entries.find((entry) => entry.action === "staff.changed");
    expect(roleChange).toMatchObject({
      actor: { type: "staff", name: "Sara de Wit", role: "admin" },
      subjectAccount: { id: handlerAId },
      details: { role: "notary", previousRole: "handler" },
    });
    // Newest first.
    const times = entries.map((entry) => entry.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("never shows another office's events, whatever the filter names", async () => {
    const entries = await allEntries(adminA);
    const ofB = entries.filter(
      (entry) =>
        entry.actor.accountId === adminBId ||
        entry.dossier?.id === dossierB ||
        entry.actor.name === "Fatima" ||
        entry.document?.title === "Akte Utrecht",
    );
    expect(ofB).toEqual([]);
    expect(await allEntries(adminA, `&accountId=${adminBId}`)).toEqual([]);
    expect(await allEntries(adminA, "&person=lisa")).toEqual([]);
    expect(await allEntries(adminA, "&person=Fatima")).toEqual([]);
    // B's dossier of the same number: A sees only its own.
    const byNumber = await allEntries(adminA, "&dossier=2026.0001");
    expect(byNumber.length).toBeGreaterThan(0);
    expect(byNumber.every((entry) => entry.dossier?.id === dossierA)).toBe(true);
    // And B's admin sees B's, none of A's.
    const seenByB = await allEntries(adminB);
    expect(seenByB.some((entry) => entry.dossier?.id === dossierB)).toBe(true);
    expect(seenByB.some((entry) => entry.dossier?.id === dossierA)).toBe(false);
    expect(seenByB.some((entry) => entry.actor.name === "Jan Jansen")).toBe(false);
  });

  it("narrows by kind, person, dossier and Dutch days, and pages newest first", async () => {
    const logins = await allEntries(adminA, "&kind=logins");
    expect(logins.length).toBeGreaterThan(0);
    expect(
      logins.every((entry) =>
        ["session.login", "session.login-failed", "session.password-accepted"].includes(
          entry.action,
        ),
      ),
    ).toBe(true);
    expect(logins.some((entry) => entry.action === "session.login-failed")).toBe(true);

    const viewed = await allEntries(adminA, "&kind=documents-viewed");
    expect(viewed.map((entry) => entry.action)).toEqual(["document.downloaded"]);
    const publications = await allEntries(adminA, "&kind=publications");
    expect(publications.map((entry) => entry.document?.title)).toEqual(["Concept-akte"]);
    const roles = await allEntries(adminA, "&kind=roles");
    expect(roles.map((entry) => entry.action)).toEqual(["staff.changed"]);

    const jan = await allEntries(adminA, "&person=JAN");
    expect(jan.length).toBeGreaterThan(0);
    expect(
      jan.every(
        (entry) => entry.actor.name === "Jan Jansen" || entry.subjectAccount?.name === "Jan Jansen",
      ),
    ).toBe(true);
    const tom = await allEntries(adminA, `&accountId=${handlerAId}`);
    expect(tom.map((entry) => entry.action)).toContain("staff.changed");
    expect(tom.map((entry) => entry.action)).toContain("session.login-failed");

    const dossier = await allEntries(adminA, "&dossier=2026.0001&kind=documents-viewed");
    expect(dossier.map((entry) => entry.action)).toEqual(["document.downloaded"]);
    expect(await allEntries(adminA, "&dossier=1999.9999")).toEqual([]);

    // The 24th in the Netherlands: the client's day; the role change was already the 25th.
    const on24 = await allEntries(adminA, "&from=2026-11-24&to=2026-11-24");
    expect(on24.map((entry) => entry.action)).toContain("document.downloaded");
    expect(on24.map((entry) => entry.action)).not.toContain("staff.changed");
    const from25 = await allEntries(adminA, "&from=2026-11-25");
    expect(from25.map((entry) => entry.action)).toEqual(["staff.changed"]);
    expect(await allEntries(adminA, "&from=2026-11-25&to=2026-11-24")).toEqual([]);

    // Pages of two, following the cursor, give the same events as one long page.
    const all = await allEntries(adminA);
    const paged: Entry[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/office/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await adminA.get(url)).json() as { entries: Entry[]; next: string | null };
      expect(page.entries.length).toBeLessThanOrEqual(2);
      paged.push(...page.entries);
      cursor = page.next;
    } while (cursor);
    expect(paged.map((entry) => entry.id)).toEqual(all.map((entry) => entry.id));
  });

  it("refuses a malformed filter with 400, not an error", async () => {
    for (const query of [
      "kind=everything",
      "from=24-11-2026",
      "accountId=42",
      "cursor=x",
      "limit=0",
    ]) {
      expect((await adminA.get(`/api/office/audit-log?${query}`)).statusCode, query).toBe(400);
    }
  });

  it("exports the filter as CSV for Dutch Excel, safe from formulas, and audits the export", async () => {
    // A client whose name a spreadsheet would run as a formula.
    await createActiveClient(
      subject,
      officeA.id,
      "formule@example.nl",
      "person",
      '=HYPERLINK("http://evil.example","klik")',
    );
    await logInToPortal(subject, "formule@example.nl");

    const answer = await adminA.get("/api/office/audit-log.csv?kind=logins");
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(answer.headers["content-disposition"]).toMatch(/^attachment; filename="auditlog-/);
    const text = answer.rawPayload.toString("utf8");
    expect(text.startsWith("\uFEFFTijd;Wie;E-mailadres;Rol;Wat;Actie;")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    const rows = lines.slice(1);
    expect(rows.length).toBe((await allEntries(adminA, "&kind=logins")).length);
    expect(rows.every((row) => /;session\.(login|login-failed|password-accepted);/.test(row))).toBe(
      true,
    );
    expect(
      rows.some((row) =>
        row.startsWith("2026-11-24 23:50:00;Jan Jansen;jan@example.nl;Cliënt;Ingelogd;"),
      ),
    ).toBe(true);
    // Staff by their role in words, as the page shows them.
    expect(rows.some((row) => row.includes(";tom@amstel.nl;Notaris;Inloggen mislukt;"))).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(text).not.toMatch(/(^|;)=HYPERLINK/m);
    expect(text).not.toContain("Fatima");
    expect(text).not.toContain("lisa@utrecht.nl");

    const english = await adminA.get("/api/office/audit-log.csv?kind=roles", {
      "accept-language": "en",
    });
    expect(english.rawPayload.toString("utf8")).toContain(
      "\uFEFFTime;Who;E-mail address;Role;What",
    );

    const exported = await allEntries(adminA, "&person=sara");
    expect(exported.find((entry) => entry.action === "audit-log.exported")).toMatchObject({
      actor: { name: "Sara de Wit" },
    });
    expect((await adminA.get("/api/office/audit-log.csv?kind=nothing")).statusCode).toBe(400);
  });
});
