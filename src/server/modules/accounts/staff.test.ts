import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateByMail,
  createActiveStaff,
  createTestOffice,
  TEST_PASSWORD,
} from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { lastMailTo, linkToken } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

describe.each(testDatabaseKinds)("office staff management on %s", (kind) => {
  let subject: TestApp;
  let admin: ApiClient;

  async function enrolAuthenticator(browser: ApiClient) {
    const { secret } = (await browser.post("/api/me/two-factor/totp")).json();
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
      timestamp: subject.clock.now().getTime(),
    });
    expect((await browser.post("/api/me/two-factor/totp/confirm", { code })).statusCode).toBe(200);
    // The next code must come from a later time step: a code is accepted only once.
    subject.clock.advance(30_000);
  }

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject, "Kantoor Cleve");
    admin = await createActiveStaff(subject, office.id, "beheer@cleve.nl");
    await enrolAuthenticator(admin);
  });
  afterAll(() => subject.close());

  it("lets an admin invite a colleague, who must set up 2-step verification first", async () => {
    const invited = await admin.post("/api/office/staff", {
      name: "Tom Bakker",
      email: "tom@cleve.nl",
      role: "handler",
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({
      role: "handler",
      status: "invited",
      invitation: "pending",
    });

    const tom = await activateByMail(subject, "tom@cleve.nl");
    const login = await tom.post("/api/auth/login", {
      area: "office",
      email: "tom@cleve.nl",
      password: TEST_PASSWORD,
    });
    expect(login.json()).toMatchObject({ next: "set-up-second-factor" });
    await tom.refreshCsrfToken();
    expect((await tom.get("/api/office/clients")).statusCode).toBe(403);
    await enrolAuthenticator(tom);
    expect((await tom.get("/api/office/clients")).statusCode).toBe(200);
    // A handler manages no staff.
    expect(
      (await tom.post("/api/office/staff", { name: "X Y", email: "x@cleve.nl", role: "admin" }))
        .statusCode,
    ).toBe(403);
  });

  it("deactivating a colleague ends their sessions at once; an admin cannot lock out themself", async () => {
    const staff = (await admin.get("/api/office/staff")).json().accounts;
    const tom = staff.find((account: { email: string }) => account.email === "tom@cleve.nl");
    const self = staff.find((account: { email: string }) => account.email === "beheer@cleve.nl");

    // Tom is logged in (halfway: his second step is pending) when he is deactivated.
    const tomBrowser = new ApiClient(subject.app, "192.0.2.77");
    await tomBrowser.post("/api/auth/login", {
      area: "office",
      email: "tom@cleve.nl",
      password: TEST_PASSWORD,
    });
    await tomBrowser.refreshCsrfToken();
    expect((await tomBrowser.get("/api/session")).json().account.email).toBe("tom@cleve.nl");

    const patch = (id: string, body: object) =>
      admin.send("PATCH", `/api/office/staff/${id}`, body, {
        "x-csrf-token": admin.csrfToken ?? "",
      });
    expect((await patch(self.id, { active: false })).statusCode).toBe(409);
    expect((await patch(tom.id, { role: "notary" })).statusCode).toBe(204);
    expect((await patch(tom.id, { active: false })).statusCode).toBe(204);
    expect((await tomBrowser.get("/api/session")).json().account).toBeUndefined();
    await tomBrowser.refreshCsrfToken();
    const again = await tomBrowser.post("/api/auth/login", {
      area: "office",
      email: "tom@cleve.nl",
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(401);
    const after = (await admin.get("/api/office/staff")).json().accounts;
    expect(
      after.find((account: { email: string }) => account.email === "tom@cleve.nl"),
    ).toMatchObject({
      role: "notary",
      status: "deactivated",
    });
  });

  it("shows an invitation's state, and a withdrawn invitation's link stops working", async () => {
    const created = (
      await admin.post("/api/office/clients", {
        kind: "person",
        name: "Els Kok",
        email: "els@example.nl",
      })
    ).json();
    const link = linkToken(await lastMailTo(subject, "els@example.nl"), "activate");
    const revoked = await admin.send(
      "DELETE",
      `/api/office/accounts/${created.id}/invitation`,
      undefined,
      {
        "x-csrf-token": admin.csrfToken ?? "",
      },
    );
    expect(revoked.statusCode).toBe(204);
    const clients = (await admin.get("/api/office/clients")).json().accounts;
    expect(clients.find((account: { id: string }) => account.id === created.id).invitation).toBe(
      "revoked",
    );
    expect((await new ApiClient(subject.app).get(`/api/auth/links/${link}`)).statusCode).toBe(410);

    expect((await admin.post(`/api/office/accounts/${created.id}/invitation`)).statusCode).toBe(
      202,
    );
    const after = (await admin.get("/api/office/clients")).json().accounts;
    expect(after.find((account: { id: string }) => account.id === created.id).invitation).toBe(
      "pending",
    );
  });
});
