import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE } from "#src/server/platform/clock.ts";
import { createActiveClient, createOfficeStaff, createTestOffice } from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { compareTimings, httpSender } from "#test/support/timing.ts";

/**
 * Whether the time of an answer tells which e-mail addresses have an account (issue 11, item 5):
 * a request that takes an address must do the same work whatever the address. Measured as an
 * attacker would, over HTTP against a listening Poort, comparing the two distributions of one
 * run with each other (never with a fixed number of milliseconds).
 *
 * The link routes are gated by the mailed token: `GET /api/auth/links/:token` and
 * `POST /api/auth/password` take no address at all, and `POST /api/auth/activation` refuses an
 * unknown, spent or expired token before it looks at the address (only the holder of a valid
 * invitation learns whether the address typed is the invited one, which that mail told them).
 */
describe.each(testDatabaseKinds)("answer times for known and unknown addresses on %s", (kind) => {
  let subject: TestApp;
  /** Where the Poort under test listens. */
  let baseUrl: string;
  /** An anonymous visitor's requests over HTTP, with the CSRF cookie and token. */
  let send: ReturnType<typeof httpSender>;
  const KNOWN = "jan@example.nl";
  const UNKNOWN = "niemand@example.nl";

  beforeAll(async () => {
    subject = await createTestApp(kind);
    const office = await createTestOffice(subject);
    await createActiveClient(subject, office.id, KNOWN);
    baseUrl = await subject.app.listen({ host: "127.0.0.1", port: 0 });
    const visitor = new ApiClient(subject.app);
    await visitor.refreshCsrfToken();
    send = httpSender(baseUrl, visitor);
  });
  afterAll(() => subject.close());

  /** The limits per IP address count per 15 minutes: each request gets a window of its own. */
  const freshRateLimitWindow = () => subject.clock.advance(15 * MINUTE);

  const expecting = (status: number, path: string, body: unknown) => async () => {
    const answer = await send("POST", path, body);
    if (answer.status !== status) {
      throw new Error(`${path} answered ${answer.status}, not ${status}: ${answer.body}`);
    }
  };

  it("answers a password reset as fast for an address with an account as for one without", async () => {
    const reset = (email: string) =>
      expecting(202, "/api/auth/password-reset", { area: "portal", email });
    const timing = await compareTimings(
      { label: "reset, address with an account", send: reset(KNOWN) },
      { label: "reset, address without one", send: reset(UNKNOWN) },
      { prepare: freshRateLimitWindow },
    );
    expect(timing.overlap, timing.message).toBe(true);
  });

  it("answers an activation with an invalid link as fast for either address", async () => {
    const activate = (email: string) =>
      expecting(410, "/api/auth/activation", { token: "A".repeat(43), email });
    const timing = await compareTimings(
      { label: "activation, address with an account", send: activate(KNOWN) },
      { label: "activation, address without one", send: activate(UNKNOWN) },
      { prepare: freshRateLimitWindow },
    );
    expect(timing.overlap, timing.message).toBe(true);
  });

  it("refuses a wrong password as fast as an unknown address (the decoy hash, ADR 0006)", async () => {
    const logIn = (email: string) =>
      expecting(401, "/api/auth/login", {
        area: "portal",
        email,
        password: "verkeerd-wachtwoord-123",
      });
    const timing = await compareTimings(
      { label: "login, address with an account", send: logIn(KNOWN) },
      { label: "login, address without one", send: logIn(UNKNOWN) },
      // Every login hashes (0.1 s or more): few requests, enough to see a missing decoy hash.
      { prepare: freshRateLimitWindow, samples: 12, warmUp: 2 },
    );
    expect(timing.overlap, timing.message).toBe(true);
  });

  it("invites a client as fast whether or not the address is a client of another office", async () => {
    const ownOffice = await createTestOffice(subject, "Kantoor Amstel");
    const otherOffice = await createTestOffice(subject, "Kantoor Berkel");
    // Each invitation needs an address of its own; the known ones are logins in use elsewhere.
    const samples = 20;
    const warmUp = 4;
    const elsewhere: string[] = [];
    for (let index = 0; index < samples + warmUp; index++) {
      const email = `elders-${index}@example.nl`;
      freshRateLimitWindow();
      await createActiveClient(subject, otherOffice.id, email);
      elsewhere.push(email);
    }
    // Logged in after the clock moved on, so the session is not idle.
    const staff = await createOfficeStaff(subject, ownOffice.id, "sara@amstel.nl");
    let fresh = 0;
    const sendAsStaff = httpSender(baseUrl, staff);
    const invite = (nextEmail: () => string) => async () => {
      const answer = await sendAsStaff("POST", "/api/office/clients", {
        kind: "person",
        name: "Nieuwe Klant",
        email: nextEmail(),
      });
      // The same answer for both (ADR 0011): only then is the time of the answer the question.
      if (answer.status !== 201) {
        throw new Error(`the invitation answered ${answer.status}: ${answer.body}`);
      }
    };
    const timing = await compareTimings(
      {
        label: "invitation, address new to Poort",
        send: invite(() => `nieuw-${fresh++}@example.nl`),
      },
      {
        label: "invitation, a client of another office",
        send: invite(() => elsewhere.shift() ?? ""),
      },
      { samples, warmUp },
    );
    expect(timing.overlap, timing.message).toBe(true);
  });
});
