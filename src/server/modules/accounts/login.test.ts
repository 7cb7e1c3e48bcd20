import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officeScope } from "#src/server/access/tenant-scope.ts";
import { MINUTE, SECOND } from "#src/server/platform/clock.ts";
import {
  activateByMail,
  createActiveClient,
  createTestOffice,
  TEST_PASSWORD,
} from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { lastSmsTo } from "#test/support/outbox.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { accountsDeps } from "./deps.ts";
import { inviteStaff } from "./invitations.ts";
import { findAccountByEmail } from "./repository.ts";
import { confirmSmsEnrollment, startSmsEnrollment } from "./second-factor.ts";
import { SESSION_COOKIE } from "./session-plugin.ts";

describe.each(testDatabaseKinds)("login on %s", (kind) => {
  let subject: TestApp;
  let officeId: string;

  beforeAll(async () => {
    // A low LOGIN_IP_LIMIT keeps the test of the per-address limit short.
    subject = await createTestApp(kind, { LOGIN_IP_LIMIT: "20" });
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
    // Activation was the first login, which opened "Mijn gegevens"; a login opens Home (B1).
    expect(response.json()).toEqual({ next: "done", firstLogin: false });
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

  it("counts only failures per address: it slows down half-way and stops at the limit", async () => {
    const scripted = new ApiClient(subject.app, "203.0.113.99");
    const attempt = async (n: number) => {
      const response = await logIn(scripted, `gebruiker${n}@example.nl`, "willekeurig-123456");
      return { status: response.statusCode, retryAfter: response.headers["retry-after"] };
    };
    // LOGIN_IP_LIMIT is 20 failures in 15 minutes here; the first 10 go through at full speed.
    for (let n = 0; n < 10; n++) expect((await attempt(n)).status).toBe(401);
    // From then on one attempt per two seconds: a second one in the same moment waits.
    expect(await attempt(10)).toEqual({ status: 401, retryAfter: undefined });
    expect(await attempt(11)).toEqual({ status: 429, retryAfter: "2" });
    for (let n = 11; n < 20; n++) {
      subject.clock.advance(2 * SECOND);
      expect((await attempt(n)).status).toBe(401);
    }
    // At the limit the address waits for the window to end, also with the right password.
    subject.clock.advance(2 * SECOND);
    const stopped = await logIn(scripted, "klant@example.nl", TEST_PASSWORD);
    expect(stopped.statusCode).toBe(429);
    expect(Number(stopped.headers["retry-after"])).toBeGreaterThan(60);
    // Another address is not affected.
    const colleague = new ApiClient(subject.app, "203.0.113.100");
    expect((await logIn(colleague, "klant@example.nl", TEST_PASSWORD)).statusCode).toBe(200);
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

describe.each(testDatabaseKinds)("a Monday morning at one office on %s", (kind) => {
  let subject: TestApp;
  const staff = Array.from({ length: 40 }, (_, n) => ({
    email: `medewerker${n}@kantoor.example.nl`,
    mobile: `+316${String(20_000_000 + n)}`,
  }));

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const officeId = (await createTestOffice(subject)).id;
    const deps = accountsDeps(subject.services);
    for (const [n, { email, mobile }] of staff.entries()) {
      await inviteStaff(
        deps,
        officeScope(officeId),
        { name: `Medewerker ${n}`, email, role: "handler", locale: "nl" },
        { type: "operator" },
      );
      // Each activated from home, as people start; the Monday logins share the office's address.
      await activateByMail(subject, email, TEST_PASSWORD, `198.51.100.${100 + n}`);
      const account = await findAccountByEmail(deps.db, "staff", email);
      if (!account) throw new Error("no account");
      await startSmsEnrollment(deps, account, mobile);
      const code = /(\d{6})/.exec(await lastSmsTo(subject, mobile))?.[1] ?? "";
      await confirmSmsEnrollment(deps, account, code, { ip: "198.51.100.7" });
    }
    subject.clock.advance(15 * MINUTE);
  });
  afterAll(() => subject.close());

  it("lets 40 staff behind one NAT address log in within 5 minutes, typos included", async () => {
    const outcomes: string[] = [];
    for (const [n, { email, mobile }] of staff.entries()) {
      subject.clock.advance(7 * SECOND);
      const browser = new ApiClient(subject.app, "192.0.2.1");
      // Every fourth colleague mistypes the password once, and every fifth the SMS code.
      if (n % 4 === 0) {
        const typo = await browser.post("/api/auth/login", {
          area: "office",
          email,
          password: "zonnige-kade-74-brug",
        });
        expect(typo.statusCode).toBe(401);
      }
      const password = await browser.post("/api/auth/login", {
        area: "office",
        email,
        password: TEST_PASSWORD,
      });
      expect(password.statusCode).toBe(200);
      await browser.refreshCsrfToken();
      if (n % 5 === 0) {
        const wrong = await browser.post("/api/auth/second-factor", {
          method: "sms",
          code: "000000",
        });
        expect(wrong.statusCode).toBe(400);
      }
      const code = /(\d{6})/.exec(await lastSmsTo(subject, mobile))?.[1] ?? "";
      const done = await browser.post("/api/auth/second-factor", { method: "sms", code });
      outcomes.push(done.json().next);
    }
    expect(outcomes).toEqual(staff.map(() => "done"));
  });
});
