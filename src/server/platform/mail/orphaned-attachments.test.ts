import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestFileStore, type TestFileStore } from "#test/support/file-stores.ts";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "#test/support/test-database.ts";
import type { BlobStore } from "../blobs/blob-store.ts";
import { DAY, ManualClock } from "../clock.ts";
import type { MailTemplate } from "./mail-template.ts";
import { Mailer } from "./mailer.ts";
import { sweepOrphanedAttachments } from "./orphaned-attachments.ts";
import { outboxTransport } from "./outbox-transport.ts";
import { mailAttachments } from "./schema.ts";

const certificateMail: MailTemplate<Record<string, never>> = {
  name: "test.certificate",
  compose: {
    nl: () => ({ subject: "Uw certificaat", greeting: "Beste,", blocks: [], closing: ["Poort"] }),
    en: () => ({ subject: "Your certificate", greeting: "Dear,", blocks: [], closing: ["Poort"] }),
  },
};

class IssuanceFailed extends Error {}

describe.each(testDatabaseKinds)("the orphaned mail attachment sweep on %s", (kind) => {
  let database: TestDatabase;
  let files: TestFileStore;
  let store: BlobStore;
  let mailer: Mailer;
  const clock = new ManualClock("2026-03-02T08:00:00Z");
  const db = () => database.handle.db;
  const storedKeys = async () => {
    const keys: string[] = [];
    for await (const blob of store.list()) keys.push(blob.key);
    return keys.sort();
  };
  const queueWithAttachment = (tx: Parameters<Mailer["queue"]>[0], name: string) =>
    mailer.queue(tx, {
      to: "kantoor@example.nl",
      locale: "nl",
      template: certificateMail,
      data: {},
      attachments: [
        { filename: name, contentType: "application/x-pkcs12", content: Buffer.from(name) },
      ],
    });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    files = await createTestFileStore({ namespace: "mail-attachments" });
    store = files.store;
    mailer = new Mailer({
      clock,
      attachments: store,
      transport: outboxTransport,
      from: "Poort <p@x.nl>",
    });
  });
  afterAll(async () => {
    await database.drop();
    await files.remove();
  });

  it("deletes the bytes of mails that never committed, or whose rows went, and keeps the rest", async () => {
    const sent = await queueWithAttachment(db(), "sent.p12");
    // The issuance that queued this mail failed after the mailer had stored the attachment.
    await expect(
      db().transaction(async (tx) => {
        await queueWithAttachment(tx, "rolled-back.p12");
        throw new IssuanceFailed();
      }),
    ).rejects.toBeInstanceOf(IssuanceFailed);
    // A secret attachment whose row was forgotten, by a process that died before the bytes.
    const forgotten = await queueWithAttachment(db(), "forgotten.p12");
    await db().delete(mailAttachments).where(eq(mailAttachments.mailId, forgotten));
    expect(await storedKeys()).toHaveLength(3);

    // Within the day, a blob may still belong to a transaction in progress: nothing goes.
    expect(await sweepOrphanedAttachments(db(), store, new Date())).toBe(0);
    expect(await storedKeys()).toHaveLength(3);

    const later = new Date(Date.now() + 2 * DAY);
    expect(await sweepOrphanedAttachments(db(), store, later)).toBe(2);
    const [sentRow] = await db()
      .select()
      .from(mailAttachments)
      .where(eq(mailAttachments.mailId, sent));
    expect(await storedKeys()).toEqual([sentRow?.blobKey]);
    expect(await sweepOrphanedAttachments(db(), store, later)).toBe(0);
  });
});
