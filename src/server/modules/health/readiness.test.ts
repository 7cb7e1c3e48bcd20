import { Agent, get as httpGet, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked by the assertions
  json: any;
}

describe.each(testDatabaseKinds)("readiness while draining, on %s", (kind) => {
  let subject: TestApp;
  let agent: Agent;
  let base: string;

  beforeAll(async () => {
    subject = await createTestApp(kind);
    await subject.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(subject.app.server.address() as AddressInfo).port}`;
    // As a balancer holds its connections to an instance: kept alive between requests.
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });
  afterAll(async () => {
    agent.destroy();
    await subject.close();
  });

  const get = (path: string) =>
    new Promise<Answer>((resolve, reject) => {
      httpGet(`${base}${path}`, { agent }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            json: JSON.parse(body),
          }),
        );
      }).on("error", reject);
    });

  it("fails /ready once the instance drains, yet serves every request, closing its connection", async () => {
    const before = await get("/ready");
    expect(before.status).toBe(200);
    expect(before.headers.connection).toBe("keep-alive");

    subject.services.readiness.drain([subject.app.server]);

    const ready = await get("/ready");
    expect(ready.status).toBe(503);
    expect(ready.json.error.code).toBe("shutting_down");
    expect(ready.headers.connection).toBe("close");
    // Liveness and the API stay: the requests a balancer still sends are answered in full.
    const health = await get("/health");
    expect(health.status).toBe(200);
    expect(health.headers.connection).toBe("close");
    const session = await get("/api/session");
    expect(session.status).toBe(200);
    expect(session.json.csrfToken).toEqual(expect.any(String));
    expect(session.headers.connection).toBe("close");
  });
});
