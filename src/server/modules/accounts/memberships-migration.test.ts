import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseBeforeMigration, databaseBefore } from "#test/support/migration-database.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";

/**
 * Migration 0008 (ADR 0011) on a database that has client accounts of before: each becomes a
 * login with one membership, holding what its office saw of it, and live sessions keep acting
 * for it; staff keep their office.
 */
describe.each(testDatabaseKinds)("the client memberships migration on %s", (kind) => {
  let database: DatabaseBeforeMigration;
  const rows = (query: SQL) => database.rows(query);

  beforeAll(async () => {
    database = await databaseBefore(kind, 8);
  });
  afterAll(() => database.close());

  it("moves every client account's office and client into a membership", async () => {
    const { db } = database.handle;
    for (const statement of [
      sql`insert into offices (id, name, debtor_number, email, created_at) values
        ('00000000-0000-4000-8000-0000000000a1', 'Kantoor Amstel', '300001', 'info@amstel.nl', '2026-01-01T10:00:00Z')`,
      sql`insert into clients (id, office_id, kind, name, created_at) values
        ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', 'person', 'Jan Jansen', '2026-01-02T10:00:00Z'),
        ('00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000a1', 'company', 'Bakkerij Bol B.V.', '2026-01-02T10:00:00Z')`,
      sql`insert into accounts (id, kind, office_id, client_id, is_main_account, email, name, status, profile_seen_at, role, created_at) values
        ('00000000-0000-4000-8000-0000000000d1', 'client', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000c1', true, 'jan@example.nl', 'Jan Jansen', 'active', '2026-01-05T10:00:00Z', null, '2026-01-02T10:00:00Z'),
        ('00000000-0000-4000-8000-0000000000d2', 'client', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000c2', true, 'anna@bol.nl', 'Anna Bol', 'invited', null, null, '2026-01-02T10:00:00Z'),
        ('00000000-0000-4000-8000-0000000000d3', 'client', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000c2', false, 'piet@bol.nl', 'Piet Bol', 'invited', null, null, '2026-01-03T10:00:00Z'),
        ('00000000-0000-4000-8000-0000000000d4', 'staff', '00000000-0000-4000-8000-0000000000a1', null, false, 'sara@amstel.nl', 'Sara de Wit', 'active', null, 'admin', '2026-01-01T10:00:00Z')`,
      sql`insert into account_tokens (account_id, purpose, token_hash, expires_at, created_at, revoked_at) values
        ('00000000-0000-4000-8000-0000000000d2', 'invitation', 'hash-anna', '2026-01-09T10:00:00Z', '2026-01-02T10:00:00Z', null),
        ('00000000-0000-4000-8000-0000000000d3', 'invitation', 'hash-piet-1', '2026-01-10T10:00:00Z', '2026-01-03T10:00:00Z', '2026-01-04T10:00:00Z'),
        ('00000000-0000-4000-8000-0000000000d3', 'invitation', 'hash-piet-2', '2026-01-11T10:00:00Z', '2026-01-04T10:00:00Z', '2026-01-04T12:00:00Z')`,
      sql`insert into sessions (token_hash, account_id, stage, csrf_token, last_seen_at, expires_at, created_at) values
        ('session-jan', '00000000-0000-4000-8000-0000000000d1', 'complete', 'csrf', '2026-01-05T10:00:00Z', '2026-01-05T22:00:00Z', '2026-01-05T10:00:00Z'),
        ('session-sara', '00000000-0000-4000-8000-0000000000d4', 'complete', 'csrf', '2026-01-05T10:00:00Z', '2026-01-05T22:00:00Z', '2026-01-05T10:00:00Z')`,
    ]) {
      await db.execute(statement);
    }

    await database.migrateToNewest();

    const memberships = await rows(sql`
      select a.email, m.office_id, m.client_id, m.is_main_account, m.name,
             m.invited_at, m.joined_at, m.revoked_at
        from client_memberships m join accounts a on a.id = m.account_id order by a.email`);
    const at = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
    expect(
      memberships.map((row) => ({
        ...row,
        invited_at: at(row.invited_at),
        joined_at: at(row.joined_at),
        revoked_at: at(row.revoked_at),
      })),
    ).toEqual([
      {
        email: "anna@bol.nl",
        office_id: "00000000-0000-4000-8000-0000000000a1",
        client_id: "00000000-0000-4000-8000-0000000000c2",
        is_main_account: true,
        name: "Anna Bol",
        invited_at: "2026-01-02T10:00:00.000Z",
        joined_at: null,
        revoked_at: null,
      },
      {
        email: "jan@example.nl",
        office_id: "00000000-0000-4000-8000-0000000000a1",
        client_id: "00000000-0000-4000-8000-0000000000c1",
        is_main_account: true,
        name: "Jan Jansen",
        invited_at: "2026-01-02T10:00:00.000Z",
        joined_at: "2026-01-05T10:00:00.000Z",
        revoked_at: null,
      },
      {
        email: "piet@bol.nl",
        office_id: "00000000-0000-4000-8000-0000000000a1",
        client_id: "00000000-0000-4000-8000-0000000000c2",
        is_main_account: false,
        name: "Piet Bol",
        // The newest invitation, which the office withdrew.
        invited_at: "2026-01-04T10:00:00.000Z",
        joined_at: null,
        revoked_at: "2026-01-04T12:00:00.000Z",
      },
    ]);

    const accounts = await rows(sql`select email, office_id from accounts order by email`);
    expect(accounts).toEqual([
      { email: "anna@bol.nl", office_id: null },
      { email: "jan@example.nl", office_id: null },
      { email: "piet@bol.nl", office_id: null },
      { email: "sara@amstel.nl", office_id: "00000000-0000-4000-8000-0000000000a1" },
    ]);
    const columns = await rows(sql`
      select column_name from information_schema.columns
       where table_name = 'accounts' and column_name in ('client_id', 'is_main_account')`);
    expect(columns).toEqual([]);

    // Jan's live session goes on acting for his office's client; Sara's has no membership.
    const sessions = await rows(sql`
      select s.token_hash, m.client_id from sessions s
        left join client_memberships m on m.id = s.client_membership_id order by s.token_hash`);
    expect(sessions).toEqual([
      { token_hash: "session-jan", client_id: "00000000-0000-4000-8000-0000000000c1" },
      { token_hash: "session-sara", client_id: null },
    ]);
  });
});
