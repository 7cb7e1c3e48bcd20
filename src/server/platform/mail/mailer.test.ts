import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestFileStore, type TestFileStore } from "#test/support/file-stores.ts";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "#test/support/test-database.ts";
import { ManualClock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import { JobRunner } from "../jobs/job-runner.ts";
import { jobs } from "../jobs/schema.ts";
import type { MailTemplate } from "./mail-template.ts";
import { deliverMailJob, Mailer } from "./mailer.ts";
import { outboxTransport } from "./outbox-transport.ts";
import { mailAttachments, mails } from "./schema.ts";

const logger = pino({ level: "silent" });

const readyTemplate: MailTemplate<{ name: string; dossier: string }> = {
  name: "test.deed-ready",
  compose: {
    nl: ({ name, dossier }) => ({
      subject: `Uw akte staat klaar (${dossier})`,
      greeting: `Beste ${name},`,
      blocks: [{ kind: "paragraph", text: "Uw akte staat klaar in Poort." }],
      closing: ["Met vriendelijke groet,", "Poort"],
    }),
    en: ({ name, dossier }) => ({
      subject: `Your deed is ready (${dossier})`,
      greeting: `Dear ${name},`,
      blocks: [{ kind: "paragraph", text: "Your deed is ready in Poort." }],
      closing: ["Kind regards,", "Poort"],
    }),
  },
};

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file in the blob store, stored blobs and half-written ones alike. */
async function blobFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe.each(testDatabaseKinds)("Mailer on %s", (kind) => {
  let database: TestDatabase;
  let blobs: TestFileStore;
  const clock = new ManualClock("2026-03-02T08:00:00Z");
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    blobs = await createTestFileStore({ namespace: "mail-attachments" });
  });
  afterAll(async () => {
    await database.drop();
    await blobs.remove();
  });
  afterEach(async () => {
    await db().delete(jobs);
  });

  function outboxMailer() {
    const mailer = new Mailer({
      clock,
      attachments: blobs.store,
      transport: outboxTransport,
      from: "Poort <noreply@poort.example>",
    });
    const runner = new JobRunner({ db: db(), clock, logger, pollMs: 20 });
    mailer.registerDelivery(runner);
    return { mailer, runner };
  }
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

  it("leaves no mail and no job when the transaction that queued it rolls back", async () => {
    const { mailer, runner } = outboxMailer();
    let queuedId = "";
    await expect(
      db().transaction(async (tx) => {
        queuedId = await mailer.queue(tx, {
          to: "client@example.nl",
          locale: "nl",
          template: readyTemplate,
          data: { name: "Jan", dossier: "2026-0042" },
        });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(queuedId).not.toBe("");
    expect(await mailRow(queuedId)).toBeUndefined();
    expect(await jobOf(queuedId)).toBeUndefined();
    expect(await runner.runDueJobs()).toBe(0);
  });

  it("queues a committed mail in its locale and delivers it to the outbox", async () => {
    const { mailer, runner } = outboxMailer();
    const id = await db().transaction((tx) =>
      mailer.queue(tx, {
        to: "client@example.nl",
        locale: "en",
        template: readyTemplate,
        data: { name: "Jan", dossier: "2026-0042" },
      }),
    );
    const queued = await mailRow(id);
    expect(queued).toMatchObject({
      toAddress: "client@example.nl",
      subject: "Your deed is ready (2026-0042)",
      locale: "en",
      template: "test.deed-ready",
      status: "queued",
      transport: null,
      sentAt: null,
      createdAt: clock.now(),
    });
    expect(queued?.textBody).toContain("Dear Jan,\n\nYour deed is ready in Poort.");
    expect(queued?.htmlBody).toContain('<html lang="en">');
    expect(await jobOf(id)).toMatchObject({ state: "queued" });

    clock.advance(1_000);
    expect(await runner.runDueJobs()).toBe(1);
    expect(await mailRow(id)).toMatchObject({
      status: "sent",
      transport: "outbox",
      sentAt: clock.now(),
      messageId: `<${id}@poort.example>`,
      lastError: null,
    });
    expect(await jobOf(id)).toMatchObject({ state: "completed" });
  });

  it("keeps attachment bytes in the blob store, found again through the mail", async () => {
    const { mailer } = outboxMailer();
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(70_000, 0xa7)]);
    const id = await mailer.queue(db(), {
      to: "client@example.nl",
      locale: "nl",
      template: readyTemplate,
      data: { name: "Jan", dossier: "2026-0042" },
      attachments: [
        { filename: "akte.pdf", contentType: "application/pdf", content: pdf },
        {
          filename: "toelichting.txt",
          contentType: "text/plain; charset=utf-8",
          content: Readable.from([Buffer.from("Lees de akte goed door.\n")]),
        },
      ],
    });
    const rows = await db()
      .select()
      .from(mailAttachments)
      .where(eq(mailAttachments.mailId, id))
      .orderBy(mailAttachments.filename);
    expect(
      rows.map(({ filename, contentType, size }) => ({ filename, contentType, size })),
    ).toEqual([
      { filename: "akte.pdf", contentType: "application/pdf", size: pdf.length },
      { filename: "toelichting.txt", contentType: "text/plain; charset=utf-8", size: 24 },
    ]);
    const [pdfRow, textRow] = rows;
    expect((await readAll(await blobs.store.get(pdfRow?.blobKey ?? ""))).equals(pdf)).toBe(true);
    expect((await readAll(await blobs.store.get(textRow?.blobKey ?? ""))).toString()).toBe(
      "Lees de akte goed door.\n",
    );
    // On disk the attachment is sealed: whoever holds the disk alone reads none of it.
    const key = pdfRow?.blobKey ?? "";
    const onDisk = await readFile(
      path.join(blobs.folder, "mail-attachments", key.slice(0, 2), key),
    );
    expect(onDisk.length).toBeGreaterThan(pdf.length);
    expect(onDisk.includes(Buffer.from("%PDF-1.7"))).toBe(false);
    expect(onDisk.includes(Buffer.alloc(64, 0xa7))).toBe(false);
  });

  it("queues nothing and keeps no blobs when an attachment cannot be read", async () => {
    const { mailer } = outboxMailer();
    const filesBefore = await blobFiles(blobs.folder);
    const [{ count: mailsBefore } = { count: 0 }] = await db()
      .select({ count: sql<number>`count(*)::int` })
      .from(mails);
    async function* aborted() {
      yield Buffer.alloc(10_000, 1);
      throw new Error("upload aborted");
    }
    await expect(
      mailer.queue(db(), {
        to: "client@example.nl",
        locale: "nl",
        template: readyTemplate,
        data: { name: "Jan", dossier: "2026-0042" },
        attachments: [
          { filename: "ok.txt", contentType: "text/plain", content: Buffer.from("fine") },
          {
            filename: "broken.bin",
            contentType: "application/octet-stream",
            content: Readable.from(aborted()),
          },
        ],
      }),
    ).rejects.toThrow("upload aborted");
    expect(await blobFiles(blobs.folder)).toEqual(filesBefore);
    const [{ count: mailsAfter } = { count: 0 }] = await db()
      .select({ count: sql<number>`count(*)::int` })
      .from(mails);
    expect(mailsAfter).toBe(mailsBefore);
  });

  it("keeps no blobs when the mail cannot be written to the database", async () => {
    const { mailer } = outboxMailer();
    const filesBefore = await blobFiles(blobs.folder);
    const unavailable = {
      insert() {
        throw new Error("database unavailable");
      },
    } as unknown as Database;
    await expect(
      mailer.queue(unavailable, {
        to: "client@example.nl",
        locale: "nl",
        template: readyTemplate,
        data: { name: "Jan", dossier: "2026-0042" },
        attachments: [{ filename: "a.txt", contentType: "text/plain", content: Buffer.from("a") }],
      }),
    ).rejects.toThrow("database unavailable");
    expect(await blobFiles(blobs.folder)).toEqual(filesBefore);
  });

  it("delivers a mail once, even when its job runs again", async () => {
    const { mailer, runner } = outboxMailer();
    const id = await mailer.queue(db(), {
      to: "client@example.nl",
      locale: "nl",
      template: readyTemplate,
      data: { name: "Jan", dossier: "2026-0042" },
    });
    await runner.runDueJobs();
    const sentAt = (await mailRow(id))?.sentAt;
    // A worker that died after sending: the same job is picked up again.
    await db()
      .update(jobs)
      .set({ state: "queued" })
      .where(eq(jobs.id, (await jobOf(id))?.id ?? ""));
    clock.advance(60_000);
    await runner.runDueJobs();
    expect((await mailRow(id))?.sentAt).toEqual(sentAt);
  });
});
