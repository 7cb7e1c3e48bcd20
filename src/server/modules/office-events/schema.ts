import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { offices } from "../offices/schema.ts";

/**
 * What clients did, for the office's own software (issue 16): the events feed reads it by its
 * id, the cursor, and every webhook delivery points at one. Written in the transaction of the
 * client's action. `data` holds ids only, never a message's or document's text.
 */
export const officeEvents = pgTable(
  "office_events",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    type: text("type", {
      enum: ["message.received", "upload.supplied", "action.completed", "invitation.activated"],
    }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    // No foreign keys to dossiers and clients: an event stays what happened when they go.
    dossierId: uuid("dossier_id"),
    clientId: uuid("client_id"),
    data: jsonb("data").$type<Record<string, string>>().notNull(),
  },
  (table) => [index("office_events_office_idx").on(table.officeId, table.id)],
);

/**
 * Where an office wants its events posted. The signing secret is sealed; after a rotation the
 * previous one still signs beside it until `previous_secret_until`, so the receiver can switch.
 * `round` and `round_job_at` keep one delivery job per endpoint (see `deliveries.ts`).
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    url: text("url").notNull(),
    description: text("description").notNull(),
    secretSealed: text("secret_sealed").notNull(),
    previousSecretSealed: text("previous_secret_sealed"),
    previousSecretUntil: timestamp("previous_secret_until", { withTimezone: true }),
    round: integer("round").notNull().default(0),
    roundJobAt: timestamp("round_job_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (table) => [index("webhook_endpoints_office_idx").on(table.officeId)],
);

/**
 * One event for one endpoint: pending until the receiver answered 2xx (delivered) or three days
 * of retries passed (failed). "Send again" adds a new delivery of the same event.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    eventId: bigint("event_id", { mode: "bigint" })
      .notNull()
      .references(() => officeEvents.id),
    state: text("state", { enum: ["pending", "delivered", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    /** The first characters of the receiver's last answer, to tell what it said. */
    lastResponseExcerpt: text("last_response_excerpt"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("webhook_deliveries_endpoint_idx").on(table.endpointId, table.createdAt),
    index("webhook_deliveries_pending_idx")
      .on(table.endpointId, table.createdAt)
      .where(sql`${table.state} = 'pending'`),
  ],
);
