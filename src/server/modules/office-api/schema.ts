import { integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { offices } from "../offices/schema.ts";

/**
 * A POST of the office API that came with an Idempotency-Key (issue 16): the first answer, kept
 * a day, so that the same key replays it and a different request under the same key is refused.
 * `completed_at` is empty while the first request is still being handled.
 */
export const officeApiRequests = pgTable(
  "office_api_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    idempotencyKey: text("idempotency_key").notNull(),
    /** SHA-256 of the method, the route and the body: what "the same request" means. */
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code"),
    responseBody: text("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (table) => [unique("office_api_requests_key").on(table.officeId, table.idempotencyKey)],
);
