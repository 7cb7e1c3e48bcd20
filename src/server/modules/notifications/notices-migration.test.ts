import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock, MINUTE } from "#src/server/platform/clock.ts";
import { Mailer } from "#src/server/platform/mail/mailer.ts";
import { outboxTransport } from "#src/server/platform/mail/outbox-transport.ts";
import { createTestFileStore, type TestFileStore } from "#test/support/file-stores.ts";
import { type DatabaseBeforeMigration, databaseBefore } from "#test/support/migration-database.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { sendNotices } from "./send-notices.ts";

/**
 * Migration 0009 (ADR 0013) on a database with "new documents" mails still planned by the
 * mechanism of before: each becomes a pending notice of its login and office with a notice job,
 * and the old job is finished, so nothing waits for a handler that no longer exists.
 */
describe.each(testDatabaseKinds)("the bundled notices migration on %s", (kind) => {
  let database: DatabaseBeforeMigration;
  let attachments: TestFileStore | undefined;
  const rows = (query: SQL) => database.rows(query);

  beforeAll(async () => {
    database = await databaseBefore(kind, 9);
  });
  afterAll(async () => {
    await database.close();
    await attachments?.remove();
  });

  it("turns planned 'new documents' mails into pending notices with their job", async () => {
    const { db } = database.handle;
    for (const statement of [
      sql`insert into offices (id, name, debtor_number, email, created_at) values
        ('00000000-0000-4000-8000-0000000000a1', 'Kantoor Amstel', '300001', 'info@amstel.nl', '2026-01-01T10:00:00Z')`,
      sql`insert into clients (id, office_id, kind, name, created_at) values
        ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', 'person', 'Jan Jansen', '2026-01-02T10:00:00Z')`,
      sql`insert into accounts (id, kind, email, name, status, created_at) values
        ('00000000-0000-4000-8000-0000000000d1', 'client', 'jan@example.nl', 'Jan Jansen', 'active', '2026-01-02T10:00:00Z')`,
      sql`insert into client_memberships (id, account_id, office_id, client_id, name, invited_at, joined_at, created_at) values
        ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000c1', 'Jan Jansen', '2026-01-02T10:00:00Z', '2026-01-03T10:00:00Z', '2026-01-02T10:00:00Z')`,
      sql`insert into jobs (name, payload, state, run_at, max_attempts, lock_ms, singleton_key, created_at, finished_at) values
        ('documents.announce-new', '{"accountId":"00000000-0000-4000-8000-0000000000d1","membershipId":"00000000-0000-4000-8000-0000000000e1"}', 'queued', '2026-01-05T10:02:30Z', 5, 300000, 'a:1', '2026-01-05T10:00:00Z', null),
        ('documents.announce-new', '{"accountId":"00000000-0000-4000-8000-0000000000d1"}', 'queued', '2026-01-05T10:04:30Z', 5, 300000, 'a:2', '2026-01-05T10:03:00Z', null),
        ('documents.announce-new', '{"accountId":"00000000-0000-4000-8000-0000000000d1"}', 'completed', '2026-01-04T10:02:30Z', 5, 300000, 'a:0', '2026-01-04T10:00:00Z', '2026-01-04T10:02:31Z')`,
    ]) {
      await db.execute(statement);
    }

    await database.migrateToNewest();

    const pending = await rows(sql`
      select account_id, audience, office_id, client_membership_id, kind, settled_at from notices`);
    expect(pending).toEqual([
      {
        account_id: "00000000-0000-4000-8000-0000000000d1",
        audience: "client",
        office_id: "00000000-0000-4000-8000-0000000000a1",
        client_membership_id: "00000000-0000-4000-8000-0000000000e1",
        kind: "documents",
        settled_at: null,
      },
    ]);
    const planned = await rows(sql`
      select name, payload, state, singleton_key from jobs where name = 'notifications.send'`);
    expect(planned).toEqual([
      {
        name: "notifications.send",
        payload: { accountId: "00000000-0000-4000-8000-0000000000d1", round: 0 },
        state: "queued",
        singleton_key: "notifications.send:00000000-0000-4000-8000-0000000000d1:0",
      },
    ]);
    const old = await rows(sql`
      select singleton_key, state from jobs where name = 'documents.announce-new' order by singleton_key`);
    expect(old).toEqual([
      { singleton_key: "a:0", state: "completed" },
      { singleton_key: "a:1", state: "completed" },
      { singleton_key: "a:2", state: "completed" },
    ]);
    const tables = await rows(sql`
      select table_name from information_schema.tables where table_name = 'document_notices'`);
    expect(tables).toEqual([]);

    // The job tells the login, once, without a title.
    const clock = new ManualClock("2026-01-05T10:10:00Z");
    attachments = await createTestFileStore({ namespace: "mail-attachments" });
    const mailer = new Mailer({
      clock,
      attachments: attachments.store,
      transport: outboxTransport,
      from: "Poort <no-reply@poort.localhost>",
    });
    const deps = { clock, mailer, publicUrl: "https://poort.example", bundleMs: 15 * MINUTE };
    await sendNotices(db, deps, { accountId: "00000000-0000-4000-8000-0000000000d1", round: 0 });
    await sendNotices(db, deps, { accountId: "00000000-0000-4000-8000-0000000000d1", round: 0 });
    const mails = await rows(sql`select to_address, subject, template from mails`);
    expect(mails).toEqual([
      {
        to_address: "jan@example.nl",
        subject: "Er staat iets nieuws voor u klaar bij Kantoor Amstel",
        template: "notifications.client-notice",
      },
    ]);
  });
});
