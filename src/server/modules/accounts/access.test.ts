import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateByMail,
  createActiveClient,
  createActiveStaff,
  createTestOffice,
  enrolAuthenticator as enrolAuthenticatorFor,
  TEST_PASSWORD,
} from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { lastMailTo } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

describe.each(testDatabaseKinds)("who reaches what, on %s", (kind) => {
  let subject: TestApp;
  let adminA: ApiClient;
  let adminB: ApiClient;

  const enrolAuthenticator = (browser: ApiClient) => enrolAuthenticatorFor(subject, browser);
  const logInToPortal = async (email: string) => {
    const browser = new ApiClient(subject.app);
    await browser.post("/api/auth/login", { area: "portal", email, password: TEST_PASSWORD });
    await browser.refreshCsrfToken();
    return browser;
  };

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const officeA = await createTestOffice(subject, "Kantoor Amstel");
    const officeB = await createTestOffice(subject, "Kantoor Berkel");
    adminA = await createActiveStaff(subject, officeA.id, "admin@amstel.nl");
    adminB = await createActiveStaff(subject, officeB.id, "admin@berkel.nl");
  });
  afterAll(() => subject.close());

  it("keeps staff out of the back office until their 2-step verification is set up", async () => {
    const before = await adminA.get("/api/office/clients");
    expect(before.statusCode).toBe(403);
    expect(await enrolAuthenticator(adminA)).toHaveLength(10);
    expect((await adminA.get("/api/office/clients")).statusCode).toBe(200);
    await enrolAuthenticator(adminB);
  });

  it("lets staff create clients of their own office only, and never see another office's", async () => {
    const created = await adminA.post("/api/office/clients", {
      kind: "company",
      name: "Bakkerij Bol B.V.",
      contactName: "Anna Bol",
      email: "anna@bakkerijbol.nl",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: "Anna Bol",
      status: "invited",
      invitation: "pending",
    });
    expect((await lastMailTo(subject, "anna@bakkerijbol.nl")).subject).toBe(
      "Uw account bij Kantoor Amstel",
    );

    const listA = (await adminA.get("/api/office/clients")).json().accounts;
    const listB = (await adminB.get("/api/office/clients")).json().accounts;
    expect(listA.map((account: { email: string }) => account.email)).toContain(
      "anna@bakkerijbol.nl",
    );
    expect(listB.map((account: { email: string }) => account.email)).not.toContain(
      "anna@bakkerijbol.nl",
    );

    // Office B cannot act on office A's client, even knowing its id.
    const foreign = await adminB.post(`/api/office/accounts/${created.json().id}/invitation`);
    expect(foreign.statusCode).toBe(404);
    const own = await adminA.post(`/api/office/accounts/${created.json().id}/invitation`);
    expect(own.statusCode).toBe(202);
  });

  it("keeps clients and anonymous visitors out of the back office", async () => {
    const officeA = (await adminA.get("/api/session")).json().account;
    expect(officeA.officeName).toBe("Kantoor Amstel");
    const anna = await activateByMail(subject, "anna@bakkerijbol.nl");
    expect((await anna.get("/api/office/clients")).statusCode).toBe(403);
    const anonymous = new ApiClient(subject.app);
    const response = await anonymous.get("/api/office/clients");
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("unauthenticated");
  });

  it("lets a company's main account manage extra accounts; deleting one ends its sessions", async () => {
    const anna = await logInToPortal("anna@bakkerijbol.nl");
    const added = await anna.post("/api/me/extra-accounts", {
      name: "Piet Bol",
      email: "piet@bakkerijbol.nl",
    });
    expect(added.statusCode).toBe(201);
    const piet = await activateByMail(subject, "piet@bakkerijbol.nl");
    expect((await piet.get("/api/session")).json().account).toMatchObject({
      clientKind: "company",
      isMainAccount: false,
    });
    // An extra account acts for the company but does not manage accounts.
    expect((await piet.get("/api/me/extra-accounts")).statusCode).toBe(403);

    const list = (await anna.get("/api/me/extra-accounts")).json().accounts;
    expect(list.map((account: { email: string }) => account.email)).toEqual([
      "piet@bakkerijbol.nl",
    ]);
    const removed = await anna.send("DELETE", `/api/me/extra-accounts/${list[0].id}`, undefined, {
      "x-csrf-token": anna.csrfToken ?? "",
    });
    expect(removed.statusCode).toBe(204);
    expect((await piet.get("/api/session")).json().account).toBeUndefined();
  });

  it("shows a company's main account only its own extra accounts, with what it may view of them", async () => {
    const anna = await logInToPortal("anna@bakkerijbol.nl");
    const added = await anna.post("/api/me/extra-accounts", {
      name: "Kees Bol",
      email: "kees@bakkerijbol.nl",
    });
    expect(added.json()).toMatchObject({
      status: "invited",
      invitation: "pending",
      mobile: null,
      twoFactorMethod: "none",
    });
    await enrolAuthenticator(await activateByMail(subject, "kees@bakkerijbol.nl"));
    expect((await anna.get("/api/me/extra-accounts")).json().accounts).toEqual([
      expect.objectContaining({
        email: "kees@bakkerijbol.nl",
        status: "active",
        invitation: "accepted",
        mobile: null,
        twoFactorMethod: "totp",
      }),
    ]);

    // Another company of the same office sees and reaches none of them.
    await adminA.post("/api/office/clients", {
      kind: "company",
      name: "Slagerij Vos B.V.",
      contactName: "Vera Vos",
      email: "vera@slagerijvos.nl",
    });
    const vera = await activateByMail(subject, "vera@slagerijvos.nl");
    expect((await vera.get("/api/me/extra-accounts")).json().accounts).toEqual([]);
    const kees = added.json().id as string;
    const foreign = await vera.send("DELETE", `/api/me/extra-accounts/${kees}`, undefined, {
      "x-csrf-token": vera.csrfToken ?? "",
    });
    expect(foreign.statusCode).toBe(404);
    expect((await anna.get("/api/me/extra-accounts")).json().accounts).toHaveLength(1);
  });

  it("refuses extra accounts to a person's account and to another company's", async () => {
    const officeB = (await adminB.get("/api/session")).json().account;
    expect(officeB.officeName).toBe("Kantoor Berkel");
    const jan = await createActiveClient(
      subject,
      (await createTestOffice(subject)).id,
      "jan@example.nl",
    );
    expect(
      (await jan.post("/api/me/extra-accounts", { name: "Klaas", email: "klaas@example.nl" }))
        .statusCode,
    ).toBe(403);
  });

  it("lists the user's sessions and signs out the others", async () => {
    const second = new ApiClient(subject.app, "192.0.2.9");
    await second.post("/api/auth/login", {
      area: "portal",
      email: "jan@example.nl",
      password: TEST_PASSWORD,
    });
    await second.refreshCsrfToken();
    const sessions = (await second.get("/api/me/sessions")).json().sessions;
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((session: { current: boolean }) => session.current)).toHaveLength(1);
    expect((await second.post("/api/me/sessions/end-others")).statusCode).toBe(204);
    const after = (await second.get("/api/me/sessions")).json().sessions;
    expect(after).toHaveLength(1);
  });
});
