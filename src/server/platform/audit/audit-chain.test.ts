import { asc, eq, getTableColumns, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "#test/support/test-database.ts";
import { ManualClock } from "../clock.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { CHAINED_COLUMNS, verifyAuditChain } from "./audit-chain.ts";
import { recordAuditEvent } from "./record-audit-event.ts";
import { auditChain, auditChainHead, auditEvents } from "./schema.ts";

const clock = new ManualClock("2026-03-02T08:15:00Z");
const OFFICE = "6f1d6c1e-4b7a-4c55-9a57-0d6b0f3a2c11";

async function recordEvents(db: Database, count: number, from = 1): Promise<void> {
  for (let n = from; n < from + count; n++) {
    await recordAuditEvent(db, clock, {
      actor: { type: "staff", id: `staff-${n}` },
      action: "document.downloaded",
      subject: { type: "document", id: `doc-${n}` },
      ip: n % 2 === 0 ? "192.0.2.7" : undefined,
      details: { n, name: `Akte ${n}` },
      officeId: n % 2 === 0 ? OFFICE : undefined,
    });
  }
}

/**
 * Someone with the database's superuser, who switches the triggers off for one transaction, as
 * an attacker with access to the server could: the append-only triggers do not stop them.
 */
function asAttacker(db: Database, work: (tx: Database) => Promise<unknown>): Promise<unknown> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await work(tx);
  });
}

async function chainHead(db: Database) {
  const [head] = await db.select().from(auditChainHead);
  return head;
}

describe("the chained columns", () => {
  it("are every column of audit_events: a new column must join the hash", () => {
    expect(Object.keys(getTableColumns(auditEvents)).sort()).toEqual([...CHAINED_COLUMNS].sort());
  });
});

describe.each(testDatabaseKinds)("the audit hash chain on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.handle.db;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(() => database.drop());

  it("is intact and empty before the first event", async () => {
    expect(await verifyAuditChain(db())).toEqual({ intact: true, events: 0, head: null });
  });

  it("chains every event in order, and the head names the last", async () => {
    await recordEvents(db(), 7);
    const entries = await db().select().from(auditChain).orderBy(asc(auditChain.position));
    expect(entries.map((entry) => entry.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(entries.map((entry) => entry.hash)).size).toBe(7);
    const last = entries.at(-1);
    expect(await chainHead(db())).toEqual({ single: true, position: 7, hash: last?.hash });
    // Small batches: the walk goes on across them.
    expect(await verifyAuditChain(db(), { batchSize: 3 })).toEqual({
      intact: true,
      events: 7,
      head: { position: 7, hash: last?.hash },
    });
  });

  it("hashes what the database holds exactly: microseconds, any JSON, any text", async () => {
    await db().insert(auditEvents).values({
      occurredAt: sql`'2026-03-02 09:15:00.123456+01'::timestamptz`,
      actorType: "client",
      actorId: "zoë",
      action: 'login "quoted" \\ \n',
      details: sql`'{"b": 1.0, "aa": [1e3, 12345678901234567890.5, "\\u0001é😀\\n"], "a": null, "": {"z": true, "y": false}}'::jsonb`,
      officeId: OFFICE,
    });
    await recordEvents(db(), 1);
    expect(await verifyAuditChain(db())).toMatchObject({ intact: true, events: 2 });
  });

  it("is written with its event: a rolled-back event takes no position", async () => {
    await recordEvents(db(), 1);
    await db()
      .transaction(async (tx) => {
        await recordEvents(tx, 2, 10);
        throw new Error("roll back");
      })
      .catch(() => {});
    await recordEvents(db(), 1, 20);
    expect(await verifyAuditChain(db())).toMatchObject({ intact: true, events: 2 });
  });

  it("forms one line when several connections record at once", async () => {
    // A second "instance": its own pool on the same database (PGlite has one connection).
    const other =
      kind === "postgres" ? await openDatabase({ databaseUrl: database.url, poolSize: 5 }) : null;
    try {
      const writers = Array.from({ length: 16 }, (_, writer) =>
        (writer % 2 === 0 || !other ? db() : other.db).transaction(async (tx) => {
          await recordEvents(tx, 2, writer * 10);
          // Keep the transaction open a moment after its events, as business work would.
          await tx.execute(sql`SELECT pg_sleep(0.01)`);
          await recordEvents(tx, 1, writer * 10 + 5);
        }),
      );
      await Promise.all(writers);
    } finally {
      await other?.close();
    }
    const verdict = await verifyAuditChain(db());
    expect(verdict).toMatchObject({ intact: true, events: 48, head: { position: 48 } });
    const [count] = await db().select({ events: sql<number>`count(*)::int` }).from(auditEvents);
    expect(count?.events).toBe(48);
  });

  it("refuses to change or remove chain entries and the head", async () => {
    await recordEvents(db(), 2);
    const refusal = async (work: Promise<unknown>) =>
      work.then(
        () => "accepted",
        (error: unknown) => String((error as Error).cause ?? error),
      );
    expect(await refusal(db().update(auditChain).set({ hash: "0" }))).toContain(
      "audit_chain is append-only",
    );
    expect(await refusal(db().delete(auditChain))).toContain("audit_chain is append-only");
    expect(await refusal(db().execute(sql`TRUNCATE audit_chain`))).toContain(
      "audit_chain is append-only",
    );
    expect(await refusal(db().update(auditChainHead).set({ position: 1 }))).toContain(
      "audit_chain_head is append-only",
    );
    expect(await refusal(db().delete(auditChainHead))).toContain("audit_chain_head is append-only");
    expect(await verifyAuditChain(db())).toMatchObject({ intact: true, events: 2 });
  });

  describe("after tampering", () => {
    beforeEach(() => recordEvents(db(), 5));

    const eventAt = async (position: number) => {
      const [entry] = await db()
        .select({ eventId: auditChain.eventId })
        .from(auditChain)
        .where(eq(auditChain.position, position));
      return entry?.eventId ?? -1;
    };

    it("finds an edited event, at its position", async () => {
      const id = await eventAt(3);
      await asAttacker(db(), (tx) =>
        tx.update(auditEvents).set({ ip: "198.51.100.1" }).where(eq(auditEvents.id, id)),
      );
      expect(await verifyAuditChain(db())).toEqual({
        intact: false,
        kind: "edited",
        position: 3,
        problem: `position 3 (event ${id}): the event does not match its hash: it, or the hash, was changed.`,
      });
    });

    it("finds a removed event, and a removed position", async () => {
      const id = await eventAt(2);
      await asAttacker(db(), (tx) => tx.delete(auditEvents).where(eq(auditEvents.id, id)));
      expect(await verifyAuditChain(db())).toMatchObject({
        intact: false,
        kind: "removed",
        position: 2,
      });
      await asAttacker(db(), (tx) => tx.delete(auditChain).where(eq(auditChain.position, 2)));
      expect(await verifyAuditChain(db())).toMatchObject({
        intact: false,
        kind: "removed",
        position: 2,
        problem: "position 2 is missing (the chain goes on at 3): events were removed.",
      });
    });

    it("finds a removed tail by its head, or by the head noted down before", async () => {
      const noted = await chainHead(db());
      const fourth = await eventAt(4);
      await asAttacker(db(), async (tx) => {
        await tx.delete(auditEvents).where(sql`${auditEvents.id} >= ${fourth}`);
        await tx.delete(auditChain).where(sql`${auditChain.position} >= 4`);
      });
      expect(await verifyAuditChain(db())).toEqual({
        intact: false,
        kind: "truncated",
        position: 4,
        problem: "the chain ends at position 3, its head at 5: the events after 3 were removed.",
      });
      // Who also moves the head back leaves a whole chain, but not the one noted down.
      const [third] = await db().select().from(auditChain).where(eq(auditChain.position, 3));
      await asAttacker(db(), (tx) =>
        tx.update(auditChainHead).set({ position: 3, hash: third?.hash ?? "" }),
      );
      expect(await verifyAuditChain(db())).toMatchObject({ intact: true, events: 3 });
      expect(
        await verifyAuditChain(db(), {
          noted: { position: noted?.position ?? 0, hash: noted?.hash ?? "" },
        }),
      ).toMatchObject({ intact: false, kind: "truncated", position: 4 });
    });

    it("finds a chain rewritten after an edit only by the head noted down before", async () => {
      const noted = await chainHead(db());
      const id = await eventAt(3);
      // The attacker edits event 3, then recomputes the hashes from there with the database's
      // own function, and moves the head.
      await asAttacker(db(), async (tx) => {
        await tx
          .update(auditEvents)
          .set({ action: "nothing.happened" })
          .where(eq(auditEvents.id, id));
        await tx.execute(sql`
          DO $$
          DECLARE entry audit_chain; previous text;
          BEGIN
            SELECT hash INTO previous FROM audit_chain WHERE position = 2;
            FOR entry IN SELECT * FROM audit_chain WHERE position >= 3 ORDER BY position LOOP
              previous := audit_chain_hash(previous, entry.position,
                (SELECT e FROM audit_events e WHERE e.id = entry.event_id));
              UPDATE audit_chain SET hash = previous WHERE position = entry.position;
            END LOOP;
            UPDATE audit_chain_head SET hash = previous;
          END $$`);
      });
      expect(await verifyAuditChain(db())).toMatchObject({ intact: true, events: 5 });
      expect(
        await verifyAuditChain(db(), {
          noted: { position: noted?.position ?? 0, hash: noted?.hash ?? "" },
        }),
      ).toMatchObject({ intact: false, kind: "head-mismatch", position: 5 });
    });

    it("finds a changed or removed head", async () => {
      await asAttacker(db(), (tx) => tx.update(auditChainHead).set({ hash: "f".repeat(64) }));
      expect(await verifyAuditChain(db())).toMatchObject({
        intact: false,
        kind: "head-mismatch",
        position: 5,
      });
      await asAttacker(db(), (tx) => tx.delete(auditChainHead));
      expect(await verifyAuditChain(db())).toMatchObject({
        intact: false,
        kind: "head-mismatch",
        position: 5,
        problem: "the chain runs to position 5, but its head is missing: it was removed.",
      });
    });

    it("finds an event added past the chain", async () => {
      await asAttacker(db(), (tx) => recordEvents(tx, 1, 99));
      const [added] = await db()
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(eq(auditEvents.actorId, "staff-99"));
      expect(await verifyAuditChain(db())).toEqual({
        intact: false,
        kind: "unchained",
        position: null,
        problem: `event ${added?.id} is in no chain position: it was added past the chain.`,
      });
    });
  });
});
