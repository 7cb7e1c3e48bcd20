import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createActiveClient,
  createTestOffice,
  TEST_PASSWORD,
} from "../../../../test/support/accounts.ts";
import { ApiClient } from "../../../../test/support/api-client.ts";
import { lastSmsTo } from "../../../../test/support/outbox.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { testDatabaseKinds } from "../../../../test/support/test-database.ts";
import { MINUTE } from "../../platform/clock.ts";
import { accountsDeps } from "./deps.ts";
import { findAccountByEmail } from "./repository.ts";
import { confirmSmsEnrollment, startSmsEnrollment } from "./second-factor.ts";
import { SESSION_COOKIE } from "./session-plugin.ts";

describe.each(testDatabaseKinds)("login on %s", (kind) => {
  let subject: TestApp;
  let officeId: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    officeId = (await createTestOffice(subject)).id;
    await createActiveClient(subject, officeId, "klant@example.nl");
  });
  afterAll(() => subject.close());

  const logIn = (browser: ApiClient, email: string, password: string) =>
    browser.post("/api/auth/login", { area: "portal", email, password });

  it("logs in with the right password, with a new session id each time", async () => {
    const browser = new ApiClient(subject.app);
    // A session cookie planted beforehand (fixation) is not the one the login creates.
    browser.cookies.set(SESSION_COOKIE, "planted-by-an-attacker");
    const response = await logIn(browser, "klant@example.nl", TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ next: "done", firstLogin: true });
    const first = browser.cookies.get(SESSION_COOKIE);
    expect(first).not.toBe("planted-by-an-attacker");
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");

    await browser.refreshCsrfToken();
    await logIn(browser, "klant@example.nl", TEST_PASSWORD);
    expect(browser.cookies.get(SESSION_COOKIE)).not.toBe(first);
    // The session that logged in again is over.
    const stale = new ApiClient(subject.app);
    stale.cookies.set(SESSION_COOKIE, first ?? "");
    expect((await stale.get("/api/session")).json().account).toBeUndefined();
  });

  it("gives the same answer for an unknown address, a wrong password and an inactive account", async () => {
    const browser = new ApiClient(subject.app, "198.51.100.20");
    const unknown = await logIn(browser, "niemand@example.nl", TEST_PASSWORD);
    const wrong = await logIn(browser, "klant@example.nl", "verkeerd-wachtwoord-123");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe("login_failed");
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it("locks an account after five wrong passwords, also for the right one, for 15 minutes", async () => {
    await createActiveClient(subject, officeId, "doelwit@example.nl");
    const attacker = new ApiClient(subject.app, "203.0.113.5");
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        (await logIn(attacker, "doelwit@example.nl", `gok-${attempt}-xxxxxxxx`)).statusCode,
      ).toBe(401);
    }
    const owner = new ApiClient(subject.app, "198.51.100.30");
    expect((await logIn(owner, "doelwit@example.nl", TEST_PASSWORD)).statusCode).toBe(401);
    subject.clock.advance(15 * MINUTE + 1);
    expect((await logIn(owner, "doelwit@example.nl", TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("limits attempts per address across accounts", async () => {
    const scripted = new ApiClient(subject.app, "203.0.113.99");
    const answers: number[] = [];
    for (let attempt = 0; attempt < 32; attempt++) {
      answers.push(
        (await logIn(scripted, `gebruiker${attempt}@example.nl`, "willekeurig-123456")).statusCode,
      );
    }
    expect(answers.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(answers.slice(30)).toEqual([429, 429]);
  });

  it("refuses a state-changing request without the CSRF token, or with another browser's", async () => {
    const browser = new ApiClient(subject.app);
    const bare = await browser.send(
      "POST",
      "/api/auth/login",
      { area: "portal", email: "klant@example.nl", password: TEST_PASSWORD },
      {},
    );
    expect(bare.statusCode).toBe(403);
    expect(bare.json().error.code).toBe("csrf_failed");
    const other = new ApiClient(subject.app);
    await other.refreshCsrfToken();
    await browser.refreshCsrfToken();
    const foreign = await browser.send(
      "POST",
      "/api/auth/login",
      { area: "portal", email: "klant@example.nl", password: TEST_PASSWORD },
      { "x-csrf-token": other.csrfToken ?? "" },
    );
    expect(foreign.statusCode).toBe(403);
  });

  it("asks for the SMS code after the password once 2-step verification is on, and accepts a recovery code once", async () => {
    const deps = accountsDeps(subject.services);
    const account = await findAccountByEmail(deps.db, "client", "klant@example.nl");
    if (!account) throw new Error("no account");
    await startSmsEnrollment(deps, account, "06 11112222");
    const enrolment = /(\d{6})/.exec(await lastSmsTo(subject, "+31611112222"))?.[1] ?? "";
    const recoveryCodes = await confirmSmsEnrollment(deps, account, enrolment, {
      ip: "198.51.100.7",
    });
    expect(recoveryCodes).toHaveLength(10);

    const browser = new ApiClient(subject.app, "198.51.100.40");
    const first = await logIn(browser, "klant@example.nl", TEST_PASSWORD);
    expect(first.json()).toMatchObject({ next: "second-factor", method: "sms" });
    await browser.refreshCsrfToken();
    expect((await browser.get("/api/session")).json().stage).toBe("second-factor");

    const wrong = await browser.post("/api/auth/second-factor", { method: "sms", code: "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("code_invalid");
    const code = /(\d{6})/.exec(await lastSmsTo(subject, "+31611112222"))?.[1] ?? "";
    const halfway = browser.cookies.get(SESSION_COOKIE);
    const done = await browser.post("/api/auth/second-factor", { method: "sms", code });
    expect(done.statusCode).toBe(200);
    expect(browser.cookies.get(SESSION_COOKIE)).not.toBe(halfway);
    await browser.refreshCsrfToken();
    expect((await browser.get("/api/session")).json().stage).toBe("complete");

    const phoneless = new ApiClient(subject.app, "198.51.100.41");
    await logIn(phoneless, "klant@example.nl", TEST_PASSWORD);
    await phoneless.refreshCsrfToken();
    const typedLoosely = (recoveryCodes[0] ?? "").toLowerCase().replaceAll("-", " ");
    expect(
      (await phoneless.post("/api/auth/second-factor", { method: "recovery", code: typedLoosely }))
        .statusCode,
    ).toBe(200);

    const again = new ApiClient(subject.app, "198.51.100.42");
    await logIn(again, "klant@example.nl", TEST_PASSWORD);
    await again.refreshCsrfToken();
    expect(
      (await again.post("/api/auth/second-factor", { method: "recovery", code: recoveryCodes[0] }))
        .statusCode,
    ).toBe(400);
  });

  it("stops guessing of second-step codes after ten tries per account, from any address", async () => {
    subject.clock.advance(15 * MINUTE); // a fresh rate-limit window
    const answers: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const browser = new ApiClient(subject.app, `203.0.113.${100 + attempt}`);
      await logIn(browser, "klant@example.nl", TEST_PASSWORD);
      await browser.refreshCsrfToken();
      const guess = await browser.post("/api/auth/second-factor", { method: "sms", code: "99999" });
      answers.push(guess.statusCode);
    }
    expect(answers.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(answers[10]).toBe(429);
  });

  it("logs out: the session cookie stops working", async () => {
    const browser = new ApiClient(subject.app, "198.51.100.50");
    await logIn(browser, "doelwit@example.nl", TEST_PASSWORD);
    await browser.refreshCsrfToken();
    const cookie = browser.cookies.get(SESSION_COOKIE);
    expect((await browser.post("/api/auth/logout")).statusCode).toBe(204);
    const replay = new ApiClient(subject.app);
    replay.cookies.set(SESSION_COOKIE, cookie ?? "");
    expect((await replay.get("/api/session")).json().account).toBeUndefined();
  });
});
