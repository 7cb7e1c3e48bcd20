import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

describe.each(testDatabaseKinds)("the HTTP app on %s", (kind) => {
  let subject: TestApp;
  let webDist: string;

  beforeAll(async () => {
    webDist = await mkdtemp(path.join(os.tmpdir(), "poort-web-"));
    for (const page of ["index.html", "portal/index.html", "dev/mailbox/index.html"]) {
      await mkdir(path.dirname(path.join(webDist, page)), { recursive: true });
      await writeFile(path.join(webDist, page), `<!doctype html><title>${page}</title>`);
    }
    await mkdir(path.join(webDist, "assets"));
    await writeFile(path.join(webDist, "assets", "start-abc123.js"), "console.log(1)");
    subject = await createTestApp(kind, { WEB_DIST_DIR: webDist });
  });
  afterAll(async () => {
    await subject.close();
    await rm(webDist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    subject.app.inject({ method: "GET", url, headers });

  describe("operations", () => {
    it("answers liveness and readiness", async () => {
      expect((await get("/health")).json()).toEqual({ status: "ok" });
      const ready = await get("/ready");
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: "ready", database: kind });
    });

    it("publishes an OpenAPI document generated from the contracts, and its docs page", async () => {
      const document = (await get("/api/openapi.json")).json();
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(["/health", "/ready", "/dev/outbox/mail", "/dev/outbox/sms"]),
      );
      expect(
        document.paths["/ready"].get.responses["200"].content["application/json"].schema,
      ).toMatchObject({ properties: { database: { enum: ["pglite", "postgres"] } } });
      const docs = await get("/api/docs/");
      expect(docs.statusCode).toBe(200);
      expect(docs.headers["content-type"]).toContain("text/html");
    });

    it("gives every answer a request id of its own, ignoring one sent by the client", async () => {
      const first = await get("/health", { "x-request-id": "forged" });
      const second = await get("/health");
      expect(first.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(first.headers["x-request-id"]).not.toBe(second.headers["x-request-id"]);
    });
  });

  describe("security headers", () => {
    it("sends a strict content security policy and no-referrer on pages and API", async () => {
      for (const url of ["/", "/health"]) {
        const response = await get(url);
        const csp = String(response.headers["content-security-policy"]);
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("style-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain("unsafe-inline");
        expect(response.headers["referrer-policy"]).toBe("no-referrer");
        expect(response.headers["x-content-type-options"]).toBe("nosniff");
      }
    });
  });

  describe("errors", () => {
    it("answers an unknown API path with a JSON 404 in the user's language", async () => {
      const dutch = await get("/api/nothing-here", { accept: "application/json" });
      expect(dutch.statusCode).toBe(404);
      expect(dutch.json()).toEqual({
        error: {
          code: "not_found",
          message: "Deze pagina of dit gegeven bestaat niet.",
          details: [],
          requestId: dutch.headers["x-request-id"],
        },
      });
      const english = await get("/api/nothing-here", { "accept-language": "en-GB,en;q=0.9" });
      expect(english.json().error.message).toBe("This page or item does not exist.");
      const chosen = await get("/api/nothing-here", {
        "accept-language": "en",
        cookie: "poort_lang=nl",
      });
      expect(chosen.json().error.message).toBe("Deze pagina of dit gegeven bestaat niet.");
    });

    it("answers a browser's unknown path with the start app's page and status 404", async () => {
      const response = await get("/no/such/page", { accept: "text/html" });
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toContain("text/html");
      expect(response.body).toContain("<title>index.html</title>");
    });

    it("refuses a malformed id with the field that is wrong, not a stack trace", async () => {
      const response = await get("/dev/outbox/mail/not-a-uuid/html", { "accept-language": "en" });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe("validation_failed");
      expect(error.message).toBe("The data in the request is not valid.");
      expect(error.details).toEqual([
        expect.objectContaining({ path: "params.mailId", code: "invalid_format" }),
      ]);
      expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    });

    it("refuses a JSON body it cannot parse with 400", async () => {
      const session = await get("/api/session");
      const csrfCookie = session.cookies.find((cookie) => cookie.name === "__Host-poort_csrf");
      const broken = await subject.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: {
          "content-type": "application/json",
          "x-csrf-token": session.json().csrfToken,
          cookie: `__Host-poort_csrf=${csrfCookie?.value}`,
        },
        payload: "{broken",
      });
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.code).toBe("malformed_request");
    });
  });

  describe("web pages", () => {
    it("serves each area's app for the area's paths, never cached", async () => {
      const response = await get("/portal/dossiers/123");
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("portal/index.html");
      expect(response.headers["cache-control"]).toBe("no-cache");
    });

    it("serves hashed assets with a long cache life", async () => {
      const response = await get("/assets/start-abc123.js");
      expect(response.statusCode).toBe(200);
      expect(response.headers["cache-control"]).toContain("immutable");
    });

    it("serves the dev mailbox while the outbox transports are active", async () => {
      expect((await get("/dev/mailbox")).body).toContain("dev/mailbox/index.html");
    });
  });

  describe("dev outbox", () => {
    it("shows mails and texts delivered to the outbox, newest first, with attachments", async () => {
      const { services, clock } = subject;
      const template = {
        name: "test.outbox",
        compose: {
          nl: (data: { n: number }) => ({
            subject: `Bericht ${data.n}`,
            greeting: "Beste lezer,",
            blocks: [{ kind: "paragraph" as const, text: `Inhoud <${data.n}>` }],
            closing: ["Poort"],
          }),
          en: (data: { n: number }) => ({
            subject: `Message ${data.n}`,
            greeting: "Dear reader,",
            blocks: [{ kind: "paragraph" as const, text: `Content <${data.n}>` }],
            closing: ["Poort"],
          }),
        },
      };
      const db = services.database.db;
      await services.mailer.queue(db, {
        to: "first@example.nl",
        locale: "nl",
        template,
        data: { n: 1 },
      });
      await services.jobs.runDueJobs();
      clock.advance(60_000);
      await services.mailer.queue(db, {
        to: "second@example.nl",
        locale: "en",
        template,
        data: { n: 2 },
        attachments: [
          {
            filename: "akte concept.pdf",
            contentType: "application/pdf",
            content: Buffer.from("%PDF-1.7 test"),
          },
        ],
      });
      await services.sms.queue(db, { to: "06 12345678", text: "Uw code is 123456" });
      await services.jobs.runDueJobs();

      const { mails } = (await get("/dev/outbox/mail")).json();
      expect(mails.map((mail: { to: string }) => mail.to).slice(0, 2)).toEqual([
        "second@example.nl",
        "first@example.nl",
      ]);
      const [newest] = mails;
      expect(newest).toMatchObject({
        subject: "Message 2",
        locale: "en",
        sentAt: "2026-11-23T10:01:00.000Z",
        attachments: [{ name: "akte concept.pdf", contentType: "application/pdf", size: 13 }],
      });
      expect(newest.text).toContain("Content <2>");
      expect(newest.html).toContain("Content &lt;2&gt;");

      const html = await get(`/dev/outbox/mail/${newest.id}/html`);
      expect(html.body).toBe(newest.html);
      expect(html.headers["content-security-policy"]).toContain("sandbox");
      expect(html.headers["content-security-policy"]).toContain("frame-ancestors 'self'");

      const download = await get(newest.attachments[0].url);
      expect(download.statusCode).toBe(200);
      expect(download.body).toBe("%PDF-1.7 test");
      expect(download.headers["content-disposition"]).toBe(
        "attachment; filename*=UTF-8''akte%20concept.pdf",
      );

      const { messages } = (await get("/dev/outbox/sms")).json();
      expect(messages[0]).toMatchObject({ to: "+31612345678", text: "Uw code is 123456" });
    });

    it("answers 404 for a mail or attachment that is not in the outbox", async () => {
      const unknown = "7b0c4c52-2f2e-4d43-9a55-2d1a8f1d4e10";
      expect((await get(`/dev/outbox/mail/${unknown}/html`)).statusCode).toBe(404);
      expect((await get(`/dev/outbox/mail/${unknown}/attachments/${unknown}`)).statusCode).toBe(
        404,
      );
    });
  });
});

describe("the HTTP app with real transports configured", () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp("pglite", {
      SMTP_URL: "smtp://127.0.0.1:2525",
      WEB_DIST_DIR: path.join(os.tmpdir(), "poort-no-web-build"),
    });
  });
  afterAll(() => subject.close());

  it("has no dev outbox and no mailbox page, so real mail is never shown", async () => {
    const api = await subject.app.inject({ method: "GET", url: "/dev/outbox/mail" });
    expect(api.statusCode).toBe(404);
    const page = await subject.app.inject({
      method: "GET",
      url: "/dev/mailbox",
      headers: { accept: "text/html" },
    });
    expect(page.statusCode).not.toBe(200);
  });

  it("says clearly that the web apps are not built instead of failing obscurely", async () => {
    const response = await subject.app.inject({
      method: "GET",
      url: "/portal",
      headers: { "accept-language": "nl" },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe("web_not_built");
  });
});
