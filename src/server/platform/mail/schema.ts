import {
  bigint,
  bigserial,
  boolean,
  index,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Every mail Poort sends, stored with the change that caused it and delivered by a job. In
 * embedded mode the dev outbox shows the mails with transport `outbox`.
 */
export const mails = pgTable(
  "mails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Creation order, to list messages sent within the same instant in a stable order. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    locale: text("locale", { enum: ["nl", "en"] }).notNull(),
    template: text("template").notNull(),
    /** queued → sent, or failed when the receiving server refused it for good. */
    status: text("status", { enum: ["queued", "sent", "failed"] })
      .notNull()
      .default("queued"),
    transport: text("transport"),
    messageId: text("message_id"),
    lastError: text("last_error"),
    /** Attachments with secrets (a private key): removed once the relay has the mail. */
    forgetAttachmentsAfterDelivery: boolean("forget_attachments_after_delivery")
      .notNull()
      .default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [index("mails_sent_idx").on(table.transport, table.sentAt)],
);

export const mailAttachments = pgTable(
  "mail_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mailId: uuid("mail_id")
      .notNull()
      .references(() => mails.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    blobKey: text("blob_key").notNull(),
  },
  (table) => [index("mail_attachments_mail_idx").on(table.mailId)],
);
