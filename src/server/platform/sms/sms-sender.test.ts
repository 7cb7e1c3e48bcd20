import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "#test/support/test-database.ts";
import { ManualClock, SECOND } from "../clock.ts";
import { JobRunner } from "../jobs/job-runner.ts";
import { jobs } from "../jobs/schema.ts";
import { createCmSmsGateway } from "./cm-sms-gateway.ts";
import { smsMessages } from "./schema.ts";
import { outboxSmsGateway, type SmsGateway } from "./sms-gateway.ts";
import { SmsSender, sendSmsJob } from "./sms-sender.ts";

const logger = pino({ level: "silent" });

/** How the fake CM answers the next requests. */
type CmMode = "accept" | "reject-number" | "outage";

describe.each(testDatabaseKinds)("SmsSender on %s", (kind) => {
  let database: TestDatabase;
  let cm: Server;
  let cmUrl: string;
  let cmMode: CmMode = "accept";
  let cmRequests = 0;
  const clock = new ManualClock("2026-03-02T08:00:00Z");
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    cm = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        cmRequests += 1;
        response.setHeader("content-type", "application/json");
        if (cmMode === "outage") {
          response.writeHead(502).end("Bad Gateway");
        } else if (cmMode === "reject-number") {
          response.writeHead(400).end(
            JSON.stringify({
              details: "Created 0 message(s)",
              errorCode: 201,
              messages: [
                {
                  to: "0031612345678",
                  status: "Rejected",
                  reference: "x",
                  parts: 0,
                  messageDetails: "Gsm '0031612345678' is not a number.",
                  messageErrorCode: 303,
                },
              ],
            }),
          );
        } else {
          response.writeHead(200).end(
            JSON.stringify({
              details: "Created 1 message(s)",
              errorCode: 0,
              messages: [
                {
                  to: "0031612345678",
                  status: "Accepted",
                  reference: "x",
                  parts: 1,
                  messageDetails: null,
                  messageErrorCode: 0,
                },
              ],
            }),
          );
        }
      });
    });
    await new Promise<void>((resolve) => cm.listen(0, "127.0.0.1", resolve));
    cmUrl = `http://127.0.0.1:${(cm.address() as AddressInfo).port}/v1.0/message`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => cm.close(() => resolve()));
    await database.drop();
  });
  // Each test's jobs are its own: a retry left by one test must not run in the next.
  afterEach(async () => {
    await db().delete(jobs);
    cmMode = "accept";
    cmRequests = 0;
  });

  function senderWith(gateway: SmsGateway) {
    const sender = new SmsSender({ clock, gateway });
    const runner = new JobRunner({ db: db(), clock, logger, pollMs: 20 });
    sender.registerDelivery(runner);
    return { sender, runner };
  }
  const cmGateway = () =>
    createCmSmsGateway({ url: cmUrl, productToken: "token", sender: "Poort", timeoutMs: 5_000 });
  const smsRow = async (id: string) =>
    (await db().select().from(smsMessages).where(eq(smsMessages.id, id)))[0];
  const jobOf = async (smsId: string) =>
    (
      await db()
        .select()
        .from(jobs)
        .where(sql`${jobs.name} = ${sendSmsJob.name} and ${jobs.payload}->>'smsId' = ${smsId}`)
    )[0];

  it("queues nothing when the transaction that queued the text rolls back", async () => {
    const { sender } = senderWith(outboxSmsGateway);
    let queuedId = "";
    await expect(
      db().transaction(async (tx) => {
        queuedId = await sender.queue(tx, { to: "06 12345678", text: "Uw code is 123456" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(queuedId).not.toBe("");
    expect(await smsRow(queuedId)).toBeUndefined();
    expect(await jobOf(queuedId)).toBeUndefined();
  });

  it("refuses to queue a text to a number that cannot receive it", async () => {
    const { sender } = senderWith(outboxSmsGateway);
    await expect(sender.queue(db(), { to: "020 123 4567", text: "code" })).rejects.toThrow(
      "invalid_phone_number",
    );
  });

  it("sends a committed text through the outbox and marks it sent", async () => {
    const { sender, runner } = senderWith(outboxSmsGateway);
    const id = await db().transaction((tx) =>
      sender.queue(tx, { to: "+31 6-1234 5678", text: "Uw code is 123456" }),
    );
    expect(await smsRow(id)).toMatchObject({
      toNumber: "+31612345678",
      body: "Uw code is 123456",
      status: "queued",
      gateway: null,
    });
    expect(await jobOf(id)).toMatchObject({ state: "queued" });

    expect(await runner.runDueJobs()).toBe(1);
    expect(await smsRow(id)).toMatchObject({
      status: "sent",
      gateway: "outbox",
      sentAt: clock.now(),
      lastError: null,
    });
    expect(await jobOf(id)).toMatchObject({ state: "completed" });
  });

  it("sends through CM and marks the text sent with gateway cm", async () => {
    const { sender, runner } = senderWith(cmGateway());
    const id = await sender.queue(db(), { to: "0612345678", text: "Uw code is 654321" });
    await runner.runDueJobs();
    expect(cmRequests).toBe(1);
    expect(await smsRow(id)).toMatchObject({ status: "sent", gateway: "cm" });
  });

  it("wipes a secret text once the gateway has it, but keeps it in the dev outbox", async () => {
    const viaCm = senderWith(cmGateway());
    const secret = await viaCm.sender.queue(db(), {
      to: "0612345678",
      text: "Het wachtwoord is k7m2-x9rt",
      secret: true,
    });
    await viaCm.runner.runDueJobs();
    expect(await smsRow(secret)).toMatchObject({
      status: "sent",
      body: "[verwijderd na verzending]",
    });

    const viaOutbox = senderWith(outboxSmsGateway);
    const kept = await viaOutbox.sender.queue(db(), {
      to: "0612345678",
      text: "Het wachtwoord is k7m2-x9rt",
      secret: true,
    });
    await viaOutbox.runner.runDueJobs();
    expect(await smsRow(kept)).toMatchObject({
      status: "sent",
      body: "Het wachtwoord is k7m2-x9rt",
    });
  });

  it("marks a text CM refuses as failed, with CM's reason, and does not retry it", async () => {
    cmMode = "reject-number";
    const { sender, runner } = senderWith(cmGateway());
    const id = await sender.queue(db(), { to: "0612345678", text: "Uw code is 123456" });
    await runner.runDueJobs();
    expect(await smsRow(id)).toMatchObject({
      status: "failed",
      gateway: "cm",
      sentAt: null,
      lastError: expect.stringContaining("Gsm '0031612345678' is not a number."),
    });
    expect(await jobOf(id)).toMatchObject({ state: "completed", attempts: 1 });

    clock.advance(sendSmsJob.retryDelayMs * 10);
    expect(await runner.runDueJobs()).toBe(0);
    expect(cmRequests).toBe(1);
  });

  it("retries a text while CM is down and sends it once CM is back", async () => {
    cmMode = "outage";
    const { sender, runner } = senderWith(cmGateway());
    const id = await sender.queue(db(), { to: "0612345678", text: "Uw code is 123456" });
    const firstTry = clock.now().getTime();
    await runner.runDueJobs();
    expect(await smsRow(id)).toMatchObject({
      status: "queued",
      lastError: "CM gateway answered HTTP 502",
    });
    const job = await jobOf(id);
    expect(job).toMatchObject({ state: "queued", attempts: 1 });
    expect(job?.lastError).toBe("CM gateway answered HTTP 502");
    expect(job?.runAt.getTime()).toBe(firstTry + sendSmsJob.retryDelayMs);

    cmMode = "accept";
    clock.advance(sendSmsJob.retryDelayMs);
    await runner.runDueJobs();
    expect(await smsRow(id)).toMatchObject({ status: "sent", gateway: "cm", lastError: null });
    expect(cmRequests).toBe(2);
  });

  it("marks a text failed once its attempts are used up, instead of leaving it queued", async () => {
    cmMode = "outage";
    const { sender, runner } = senderWith(cmGateway());
    const id = await sender.queue(db(), { to: "0612345678", text: "Uw code is 123456" });
    for (let attempt = 1; attempt <= sendSmsJob.maxAttempts; attempt++) {
      await runner.runDueJobs();
      clock.advance(sendSmsJob.retryDelayMs * 2 ** attempt);
    }
    expect(cmRequests).toBe(sendSmsJob.maxAttempts);
    expect(await jobOf(id)).toMatchObject({ state: "failed" });
    expect(await smsRow(id)).toMatchObject({
      status: "failed",
      gateway: "cm",
      lastError: "CM gateway answered HTTP 502",
    });
    clock.advance(60 * SECOND);
    expect(await runner.runDueJobs()).toBe(0);
  });
});
