import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenerTls } from "#src/server/modules/certificates/listener-tls.ts";
import { buildMtlsApp } from "#src/server/mtls-app.ts";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";

/**
 * URLs Fastify's router cannot take, which it answers itself before any hook or the error
 * handler runs (`frameworkErrors`): a bad %-escape in the path, a path parameter over 100
 * characters. They are answered as every other error, on both listeners: our JSON error body,
 * the request id, the security headers, and nothing of the path they came with.
 */
describe("a URL the router cannot take", () => {
  let subject: TestApp;
  let mtls: Awaited<ReturnType<typeof buildMtlsApp>>;

  beforeAll(async () => {
    subject = await createTestApp("pglite");
    const { services, clock } = subject;
    mtls = await buildMtlsApp(
      services,
      await listenerTls(services.config, services.authorities, clock),
    );
    await mtls.ready();
  });
  afterAll(async () => {
    await mtls?.close();
    await subject?.close();
  });

  const longParameter = "a".repeat(200);
  const cases = [
    ["a bad %-escape in the path", "main", "/api/office/dossiers/%E0%A4%A", "%E0%A4%A"],
    [
      "a path parameter of 200 characters",
      "main",
      `/api/office/dossiers/${longParameter}`,
      longParameter,
    ],
    ["a bad %-escape in the path", "mTLS", "/api/selfservice/%E0%A4%A", "%E0%A4%A"],
  ] as const;

  it.each(cases)(
    "answers %s on the %s listener as any error",
    async (_case, listener, url, raw) => {
      const app = listener === "main" ? subject.app : mtls;
      const answer = await app.inject({ method: "GET", url, headers: { "accept-language": "en" } });

      expect(answer.statusCode).toBe(400);
      expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
      const requestId = answer.headers["x-request-id"];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.json()).toEqual({
        error: {
          code: "malformed_request",
          message: "The request cannot be read.",
          details: [],
          requestId,
        },
      });
      const csp = String(answer.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(answer.headers["referrer-policy"]).toBe("no-referrer");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["permissions-policy"]).toContain("camera=()");
      expect(answer.body).not.toContain(raw);
      expect(answer.body).not.toContain("/api/");
    },
  );

  it("sends the same security headers as on an ordinary error", async () => {
    const bad = await subject.app.inject({ method: "GET", url: "/api/office/dossiers/%E0%A4%A" });
    const unknown = await subject.app.inject({ method: "GET", url: "/api/nothing-here" });
    const securityHeaders = (headers: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(headers).filter(
          ([name]) => !["x-request-id", "content-length", "date", "connection"].includes(name),
        ),
      );
    expect(securityHeaders(bad.headers)).toEqual(securityHeaders(unknown.headers));
  });
});
