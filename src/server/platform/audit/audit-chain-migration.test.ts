import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseBeforeMigration, databaseBefore } from "#test/support/migration-database.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { ManualClock } from "../clock.ts";
import { verifyAuditChain } from "./audit-chain.ts";
import { recordAuditEvent } from "./record-audit-event.ts";
import { auditChain } from "./schema.ts";

/**
 * Migration 0027 on an audit log of before: the events recorded so far join the chain in the
 * order of their ids, and later events go on from there.
 */
describe.each(testDatabaseKinds)("the audit hash chain migration on %s", (kind) => {
  let database: DatabaseBeforeMigration;

  beforeAll(async () => {
    database = await databaseBefore(kind, 27);
  });
  afterAll(() => database.close());

  it("chains the existing events by id, and the next event after them", async () => {
    const { db } = database.handle;
    await db.execute(sql`insert into audit_events
      (id, occurred_at, actor_type, actor_id, action, subject_type, subject_id, ip, details, office_id) values
      (12, '2026-01-05T10:00:00.5Z', 'staff', 's-1', 'document.downloaded', 'document', 'd-1', '192.0.2.1', '{"n": 1.50}', '00000000-0000-4000-8000-0000000000a1'),
      (7, '2026-01-05T09:00:00Z', 'system', null, 'crl.published', null, null, null, '{}', null),
      (30, '2026-01-06T10:00:00Z', 'client', 'c-1', 'session.login', null, null, '2001:db8::1', '{"via": "password"}', null)`);

    await database.migrateToNewest();

    const entries = await db.select().from(auditChain).orderBy(asc(auditChain.position));
    expect(entries.map(({ position, eventId }) => [position, eventId])).toEqual([
      [1, 7],
      [2, 12],
      [3, 30],
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, events: 3 });

    await recordAuditEvent(db, new ManualClock("2026-03-02T08:15:00Z"), {
      actor: { type: "operator" },
      action: "office.created",
    });
    expect(await verifyAuditChain(db)).toMatchObject({
      intact: true,
      events: 4,
      head: { position: 4 },
    });
  });
});
