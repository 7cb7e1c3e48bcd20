import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officeScope } from "#src/server/access/tenant-scope.ts";
import { DAY } from "#src/server/platform/clock.ts";
import { TEST_PASSWORD } from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { deliveredMails, lastMailTo, linkToken } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { createOffice } from "../offices/service.ts";
import { listOfficeClientItems } from "./account-directory.ts";
import { accountsDeps } from "./deps.ts";
import { inviteClient, resendClientInvitation } from "./invitations.ts";

describe.each(testDatabaseKinds)("activation by mailed links on %s (B1, B2)", (kind) => {
  let subject: TestApp;
  let officeId: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createOffice(
      subject.services.database.db,
      subject.clock,
      {
        name: "Notariskantoor De Vries & Partners",
        debtorNumber: "101234",
        email: "info@devries.nl",
      },
      { type: "operator" },
    );
    officeId = office.id;
  });
  afterAll(() => subject.close());

  async function invite(email: string, locale: "nl" | "en" = "nl") {
    await inviteClient(
      accountsDeps(subject.services),
      officeScope(officeId),
      { kind: "person", name: "Jan Jansen", email, locale },
      { type: "staff" },
    );
    return linkToken(await lastMailTo(subject, email), "activate");
  }

  it("walks mail 1 → e-mail address → mail 2 → set password → logged in → mail 3", async () => {
    const invitation = await invite("jan@example.nl");
    const mail1 = await lastMailTo(subject, "jan@example.nl");
    expect(mail1.subject).toBe("Uw account bij Notariskantoor De Vries & Partners");

    const browser = new ApiClient(subject.app);
    expect((await browser.get(`/api/auth/links/${invitation}`)).json()).toEqual({
      purpose: "invitation",
      area: "portal",
    });

    // Another address gets the same answer, and no mail.
    const mailsBefore = (await deliveredMails(subject)).length;
    const wrong = await browser.post("/api/auth/activation", {
      token: invitation,
      email: "piet@example.nl",
    });
    expect(wrong.statusCode).toBe(202);
    expect(await deliveredMails(subject)).toHaveLength(mailsBefore);

    const right = await browser.post("/api/auth/activation", {
      token: invitation,
      email: " Jan@Example.NL ",
    });
    expect(right.statusCode).toBe(202);
    const mail2 = await lastMailTo(subject, "jan@example.nl");
    expect(mail2.subject).toBe("Stel uw wachtwoord in");
    const setPassword = linkToken(mail2, "set-password");

    const weak = await browser.post("/api/auth/password", {
      token: setPassword,
      password: "wachtwoord",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.map((detail: { code: string }) => detail.code)).toEqual(
      expect.arrayContaining(["too_short", "too_common"]),
    );

    const done = await browser.post("/api/auth/password", {
      token: setPassword,
      password: TEST_PASSWORD,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ next: "done", firstLogin: true });
    const session = (await browser.get("/api/session")).json();
    expect(session).toMatchObject({
      stage: "complete",
      account: {
        email: "jan@example.nl",
        kind: "client",
        officeName: "Notariskantoor De Vries & Partners",
      },
    });
    expect((await lastMailTo(subject, "jan@example.nl")).subject).toBe(
      "Uw wachtwoord is ingesteld",
    );

    // Activation was the first login; every later one opens Home, not "Mijn gegevens" (B1).
    for (const address of ["198.51.100.60", "198.51.100.61"]) {
      const later = new ApiClient(subject.app, address);
      const login = await later.post("/api/auth/login", {
        area: "portal",
        email: "jan@example.nl",
        password: TEST_PASSWORD,
      });
      expect(login.json()).toEqual({ next: "done", firstLogin: false });
    }

    // Both links are spent now.
    for (const token of [invitation, setPassword]) {
      const spent = await browser.get(`/api/auth/links/${token}`);
      expect(spent.statusCode).toBe(410);
      expect(spent.json().error.code).toBe("link_invalid");
    }
  });

  it("sends the mails in the invited person's language", async () => {
    await invite("john@example.com", "en");
    expect((await lastMailTo(subject, "john@example.com")).subject).toBe(
      "Your account with Notariskantoor De Vries & Partners",
    );
  });

  it("refuses an expired link, a replaced link and a forged one", async () => {
    const browser = new ApiClient(subject.app);
    const first = await invite("late@example.nl");
    const second = await inviteAgain("late@example.nl");
    expect((await browser.get(`/api/auth/links/${first}`)).statusCode).toBe(410);
    expect((await browser.get(`/api/auth/links/${second}`)).statusCode).toBe(200);
    subject.clock.advance(7 * DAY + 1);
    expect((await browser.get(`/api/auth/links/${second}`)).statusCode).toBe(410);
    const forged = await browser.get(`/api/auth/links/${"A".repeat(43)}`);
    expect(forged.statusCode).toBe(410);
    const malformed = await browser.get("/api/auth/links/not-a-token");
    expect(malformed.statusCode).toBe(400);
  });

  async function inviteAgain(email: string) {
    // A client's invitation is the office's membership of the login (ADR 0011).
    const scope = officeScope(officeId);
    const deps = accountsDeps(subject.services);
    const item = (await listOfficeClientItems(deps, scope)).find((row) => row.email === email);
    if (!item) throw new Error("no account");
    await resendClientInvitation(deps, scope, item.id, { type: "staff" });
    return linkToken(await lastMailTo(subject, email), "activate");
  }

  it("answers a reset request the same whether or not the address has an account", async () => {
    const browser = new ApiClient(subject.app);
    const before = (await deliveredMails(subject)).length;
    const unknown = await browser.post("/api/auth/password-reset", {
      area: "portal",
      email: "nobody@example.nl",
    });
    const known = await browser.post("/api/auth/password-reset", {
      area: "portal",
      email: "jan@example.nl",
    });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const mails = await deliveredMails(subject);
    expect(mails).toHaveLength(before + 1);
    expect(mails[0]).toMatchObject({ to: "jan@example.nl", subject: "Nieuw wachtwoord instellen" });
  });
});
