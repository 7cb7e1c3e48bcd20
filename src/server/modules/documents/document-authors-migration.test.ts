import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseBeforeMigration, databaseBefore } from "#test/support/migration-database.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/**
 * Migration 0011 on documents of before: each keeps who added it by name and kind, so that the
 * login may go (a company's extra account) while what it added stays.
 */
describe.each(testDatabaseKinds)("the document authors migration on %s", (kind) => {
  let database: DatabaseBeforeMigration;
  const rows = (query: SQL) => database.rows(query);

  beforeAll(async () => {
    database = await databaseBefore(kind, 11);
  });
  afterAll(() => database.close());

  it("names each document's author, and lets the login go without the document", async () => {
    const { db } = database.handle;
    for (const statement of [
      sql`insert into offices (id, name, debtor_number, email, created_at) values
        ('00000000-0000-4000-8000-0000000000a1', 'Kantoor Amstel', '300001', 'info@amstel.nl', '2026-01-01T10:00:00Z')`,
      sql`insert into accounts (id, kind, office_id, role, email, name, status, created_at) values
        ('00000000-0000-4000-8000-0000000000b1', 'staff', '00000000-0000-4000-8000-0000000000a1', 'admin', 'sara@amstel.nl', 'Sara de Wit', 'active', '2026-01-01T10:00:00Z'),
        ('00000000-0000-4000-8000-0000000000d1', 'client', null, null, 'piet@bol.nl', 'Piet Bol', 'active', '2026-01-02T10:00:00Z')`,
      sql`insert into dossiers (id, office_id, number, description, created_at, updated_at) values
        ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000a1', '2026.0001', 'Statuten', '2026-01-02T10:00:00Z', '2026-01-02T10:00:00Z')`,
      sql`insert into documents (id, office_id, dossier_id, category, title, file_name, content_type, size, sha256, blob_key, scan_status, state, added_by_account_id, created_at) values
        ('00000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000f1', 'documents', 'Concept', 'concept.pdf', 'application/pdf', 10, 'x', 'k1', 'clean', 'published', '00000000-0000-4000-8000-0000000000b1', '2026-01-03T10:00:00Z'),
        ('00000000-0000-4000-8000-000000000102', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000f1', 'supplied', 'KvK', 'kvk.pdf', 'application/pdf', 10, 'y', 'k2', 'clean', 'published', '00000000-0000-4000-8000-0000000000d1', '2026-01-04T10:00:00Z')`,
      sql`insert into document_reads (document_id, account_id, read_at) values
        ('00000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-0000000000d1', '2026-01-05T10:00:00Z')`,
    ]) {
      await db.execute(statement);
    }

    await database.migrateToNewest();

    const authors = sql`select title, added_by_name, added_by_kind, added_by_account_id from documents order by title`;
    expect(await rows(authors)).toEqual([
      {
        title: "Concept",
        added_by_name: "Sara de Wit",
        added_by_kind: "staff",
        added_by_account_id: "00000000-0000-4000-8000-0000000000b1",
      },
      {
        title: "KvK",
        added_by_name: "Piet Bol",
        added_by_kind: "client",
        added_by_account_id: "00000000-0000-4000-8000-0000000000d1",
      },
    ]);
    await db.execute(sql`delete from accounts where id = '00000000-0000-4000-8000-0000000000d1'`);
    expect((await rows(authors))[1]).toEqual({
      title: "KvK",
      added_by_name: "Piet Bol",
      added_by_kind: "client",
      added_by_account_id: null,
    });
    expect(await rows(sql`select * from document_reads`)).toEqual([]);
  });
});
