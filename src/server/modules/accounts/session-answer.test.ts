import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE, SECOND } from "#src/server/platform/clock.ts";
import { createActiveClient, createTestOffice } from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { IDLE_TIMEOUT } from "./sessions.ts";

/**
 * The session answer tells the page how long the session has left in seconds, by the server's
 * clock, so a browser whose clock is off still warns and ends on time.
 */
describe("the session answer's idle time", () => {
  let subject: TestApp;
  let browser: ApiClient;

  beforeAll(async () => {
    subject = await createTestApp("pglite");
    const office = await createTestOffice(subject);
    browser = await createActiveClient(subject, office.id, "klant@example.nl");
  });
  afterAll(() => subject.close());

  it("gives the seconds left until the idle timeout, by the injected clock", async () => {
    const fresh = (await browser.get("/api/session")).json();
    expect(fresh.idleSecondsLeft).toBe(IDLE_TIMEOUT / SECOND);

    // Within a minute a request does not count as new activity, so the time runs on.
    subject.clock.advance(40 * SECOND);
    const later = (await browser.get("/api/session")).json();
    expect(later.idleSecondsLeft).toBe(IDLE_TIMEOUT / SECOND - 40);
    expect(Date.parse(later.idleExpiresAt) - subject.clock.now().getTime()).toBe(
      later.idleSecondsLeft * SECOND,
    );

    // After that, asking for the session is activity: the full time again.
    subject.clock.advance(5 * MINUTE);
    expect((await browser.get("/api/session")).json().idleSecondsLeft).toBe(IDLE_TIMEOUT / SECOND);
  });

  it("gives no idle time when nobody is logged in", async () => {
    const anonymous = (await new ApiClient(subject.app).get("/api/session")).json();
    expect(anonymous.idleSecondsLeft).toBeUndefined();
  });
});
