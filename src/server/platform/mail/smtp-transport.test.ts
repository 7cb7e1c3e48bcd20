import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestFileStore, type TestFileStore } from "#test/support/file-stores.ts";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "#test/support/test-database.ts";
import { ManualClock } from "../clock.ts";
import { JobRunner } from "../jobs/job-runner.ts";
import { jobs } from "../jobs/schema.ts";
import type { MailTemplate } from "./mail-template.ts";
import type { MailTransport } from "./mail-transport.ts";
import { deliverMailJob, Mailer } from "./mailer.ts";
import { mails } from "./schema.ts";
import { createSmtpTransport } from "./smtp-transport.ts";

const logger = pino({ level: "silent" });
const FROM = "Poort <noreply@poort.example>";

const noticeTemplate: MailTemplate<{ dossier: string }> = {
  name: "test.notice",
  compose: {
    nl: ({ dossier }) => ({
      subject: `Nieuw bericht in dossier ${dossier} – “Jansen & Zn”`,
      greeting: "Geachte heer Jansen,",
      blocks: [
        { kind: "paragraph", text: "Er staat een nieuw bericht voor u klaar." },
        { kind: "facts", rows: [["Dossier", dossier]] },
      ],
      closing: ["Met vriendelijke groet,", "Notariskantoor De Vries"],
    }),
    en: ({ dossier }) => ({
      subject: `New message in file ${dossier}`,
      greeting: "Dear Mr Jansen,",
      blocks: [{ kind: "paragraph", text: "A new message is waiting for you." }],
      closing: ["Kind regards,", "De Vries notaries"],
    }),
  },
};

/** How the test SMTP server treats the next mails. */
type ServerMode = "accept" | "busy-rcpt" | "busy-data" | "no-such-user" | "content-refused";

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe.each(testDatabaseKinds)("Mail over SMTP on %s", (kind) => {
  let database: TestDatabase;
  let blobs: TestFileStore;
  let server: SMTPServer;
  let port: number;
  let mode: ServerMode = "accept";
  const received: Array<{ from: string; to: string[]; raw: Buffer }> = [];
  const transports: Array<MailTransport & { close(): void }> = [];
  const clock = new ManualClock("2026-03-02T08:00:00Z");
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    blobs = await createTestFileStore({ namespace: "mail-attachments" });
    server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === "poort" && auth.password === "right") {
          return callback(null, { user: auth.username });
        }
        callback(smtpError(535, "Authentication credentials invalid"));
      },
      onRcptTo(_address, _session, callback) {
        if (mode === "busy-rcpt") {
          return callback(smtpError(451, "Mailbox temporarily unavailable, try again later"));
        }
        if (mode === "no-such-user") return callback(smtpError(550, "No such user here"));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          if (mode === "busy-data") return callback(smtpError(452, "Insufficient storage"));
          if (mode === "content-refused") {
            return callback(smtpError(554, "Message refused by content policy"));
          }
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const transport of transports) transport.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.drop();
    await blobs.remove();
  });
  afterEach(async () => {
    await db().delete(jobs);
    received.length = 0;
    mode = "accept";
  });

  function smtpMailer(smtpUrl = `smtp://127.0.0.1:${port}`) {
    const transport = createSmtpTransport(smtpUrl);
    transports.push(transport);
    const mailer = new Mailer({ clock, attachments: blobs.store, transport, from: FROM });
    const runner = new JobRunner({ db: db(), clock, logger, pollMs: 20 });
    mailer.registerDelivery(runner);
    return { mailer, runner };
  }
  const queueNotice = (mailer: Mailer) =>
    mailer.queue(db(), {
      to: "j.jansen@example.nl",
      locale: "nl",
      template: noticeTemplate,
      data: { dossier: "2026-0042" },
    });
  const mailRow = async (id: string) =>
    (await db().select().from(mails).where(eq(mails.id, id)))[0];
  const jobOf = async (mailId: string) =>
    (
      await db()
        .select()
        .from(jobs)
        .where(
          sql`${jobs.name} = ${deliverMailJob.name} and ${jobs.payload}->>'mailId' = ${mailId}`,
        )
    )[0];

  it("delivers the mail with both bodies and byte-identical attachments", async () => {
    const { mailer, runner } = smtpMailer();
    const scan = randomBytes(200 * 1024);
    const note = "Graag de akte vóór ondertekening lezen.\r\nMet dank.\n";
    const id = await mailer.queue(db(), {
      to: "j.jansen@example.nl",
      locale: "nl",
      template: noticeTemplate,
      data: { dossier: "2026-0042" },
      attachments: [
        { filename: "scan akte.bin", contentType: "application/octet-stream", content: scan },
        {
          filename: "toelichting.txt",
          contentType: "text/plain; charset=utf-8",
          content: Readable.from([Buffer.from(note)]),
        },
      ],
    });
    const stored = await mailRow(id);
    clock.advance(5_000);

    expect(await runner.runDueJobs()).toBe(1);

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.from).toBe("noreply@poort.example");
    expect(message?.to).toEqual(["j.jansen@example.nl"]);
    const parsed = await simpleParser(message?.raw ?? Buffer.alloc(0));
    expect(parsed.from?.value).toEqual([{ address: "noreply@poort.example", name: "Poort" }]);
    expect(parsed.to).toMatchObject({ value: [{ address: "j.jansen@example.nl" }] });
    expect(parsed.subject).toBe("Nieuw bericht in dossier 2026-0042 – “Jansen & Zn”");
    expect(parsed.messageId).toBe(`<${id}@poort.example>`);
    expect(parsed.text?.trimEnd()).toBe(stored?.textBody.trimEnd());
    expect(parsed.html).toBe(stored?.htmlBody);
    expect(parsed.html).toContain('<html lang="nl">');

    const attachments = parsed.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content,
    }));
    expect(attachments).toHaveLength(2);
    expect(attachments[0]).toMatchObject({
      filename: "scan akte.bin",
      contentType: "application/octet-stream",
    });
    expect(attachments[0]?.content.equals(scan)).toBe(true);
    expect(attachments[1]).toMatchObject({
      filename: "toelichting.txt",
      contentType: "text/plain",
    });
    expect(attachments[1]?.content.equals(Buffer.from(note))).toBe(true);

    expect(await mailRow(id)).toMatchObject({
      status: "sent",
      transport: "smtp",
      sentAt: clock.now(),
      messageId: `<${id}@poort.example>`,
      lastError: null,
    });
    expect(await jobOf(id)).toMatchObject({ state: "completed" });
  });

  it.each([
    ["the recipient's mailbox is busy (451)", "busy-rcpt", /451/],
    ["the server is short of storage (452)", "busy-data", /452/],
  ] as const)("keeps the mail queued and retries later when %s", async (_, serverMode, code) => {
    mode = serverMode;
    const { mailer, runner } = smtpMailer();
    const id = await queueNotice(mailer);
    const firstTry = clock.now().getTime();
    await runner.runDueJobs();

    expect(received).toHaveLength(0);
    expect(await mailRow(id)).toMatchObject({ status: "queued", sentAt: null });
    expect((await mailRow(id))?.lastError).toMatch(code);
    const job = await jobOf(id);
    expect(job).toMatchObject({ state: "queued", attempts: 1 });
    expect(job?.lastError).toMatch(code);
    expect(job?.runAt.getTime()).toBe(firstTry + deliverMailJob.retryDelayMs);

    mode = "accept";
    clock.advance(deliverMailJob.retryDelayMs);
    await runner.runDueJobs();
    expect(received).toHaveLength(1);
    expect(await mailRow(id)).toMatchObject({ status: "sent", transport: "smtp", lastError: null });
  });

  it("keeps the mail queued and retries later when the relay cannot be reached", async () => {
    const { mailer, runner } = smtpMailer(`smtp://127.0.0.1:${await closedPort()}`);
    const id = await queueNotice(mailer);
    const firstTry = clock.now().getTime();
    await runner.runDueJobs();
    expect(await mailRow(id)).toMatchObject({ status: "queued" });
    expect((await mailRow(id))?.lastError).toMatch(/ECONNREFUSED/);
    const job = await jobOf(id);
    expect(job).toMatchObject({ state: "queued", attempts: 1 });
    expect(job?.runAt.getTime()).toBe(firstTry + deliverMailJob.retryDelayMs);
  });

  it("keeps the mail queued when the relay refuses our login, so it goes out once fixed", async () => {
    const { mailer: wrong, runner: wrongRunner } = smtpMailer(
      `smtp://poort:wrong@127.0.0.1:${port}`,
    );
    const id = await queueNotice(wrong);
    await wrongRunner.runDueJobs();
    expect(await mailRow(id)).toMatchObject({ status: "queued" });
    expect((await mailRow(id))?.lastError).toMatch(/535/);
    expect(await jobOf(id)).toMatchObject({ state: "queued" });

    // The operator corrects SMTP_URL and restarts.
    const { runner: fixed } = smtpMailer(`smtp://poort:right@127.0.0.1:${port}`);
    clock.advance(deliverMailJob.retryDelayMs);
    await fixed.runDueJobs();
    expect(received).toHaveLength(1);
    expect(await mailRow(id)).toMatchObject({ status: "sent", transport: "smtp" });
  });

  it.each([
    ["the recipient does not exist (550)", "no-such-user", /550 No such user here/],
    ["the content is refused (554)", "content-refused", /554 Message refused/],
  ] as const)("marks the mail failed without retrying when %s", async (_, serverMode, reason) => {
    mode = serverMode;
    const { mailer, runner } = smtpMailer();
    const id = await queueNotice(mailer);
    await runner.runDueJobs();

    const failed = await mailRow(id);
    expect(failed).toMatchObject({
      status: "failed",
      transport: "smtp",
      sentAt: null,
      messageId: `<${id}@poort.example>`,
    });
    expect(failed?.lastError).toMatch(reason);
    expect(await jobOf(id)).toMatchObject({ state: "completed", attempts: 1 });

    mode = "accept";
    clock.advance(deliverMailJob.retryDelayMs * 100);
    expect(await runner.runDueJobs()).toBe(0);
    expect(received).toHaveLength(0);
  });

  it("marks the mail failed once every attempt has been used", async () => {
    const { mailer, runner } = smtpMailer(`smtp://127.0.0.1:${await closedPort()}`);
    const id = await queueNotice(mailer);
    for (let attempt = 1; attempt <= deliverMailJob.maxAttempts; attempt++) {
      expect(await runner.runDueJobs()).toBe(1);
      clock.advance(deliverMailJob.retryDelayMs * 2 ** attempt);
    }
    expect(await jobOf(id)).toMatchObject({
      state: "failed",
      attempts: deliverMailJob.maxAttempts,
    });
    const failed = await mailRow(id);
    expect(failed).toMatchObject({ status: "failed", transport: "smtp", sentAt: null });
    expect(failed?.lastError).toMatch(/ECONNREFUSED/);
  });
});
