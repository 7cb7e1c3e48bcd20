import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** Security events, append-only: a database trigger refuses updates and deletes. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    ip: text("ip"),
    details: jsonb("details").notNull().default({}),
    /**
     * The office whose audit log shows the event, where it is an office's business (its staff's
     * logins, its dossiers' documents, its invitations, its API calls). No foreign key: the
     * platform layer knows no offices, and an audit event outlives what it names.
     */
    officeId: uuid("office_id"),
  },
  (table) => [
    index("audit_events_subject_idx").on(table.subjectType, table.subjectId, table.occurredAt),
    index("audit_events_actor_idx").on(table.actorType, table.actorId, table.occurredAt),
    index("audit_events_office_idx").on(table.officeId, table.occurredAt),
  ],
);

/**
 * The hash chain over the audit events (ADR 0022): one entry per event, in the order the events'
 * transactions committed. Each hash covers the previous entry's hash and every column of its
 * event, so a changed, removed or inserted event breaks the chain from there on. A deferred
 * trigger on audit_events writes the entries (migration 0027); like the events they are
 * append-only.
 */
export const auditChain = pgTable("audit_chain", {
  /** 1, 2, 3, … without gaps; not the event's id, which a sequence hands out before commit. */
  position: bigint("position", { mode: "number" }).primaryKey(),
  eventId: bigint("event_id", { mode: "number" }).notNull().unique("audit_chain_event_id_key"),
  /** SHA-256 in lower-case hex (`auditChainHash`). */
  hash: text("hash").notNull(),
});

/**
 * The chain's last entry, in one row: writers of the chain queue on its lock, so the entries
 * form one line however many instances write. It appears with the first chained event.
 */
export const auditChainHead = pgTable(
  "audit_chain_head",
  {
    single: boolean("single").primaryKey().default(true),
    position: bigint("position", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [check("audit_chain_head_single", sql`${table.single}`)],
);
