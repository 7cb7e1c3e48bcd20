import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every text message Poort sends, stored with its cause and delivered by a job. */
export const smsMessages = pgTable(
  "sms_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Creation order, to list messages sent within the same instant in a stable order. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    toNumber: text("to_number").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["queued", "sent", "failed"] })
      .notNull()
      .default("queued"),
    gateway: text("gateway"),
    lastError: text("last_error"),
    /** A secret (a certificate's password): the text is wiped once the gateway has it. */
    forgetAfterDelivery: boolean("forget_after_delivery").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [index("sms_messages_sent_idx").on(table.gateway, table.sentAt)],
);
