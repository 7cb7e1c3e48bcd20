import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateByMail,
  chooseOffice,
  createOfficeStaff,
  createTestOffice,
  logInToPortal,
  TEST_PASSWORD,
} from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { addDocument, clientIdNamed, samplePdf } from "#test/support/dossiers.ts";
import { deliveredMails, lastMailTo, lastSmsTo, linkToken } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/**
 * One person, client of several offices, with one e-mail address and one login (ADR 0011): the
 * invitation answers alike whether or not the address is known anywhere, the person chooses
 * the office after logging in and then sees that office's dossiers only, and no office sees or
 * changes what another office has of the same login.
 */
describe.each(testDatabaseKinds)("one login, several offices, on %s (ADR 0011)", (kind) => {
  let subject: TestApp;
  let staffA: ApiClient;
  let staffB: ApiClient;
  const A = "Notariskantoor Aalders";
  const B = "Notariaat Berkhout";

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const officeA = await createTestOffice(subject, A);
    const officeB = await createTestOffice(subject, B);
    staffA = await createOfficeStaff(subject, officeA.id, "beheer@aalders.nl");
    staffB = await createOfficeStaff(subject, officeB.id, "beheer@berkhout.nl");
  });
  afterAll(() => subject.close());

  const inviteClient = (staff: ApiClient, body: object) => staff.post("/api/office/clients", body);
  /** An item without what differs per address anyway: its ids and the address itself. */
  const withoutIds = (item: Record<string, unknown>) => ({
    ...item,
    id: "(id)",
    email: "(address)",
    client: { ...(item.client as object), id: "(id)" },
  });
  const comparable = (response: { statusCode: number; json(): Record<string, unknown> }) => ({
    statusCode: response.statusCode,
    body: withoutIds(response.json()),
  });
  const clientsOf = async (staff: ApiClient) =>
    (await staff.get("/api/office/clients")).json().accounts as Array<{
      id: string;
      email: string;
      name: string;
      status: string;
      invitation: string;
    }>;
  const itemFor = async (staff: ApiClient, email: string, name?: string) => {
    const item = (await clientsOf(staff)).find(
      (candidate) => candidate.email === email && (!name || candidate.name === name),
    );
    if (!item) throw new Error(`no client account ${email}`);
    return item;
  };
  const dossierNumbers = async (browser: ApiClient) =>
    ((await browser.get("/api/portal/dossiers")).json().dossiers as Array<{ number: string }>)
      .map((dossier) => dossier.number)
      .sort();
  const deleteAs = (browser: ApiClient, url: string) =>
    browser.send("DELETE", url, undefined, { "x-csrf-token": browser.csrfToken ?? "" });

  describe("the invitation answers the same whether or not the address is known elsewhere", () => {
    it("for a client an office creates", async () => {
      await inviteClient(staffA, {
        kind: "person",
        name: "Jan Jansen",
        email: "jan@example.nl",
        locale: "en",
      });
      await activateByMail(subject, "jan@example.nl");

      const invitation = { kind: "person", name: "J. Jansen", locale: "nl" };
      const known = await inviteClient(staffB, { ...invitation, email: "jan@example.nl" });
      const fresh = await inviteClient(staffB, { ...invitation, email: "nieuw@example.nl" });
      expect(fresh.statusCode).toBe(201);
      expect(comparable(known)).toEqual(comparable(fresh));
      expect(known.json()).toMatchObject({ name: "J. Jansen", status: "invited" });

      // The office's list shows both alike: what the office entered, invited, pending.
      const listed = await clientsOf(staffB);
      const [jan, nieuw] = ["jan@example.nl", "nieuw@example.nl"].map((email) =>
        withoutIds(listed.find((item) => item.email === email) ?? {}),
      );
      expect(jan).toEqual(nieuw);

      // The new address gets an invitation; the person who has a login gets the news, in the
      // language of their login, with the way in and no activation link.
      const invitationMail = await lastMailTo(subject, "nieuw@example.nl");
      expect(invitationMail.subject).toBe(`Uw account bij ${B}`);
      expect(invitationMail.text).toMatch(/\/portal\/activate\//);
      const news = await lastMailTo(subject, "jan@example.nl");
      expect(news.subject).toBe(`You can now see your dossiers with ${B}`);
      expect(news.text).toContain(`${B} has added you as a client`);
      expect(news.text).toContain("/portal/login");
      expect(news.text).not.toMatch(/\/(activate|set-password)\//);
    });

    it("for an extra account a company's main account adds", async () => {
      await inviteClient(staffA, {
        kind: "company",
        name: "Bakkerij Bol B.V.",
        contactName: "Anna Bol",
        email: "anna@bol.nl",
      });
      const anna = await activateByMail(subject, "anna@bol.nl");
      // Piet is a client of office B, with a login protected by SMS.
      await inviteClient(staffB, {
        kind: "person",
        name: "Piet Pieters",
        email: "piet@example.nl",
      });
      const piet = await activateByMail(subject, "piet@example.nl");
      await piet.post("/api/me/two-factor/sms", { mobile: "+31612345001" });
      const code = /(\d{6})/.exec(await lastSmsTo(subject, "+31612345001"))?.[1];
      expect((await piet.post("/api/me/two-factor/sms/confirm", { code })).statusCode).toBe(200);

      const known = await anna.post("/api/me/extra-accounts", {
        name: "Piet Bol",
        email: "piet@example.nl",
      });
      const fresh = await anna.post("/api/me/extra-accounts", {
        name: "Piet Bol",
        email: "kees@bol.nl",
      });
      expect(fresh.statusCode).toBe(201);
      expect(comparable(known)).toEqual(comparable(fresh));
      expect(known.json()).toMatchObject({ mobile: null, twoFactorMethod: "none" });

      const news = await lastMailTo(subject, "piet@example.nl");
      expect(news.subject).toBe(`U heeft toegang tot uw dossiers bij ${A}`);
      expect(news.text).toContain("Bakkerij Bol B.V.");
    });
  });

  it("refuses the same address twice only where the asker knows it already", async () => {
    // Office A's own client: a clear conflict, as before.
    const again = await inviteClient(staffA, {
      kind: "person",
      name: "Jan Jansen",
      email: "jan@example.nl",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual([
      expect.objectContaining({ path: "email", code: "taken" }),
    ]);
    // The company's own extra account: the same.
    const anna = await logInToPortal(subject, "anna@bol.nl");
    const twice = await anna.post("/api/me/extra-accounts", { name: "Kees", email: "kees@bol.nl" });
    expect(twice.statusCode).toBe(409);
    // Another client of the same office is no business of the company: it is added as any.
    const janToo = await anna.post("/api/me/extra-accounts", {
      name: "Jan van Bol",
      email: "jan@example.nl",
    });
    expect(janToo.statusCode).toBe(201);
  });

  it("lets a login of several offices choose one, and then shows that office's dossiers only", async () => {
    const aDossier = await staffA.post("/api/office/dossiers", {
      number: "A-100",
      description: "Levering Aalderslaan 1",
      clientIds: [await clientIdNamed(staffA, "Jan Jansen")],
    });
    const bDossier = await staffB.post("/api/office/dossiers", {
      number: "B-200",
      description: "Testament",
      clientIds: [await clientIdNamed(staffB, "J. Jansen")],
    });
    const aLetter = (
      await addDocument(staffA, aDossier.json().id, {
        category: "correspondence",
        title: "Brief van Aalders",
        name: "brief.pdf",
        content: samplePdf(),
      })
    ).json().id as string;
    const bLetter = (
      await addDocument(staffB, bDossier.json().id, {
        category: "correspondence",
        title: "Brief van Berkhout",
        name: "brief.pdf",
        content: samplePdf(),
      })
    ).json().id as string;

    // Jan has a membership at A (person), at B (person) and at A for Bakkerij Bol (extra).
    const jan = await logInToPortal(subject, "jan@example.nl");
    const session = (await jan.get("/api/session")).json();
    expect(session.account).toMatchObject({ officeName: null, clientKind: null });
    expect(session.officeChoice).toMatchObject({ current: null, needed: true });
    expect(
      session.officeChoice.offices.map((office: { officeName: string; clientName: string }) => [
        office.officeName,
        office.clientName,
      ]),
    ).toEqual([
      [B, "J. Jansen"],
      [A, "Bakkerij Bol B.V."],
      [A, "Jan Jansen"],
    ]);
    const before = await jan.get("/api/portal/dossiers");
    expect(before.statusCode).toBe(409);
    expect(before.json().error.code).toBe("office_choice_required");

    const janAtA = session.officeChoice.offices.find(
      (office: { clientName: string }) => office.clientName === "Jan Jansen",
    ).id as string;
    expect((await jan.post("/api/me/office", { membershipId: janAtA })).statusCode).toBe(204);
    expect((await jan.get("/api/session")).json()).toMatchObject({
      account: { officeName: A, clientKind: "person", isMainAccount: true },
      officeChoice: { current: janAtA, needed: false },
    });
    expect(await dossierNumbers(jan)).toEqual(["A-100"]);
    expect((await jan.get(`/api/portal/documents/${aLetter}/content`)).statusCode).toBe(200);
    expect((await jan.get(`/api/portal/dossiers/${bDossier.json().id}`)).statusCode).toBe(404);
    expect((await jan.get(`/api/portal/documents/${bLetter}/content`)).statusCode).toBe(404);

    // Switching keeps the session; everything after it is office B's.
    await chooseOffice(jan, B);
    expect(await dossierNumbers(jan)).toEqual(["B-200"]);
    expect((await jan.get(`/api/portal/documents/${bLetter}/content`)).statusCode).toBe(200);
    expect((await jan.get(`/api/portal/dossiers/${aDossier.json().id}`)).statusCode).toBe(404);
    expect((await jan.get(`/api/portal/documents/${aLetter}/content`)).statusCode).toBe(404);

    // Another login's membership cannot be chosen, and a made-up one neither.
    const anna = await logInToPortal(subject, "anna@bol.nl");
    const annaAtA = (await anna.get("/api/session")).json().officeChoice.current as string;
    expect(annaAtA).toBeTruthy();
    expect((await jan.post("/api/me/office", { membershipId: annaAtA })).statusCode).toBe(404);
    expect(
      (
        await jan.post("/api/me/office", {
          membershipId: "00000000-0000-4000-8000-000000000000",
        })
      ).statusCode,
    ).toBe(404);
    expect(await dossierNumbers(jan)).toEqual(["B-200"]);

    // One notice tells of both offices' news (ADR 0013): each office named, no document.
    for (const [staff, dossier, title] of [
      [staffA, aDossier, "Nota van Aalders"],
      [staffB, bDossier, "Nota van Berkhout"],
    ] as const) {
      await addDocument(staff, dossier.json().id, {
        category: "documents",
        title,
        name: "nota.pdf",
        content: samplePdf(),
      });
    }
    subject.clock.advance(5 * 60_000);
    const mails = (await deliveredMails(subject)).filter((mail) => mail.to === "jan@example.nl");
    const notices = mails.filter((mail) => mail.subject.startsWith("Something new is waiting"));
    expect(notices.map((mail) => mail.subject)).toEqual([
      "Something new is waiting for you in Poort",
    ]);
    expect(notices[0]?.text).toContain(`${A} has new documents for you in the client portal.`);
    expect(notices[0]?.text).toContain(`${B} has new documents for you in the client portal.`);
    for (const title of ["Nota van", "Brief van", "A-100", "B-200"]) {
      expect(notices[0]?.text).not.toContain(title);
    }
  });

  it("shows each office only its own membership, and lets it change nothing of another's", async () => {
    // Jan came to both offices now; Piet (B's client, A's company's extra account) to B only.
    expect(await itemFor(staffA, "jan@example.nl", "Jan Jansen")).toMatchObject({
      status: "active",
      invitation: "accepted",
    });
    expect(await itemFor(staffA, "jan@example.nl", "Jan van Bol")).toMatchObject({
      status: "invited",
    });
    const pietAtA = await itemFor(staffA, "piet@example.nl");
    expect(pietAtA).toMatchObject({ name: "Piet Bol", status: "invited", invitation: "pending" });
    const pietAtB = await itemFor(staffB, "piet@example.nl");
    expect(pietAtB).toMatchObject({ status: "active", invitation: "accepted" });
    expect(pietAtA.id).not.toBe(pietAtB.id);

    // Office A reaches none of office B's memberships, knowing their ids or not.
    for (const url of [
      `/api/office/accounts/${pietAtB.id}/invitation`,
      `/api/office/accounts/${(await itemFor(staffB, "jan@example.nl")).id}/invitation`,
    ]) {
      expect((await staffA.post(url)).statusCode).toBe(404);
      expect((await deleteAs(staffA, url)).statusCode).toBe(404);
    }
    // A client who came is past invitations; one who did not may be invited again, or not.
    const janAtA = await itemFor(staffA, "jan@example.nl", "Jan Jansen");
    expect((await staffA.post(`/api/office/accounts/${janAtA.id}/invitation`)).statusCode).toBe(
      409,
    );
    const resent = await staffA.post(`/api/office/accounts/${pietAtA.id}/invitation`);
    expect(resent.statusCode).toBe(202);
    expect((await lastMailTo(subject, "piet@example.nl")).subject).toBe(
      `U heeft toegang tot uw dossiers bij ${A}`,
    );
    const withdrawn = await deleteAs(staffA, `/api/office/accounts/${pietAtA.id}/invitation`);
    expect(withdrawn.statusCode).toBe(204);
    expect(await itemFor(staffA, "piet@example.nl")).toMatchObject({ invitation: "revoked" });

    // Piet's login is his still: he logs in (with his SMS step) and acts for office B alone.
    const piet = new ApiClient(subject.app, "192.0.2.41");
    await piet.post("/api/auth/login", {
      area: "portal",
      email: "piet@example.nl",
      password: TEST_PASSWORD,
    });
    await piet.refreshCsrfToken();
    const code = /(\d{6})/.exec(await lastSmsTo(subject, "+31612345001"))?.[1];
    expect((await piet.post("/api/auth/second-factor", { method: "sms", code })).statusCode).toBe(
      200,
    );
    await piet.refreshCsrfToken();
    const session = (await piet.get("/api/session")).json();
    expect(session.officeChoice).toMatchObject({ needed: false });
    expect(session.officeChoice.offices).toEqual([expect.objectContaining({ officeName: B })]);
    expect(session.account).toMatchObject({ officeName: B, twoFactorMethod: "sms" });
    expect(await itemFor(staffB, "piet@example.nl")).toMatchObject({ status: "active" });
  });

  it("sends a login still waiting for activation a fresh link from the second office", async () => {
    await inviteClient(staffA, { kind: "person", name: "Els Kok", email: "els@example.nl" });
    const first = linkToken(await lastMailTo(subject, "els@example.nl"), "activate");
    const second = await inviteClient(staffB, {
      kind: "person",
      name: "E. Kok",
      email: "els@example.nl",
      locale: "en",
    });
    expect(second.statusCode).toBe(201);
    const mail = await lastMailTo(subject, "els@example.nl");
    // The ordinary invitation, in the language of the login that waits, naming office B.
    expect(mail.subject).toBe(`Uw account bij ${B}`);
    const fresh = linkToken(mail, "activate");
    const anonymous = new ApiClient(subject.app);
    expect((await anonymous.get(`/api/auth/links/${first}`)).statusCode).toBe(410);
    expect((await anonymous.get(`/api/auth/links/${fresh}`)).statusCode).toBe(200);

    // Activated by the newest link, Els chooses between both offices.
    const els = await activateByMail(subject, "els@example.nl");
    const session = (await els.get("/api/session")).json();
    expect(session.officeChoice.needed).toBe(true);
    expect(
      session.officeChoice.offices.map((office: { officeName: string }) => office.officeName),
    ).toEqual([B, A]);
    // Each office sees her as invited until she comes to it.
    await chooseOffice(els, A);
    expect(await itemFor(staffA, "els@example.nl")).toMatchObject({ status: "active" });
    expect(await itemFor(staffB, "els@example.nl")).toMatchObject({
      name: "E. Kok",
      status: "invited",
      invitation: "pending",
    });
  });

  it("ends only the company's membership when it deletes an extra account with other offices", async () => {
    const piet = new ApiClient(subject.app, "192.0.2.42");
    // Office A invites Piet's company membership again; he comes to it.
    const pietAtA = await itemFor(staffA, "piet@example.nl");
    await staffA.post(`/api/office/accounts/${pietAtA.id}/invitation`);
    await piet.post("/api/auth/login", {
      area: "portal",
      email: "piet@example.nl",
      password: TEST_PASSWORD,
    });
    await piet.refreshCsrfToken();
    const code = /(\d{6})/.exec(await lastSmsTo(subject, "+31612345001"))?.[1];
    await piet.post("/api/auth/second-factor", { method: "sms", code });
    await piet.refreshCsrfToken();
    await chooseOffice(piet, A);
    expect((await piet.get("/api/session")).json().account).toMatchObject({
      clientKind: "company",
      isMainAccount: false,
    });

    // Now that he came, the company sees his login's own 2-step method.
    const anna = await logInToPortal(subject, "anna@bol.nl");
    const extra = (await anna.get("/api/me/extra-accounts"))
      .json()
      .accounts.find((account: { email: string }) => account.email === "piet@example.nl");
    expect(extra).toMatchObject({ status: "active", twoFactorMethod: "sms" });

    expect((await deleteAs(anna, `/api/me/extra-accounts/${extra.id}`)).statusCode).toBe(204);
    const after = (await piet.get("/api/session")).json();
    expect(after.account?.email).toBe("piet@example.nl");
    expect(after.officeChoice).toMatchObject({ current: null, needed: true });
    expect(after.officeChoice.offices).toEqual([expect.objectContaining({ officeName: B })]);
    expect((await piet.post("/api/me/office", { membershipId: extra.id })).statusCode).toBe(404);
    await chooseOffice(piet, B);
    expect((await piet.get("/api/portal/dossiers")).statusCode).toBe(200);
    expect(await itemFor(staffB, "piet@example.nl")).toMatchObject({ status: "active" });
  });
});
