import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#src/server/demo/seed-demo.ts";
import { freePort, startServerProcess } from "#test/support/server-process.ts";
import { databaseForServerProcess, testDatabaseKinds } from "#test/support/test-database.ts";

/** A program's view of Poort's API: its cookies and the CSRF token, as the web apps send them. */
class HttpSession {
  private readonly cookies = new Map<string, string>();
  private csrfToken = "";

  constructor(private readonly baseUrl: string) {}

  async call(method: string, url: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        "x-csrf-token": this.csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const [name = "", value = ""] = pair.split("=");
      this.cookies.set(name, value);
    }
    return response;
  }

  /** After each login step the session changes, and so does its CSRF token. */
  async refresh(): Promise<void> {
    this.csrfToken = (await (await this.call("GET", "/api/session")).json()).csrfToken;
  }
}

async function logIn(session: HttpSession, area: string, email: string, smsTo?: string) {
  await session.refresh();
  const login = await session.call("POST", "/api/auth/login", {
    area,
    email,
    password: DEMO_PASSWORD,
  });
  expect(login.status).toBe(200);
  await session.refresh();
  if (!smsTo) return;
  // The code goes out by a job: wait for it in the dev outbox.
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const { messages } = await (await session.call("GET", "/dev/outbox/sms")).json();
        const sms = messages.find((message: { to: string }) => message.to === smsTo);
        code = /(\d{6})/.exec(sms?.text ?? "")?.[1];
        return code;
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBeDefined();
  expect(
    (await session.call("POST", "/api/auth/second-factor", { method: "sms", code })).status,
  ).toBe(200);
  await session.refresh();
}

/**
 * A webhook survives a crash (issue 16): the client's message is recorded with its delivery in
 * one transaction, the receiver is down, Poort is killed (SIGKILL) before it could deliver, and
 * after a restart the receiver, now up, gets the event, once.
 */
describe.each(testDatabaseKinds)("a webhook across kill -9 on %s", (kind) => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof databaseForServerProcess>>;
  let receiver: Server | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-webhook-crash-"));
    database = await databaseForServerProcess(kind);
  });
  afterAll(async () => {
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("delivers the event recorded before the crash once the receiver is up", async () => {
    const receiverPort = await freePort();
    const environment = {
      DATA_DIR: dataDir,
      SEED_DEMO: "true",
      JOBS_POLL_MS: "100",
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    };

    const first = await startServerProcess(environment);
    const sara = new HttpSession(first.url);
    await logIn(sara, "office", "sara@devriespartners.nl", "+31612340001");
    const added = await sara.call("POST", "/api/office/webhooks", {
      url: `http://127.0.0.1:${receiverPort}/hooks`,
      description: "Praktijksoftware",
    });
    expect(added.status, await added.clone().text()).toBe(201);

    const jan = new HttpSession(first.url);
    await logIn(jan, "portal", "jan.jansen@example.nl");
    const { dossiers } = await (await jan.call("GET", "/api/portal/dossiers")).json();
    const sent = await jan.call("POST", `/api/portal/dossiers/${dossiers[0].id}/messages`, {
      subject: "Vraag",
      body: "Wanneer is de ondertekening?",
    });
    expect(sent.status).toBe(201);
    // The receiver is down: the first attempt fails; then the crash.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await first.kill();

    const received: Array<{ id: string; type: string }> = [];
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const event = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        received.push({ id: String(request.headers["webhook-id"]), type: event.type });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver?.listen(receiverPort, "127.0.0.1", resolve));

    const second = await startServerProcess(environment);
    try {
      await expect
        .poll(() => received.some((event) => event.type === "message.received"), {
          timeout: 45_000,
          interval: 250,
        })
        .toBe(true);
      // A few more rounds: nothing is delivered twice.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const ids = received.map((event) => event.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      expect(await second.stop(), second.output()).toBe(0);
    }
  }, 120_000);
});
