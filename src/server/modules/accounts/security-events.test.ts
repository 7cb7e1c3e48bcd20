import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import {
  activateByMail,
  createActiveClient,
  createTestOffice,
  logInToPortal,
} from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

const kindsOf = (answer: { events: Array<{ kind: string }> }) =>
  answer.events.map((event) => event.kind);

/**
 * "Mijn gegevens" shows the login's own security events (issue 19): its logins, failed attempts,
 * logouts, 2-step changes, newest first and by page; never another account's, of the same
 * company, the same office or another office.
 */
describe.each(testDatabaseKinds)("the account's own security events on %s", (kind) => {
  let subject: TestApp;
  let jan: ApiClient;
  let anna: ApiClient;
  let lars: ApiClient;
  let fatima: ApiClient;
  const accountIdOf = async (browser: ApiClient) =>
    (await browser.get("/api/session")).json().account.id as string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject, "Kantoor Amstel");
    const other = await createTestOffice(subject, "Kantoor Dam");
    jan = await createActiveClient(subject, office.id, "jan@example.nl", "person", "Jan Jansen");
    anna = await createActiveClient(subject, office.id, "anna@bol.nl", "company", "Bol B.V.");
    await anna.post("/api/me/extra-accounts", { name: "Lars Bol", email: "lars@bol.nl" });
    lars = await activateByMail(subject, "lars@bol.nl");
    fatima = await createActiveClient(subject, other.id, "fatima@example.nl", "person", "Fatima");
    // Someone tries Jan's password from elsewhere; then Jan logs in and out in another browser.
    await new ApiClient(subject.app, "203.0.113.9").post("/api/auth/login", {
      area: "portal",
      email: "jan@example.nl",
      password: "not-his-password-1",
    });
    const elsewhere = await logInToPortal(subject, "jan@example.nl", undefined, "192.0.2.44");
    await elsewhere.post("/api/auth/logout");
    // And the others do things of their own.
    for (const email of ["anna@bol.nl", "lars@bol.nl", "fatima@example.nl"]) {
      await new ApiClient(subject.app).post("/api/auth/login", {
        area: "portal",
        email,
        password: "not-the-password-1",
      });
    }
  });
  afterAll(() => subject.close());

  it("lists the login's own logins, failed attempts and logout, newest first, with address and browser", async () => {
    const answer = await jan.get("/api/me/security-events");
    expect(answer.statusCode).toBe(200);
    const list = answer.json();
    expect(kindsOf(list)).toEqual(["logout", "login", "login-failed", "account-activated"]);
    expect(list.events[2]).toMatchObject({ kind: "login-failed", ip: "203.0.113.9" });
    expect(list.events[1]).toMatchObject({ kind: "login", ip: "192.0.2.44" });
    expect(list.events[1].userAgent).toEqual(expect.any(String));
    expect(list).toMatchObject({ page: 1, pageSize: 20, total: 4 });
  });

  it("shows no other account's events: not of the same company, the same office or another office", async () => {
    for (const [index, browser] of [jan, anna, lars, fatima].entries()) {
      const { events, total } = (await browser.get("/api/me/security-events")).json();
      // Each has its activation and the failed login made in its name, and nothing else.
      expect(kindsOf({ events }).filter((kind) => kind === "login-failed")).toHaveLength(1);
      expect(total).toBe(index === 0 ? 4 : 2);
    }
    const annas = (await anna.get("/api/me/security-events")).json();
    expect(annas.events.every((event: { ip: string }) => event.ip !== "203.0.113.9")).toBe(true);
  });

  it("pages through many events, twenty at a time", async () => {
    const janId = await accountIdOf(jan);
    for (let minute = 0; minute < 25; minute += 1) {
      subject.clock.advance(60_000);
      await recordAuditEvent(subject.services.database.db, subject.clock, {
        actor: { type: "client", id: janId },
        action: "two-factor.recovery-codes-renewed",
        subject: { type: "account", id: janId },
        ip: "192.0.2.1",
      });
    }
    const first = (await jan.get("/api/me/security-events")).json();
    expect(first.events).toHaveLength(20);
    expect(first.total).toBe(29);
    const second = (await jan.get("/api/me/security-events?page=2")).json();
    expect(kindsOf(second)).toEqual([
      ...Array(5).fill("recovery-codes-renewed"),
      "logout",
      "login",
      "login-failed",
      "account-activated",
    ]);
    expect((await jan.get("/api/me/security-events?page=0")).statusCode).toBe(400);
  });

  it("is for logged-in accounts only", async () => {
    expect((await new ApiClient(subject.app).get("/api/me/security-events")).statusCode).toBe(401);
  });
});
