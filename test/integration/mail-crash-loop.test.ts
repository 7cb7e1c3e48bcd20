import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openFileStorage } from "#src/server/platform/blobs/file-storage.ts";
import { systemClock } from "#src/server/platform/clock.ts";
import { openDatabase } from "#src/server/platform/db/database.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";
import { Mailer } from "#src/server/platform/mail/mailer.ts";
import { outboxTransport } from "#src/server/platform/mail/outbox-transport.ts";
import { freePort, startServerProcess } from "#test/support/server-process.ts";
import { type ReceivedMail, startSmtpSink } from "#test/support/smtp-sink.ts";
import { databaseForServerProcess, testDatabaseKinds } from "#test/support/test-database.ts";

const MAILS = 40;
const KILLS = 5;
/** The relay stores a mail this long before its 250, so kills often land in that window. */
const RELAY_HOLD_MS = 100;
/** Each life's clock runs this much further ahead: past the delivery job's 2-minute lock. */
const MINUTES_PER_LIFE = 3;

const numberedMail: MailTemplate<{ n: number }> = {
  name: "crash-loop",
  compose: {
    nl: ({ n }) => ({ subject: `Crash loop ${n}`, greeting: "Hallo,", blocks: [], closing: [] }),
    en: ({ n }) => ({ subject: `Crash loop ${n}`, greeting: "Hello,", blocks: [], closing: [] }),
  },
};

describe.each(testDatabaseKinds)("mails under repeated kill -9 on %s", (kind) => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof databaseForServerProcess>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-mail-crash-"));
    database = await databaseForServerProcess(kind);
  });
  afterAll(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Queues the mails straight into the database Poort will use, while no Poort runs. */
  async function queueMails(): Promise<void> {
    // PGlite starts from the run's migrated golden database, written into Poort's data folder.
    const handle = await openDatabase({
      databaseUrl: database.url,
      pgliteDir: path.join(dataDir, "pglite"),
      pgliteSnapshot: new Blob([await readFile(inject("pgliteSnapshotPath"))]),
    });
    try {
      // Poort's own attachment store: in its DATA_DIR, sealed under the key file it will find.
      const files = await openFileStorage(
        { dataDir, blobStore: { kind: "disk" }, secretKey: undefined, previousSecretKeys: [] },
        handle.db,
        systemClock,
      );
      const mailer = new Mailer({
        clock: systemClock,
        attachments: files.mailAttachments,
        transport: outboxTransport,
        from: "Poort <no-reply@poort.localhost>",
      });
      await handle.db.transaction(async (tx) => {
        for (let n = 1; n <= MAILS; n++) {
          await mailer.queue(tx, {
            to: `client-${n}@example.test`,
            locale: "nl",
            template: numberedMail,
            data: { n },
          });
        }
      });
    } finally {
      await handle.close();
    }
  }

  /** Our mails only: Poort's own scheduled jobs may mail too while its clock runs ahead. */
  const crashLoopMails = (received: ReceivedMail[]) =>
    received.filter((mail) => mail.subject.startsWith("Crash loop "));

  it("delivers every mail, repeating at most the one in flight per kill, with its Message-ID", async () => {
    await queueMails();
    const smtpPort = await freePort();
    const smtp = await startSmtpSink(smtpPort, { holdMs: RELAY_HOLD_MS });
    const environment = (life: number) => ({
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      JOBS_POLL_MS: "100",
      // A killed worker's claims run out only after their lock: each life starts later.
      DEV_CLOCK_OFFSET: `${life * MINUTES_PER_LIFE}m`,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    });
    try {
      for (let life = 0; life < KILLS; life++) {
        const poort = await startServerProcess(environment(life));
        await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 800));
        await poort.kill();
      }
      const last = await startServerProcess(environment(KILLS));
      try {
        await expect
          .poll(() => new Set(crashLoopMails(smtp.received).map((mail) => mail.subject)).size, {
            timeout: 30_000,
            interval: 200,
          })
          .toBe(MAILS);
        // A few more polling rounds, in case something would still come twice.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      } finally {
        expect(await last.stop(), last.output()).toBe(0);
      }
    } finally {
      await smtp.close();
    }

    const copies = new Map<string, ReceivedMail[]>();
    const received = crashLoopMails(smtp.received);
    for (const mail of received) {
      copies.set(mail.subject, [...(copies.get(mail.subject) ?? []), mail]);
    }
    const repeated = [...copies.values()].filter((mails) => mails.length > 1);
    const duplicates = received.length - copies.size;
    expect(
      duplicates,
      `repeated: ${repeated.map((mails) => `${mails[0]?.subject} ×${mails.length}`).join(", ")}`,
    ).toBeLessThanOrEqual(KILLS);
    for (const mails of copies.values()) {
      expect(new Set(mails.map((mail) => mail.messageId)).size, JSON.stringify(mails)).toBe(1);
      expect(mails[0]?.messageId).toMatch(/^<[0-9a-f-]{36}@poort\.localhost>$/);
    }
  }, 120_000);
});
