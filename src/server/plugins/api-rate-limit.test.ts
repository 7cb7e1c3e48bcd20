import { afterEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "#src/server/modules/accounts/session-plugin.ts";
import { createActiveClient, createTestOffice } from "#test/support/accounts.ts";
import { ApiClient } from "#test/support/api-client.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";

describe("the general API rate limit", () => {
  let subject: TestApp;
  afterEach(() => subject.close());

  it("answers 429 with Retry-After to a session past its limit, and only to that session", async () => {
    subject = await createTestApp("pglite", { API_RATE_LIMIT_PER_SESSION: "5" });
    const office = await createTestOffice(subject);
    const eager = await createActiveClient(subject, office.id, "eager@example.nl");
    const calm = await createActiveClient(subject, office.id, "calm@example.nl");

    // The session's first counted request was the browser's GET /api/session after activation.
    const statuses = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await eager.get("/api/portal/overview")).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const refused = await eager.get("/api/portal/overview");
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(refused.json().error.code).toBe("too_many_requests");

    // Same address, another session: not affected; and the login routes keep their own limits.
    expect((await calm.get("/api/portal/overview")).statusCode).toBe(200);
    expect((await eager.post("/api/auth/logout")).statusCode).toBe(204);
  });

  it("limits an address over all its sessions, and ignores X-Forwarded-For from anyone but a trusted proxy", async () => {
    subject = await createTestApp("pglite", { API_RATE_LIMIT_PER_IP: "3" });
    const direct = new ApiClient(subject.app, "192.0.2.10");
    const sessionCookie = (n: number) => ({ cookie: `${SESSION_COOKIE}=made-up-${n}` });
    for (let n = 0; n < 3; n += 1) {
      expect((await direct.get("/api/session", sessionCookie(n))).statusCode).toBe(200);
    }
    expect((await direct.get("/api/session", sessionCookie(4))).statusCode).toBe(429);
    const spoofed = await direct.get("/api/session", { "x-forwarded-for": "203.0.113.99" });
    expect(spoofed.statusCode).toBe(429);
    expect((await new ApiClient(subject.app, "192.0.2.11").get("/api/session")).statusCode).toBe(
      200,
    );
  });

  it("behind a trusted proxy, counts each client's forwarded address on its own", async () => {
    subject = await createTestApp("pglite", {
      API_RATE_LIMIT_PER_IP: "3",
      TRUSTED_PROXIES: "192.0.2.1",
    });
    const proxy = new ApiClient(subject.app, "192.0.2.1");
    const from = (address: string) => ({ "x-forwarded-for": address });
    for (let n = 0; n < 3; n += 1) {
      expect((await proxy.get("/api/session", from("203.0.113.5"))).statusCode).toBe(200);
    }
    expect((await proxy.get("/api/session", from("203.0.113.5"))).statusCode).toBe(429);
    expect((await proxy.get("/api/session", from("203.0.113.6"))).statusCode).toBe(200);
  });

  it("switches a limit off at 0: without a session cookie, nothing counts then", async () => {
    subject = await createTestApp("pglite", {
      API_RATE_LIMIT_PER_IP: "0",
      API_RATE_LIMIT_PER_SESSION: "2",
    });
    const anonymous = new ApiClient(subject.app);
    const statuses = new Set<number>();
    for (let n = 0; n < 10; n += 1) {
      statuses.add((await anonymous.get("/api/health-of-nothing")).statusCode);
      statuses.add((await anonymous.send("GET", "/api/session", undefined, {})).statusCode);
    }
    expect([...statuses].sort()).toEqual([200, 404]);
    const withSession = { cookie: `${SESSION_COOKIE}=made-up` };
    const counted = [];
    for (let n = 0; n < 3; n += 1) {
      counted.push((await anonymous.get("/api/session", withSession)).statusCode);
    }
    expect(counted).toEqual([200, 200, 429]);
  });
});
