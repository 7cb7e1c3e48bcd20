import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
