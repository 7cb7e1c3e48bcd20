import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "#test/support/test-database.ts";
import { ManualClock } from "../clock.ts";
import { recordAuditEvent } from "./record-audit-event.ts";
import { auditEvents } from "./schema.ts";

/** The database's own message, wherever the driver (or Drizzle around it) put it. */
function databaseMessage(error: unknown): string {
  const messages: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) {
    messages.push(current.message);
  }
  return messages.join(" | ");
}

async function failureOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return databaseMessage(error);
  }
  throw new Error("expected the database to refuse the change");
}

describe.each(testDatabaseKinds)("recordAuditEvent on %s", (kind) => {
  let database: TestDatabase;
  const clock = new ManualClock("2026-03-02T08:15:00Z");
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  it("records who did what to what, when and from where", async () => {
    await recordAuditEvent(db(), clock, {
      actor: { type: "staff", id: "staff-17" },
      action: "certificate.revoked",
      subject: { type: "certificate", id: "0x4F2A" },
      ip: "2001:db8::7",
      details: { reason: "keyCompromise", crlNumber: 12 },
    });
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "certificate.revoked"));
    expect(event).toMatchObject({
      occurredAt: new Date("2026-03-02T08:15:00Z"),
      actorType: "staff",
      actorId: "staff-17",
      action: "certificate.revoked",
      subjectType: "certificate",
      subjectId: "0x4F2A",
      ip: "2001:db8::7",
      details: { reason: "keyCompromise", crlNumber: 12 },
    });
  });

  it("records a system event without actor id, subject, address or details", async () => {
    await recordAuditEvent(db(), clock, { actor: { type: "system" }, action: "crl.published" });
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "crl.published"));
    expect(event).toMatchObject({
      actorType: "system",
      actorId: null,
      subjectType: null,
      subjectId: null,
      ip: null,
      details: {},
    });
  });

  it("is written with the change it describes: a rollback takes the event with it", async () => {
    await db()
      .transaction(async (tx) => {
        await recordAuditEvent(tx, clock, {
          actor: { type: "client" },
          action: "test.rolled-back",
        });
        throw new Error("roll back");
      })
      .catch(() => {});
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "test.rolled-back"));
    expect(rows).toEqual([]);
  });

  it("refuses to change, delete or truncate a recorded event", async () => {
    await recordAuditEvent(db(), clock, {
      actor: { type: "client", id: "client-1" },
      action: "session.login-failed",
      ip: "192.0.2.10",
    });
    const [recorded] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "session.login-failed"));
    const id = recorded?.id ?? -1;

    expect(
      await failureOf(
        db().update(auditEvents).set({ ip: "198.51.100.1" }).where(eq(auditEvents.id, id)),
      ),
    ).toContain("audit_events is append-only");
    expect(await failureOf(db().delete(auditEvents).where(eq(auditEvents.id, id)))).toContain(
      "audit_events is append-only",
    );
    expect(await failureOf(db().delete(auditEvents))).toContain("audit_events is append-only");
    expect(await failureOf(db().execute(sql`TRUNCATE audit_events`))).toContain(
      "audit_events is append-only",
    );

    const [after] = await db().select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(after).toEqual(recorded);
  });
});
