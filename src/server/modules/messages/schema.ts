import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts, clients } from "../accounts/schema.ts";
import { documents } from "../documents/schema.ts";
import { dossiers } from "../dossiers/schema.ts";
import { offices } from "../offices/schema.ts";

/**
 * A message in a dossier (SPEC B9): from the office to its clients, or from a client to the
 * office. Sent once and never changed by its writer; the office may withdraw one of its own,
 * which hides it from the clients but keeps the row (ADR 0012).
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Repeated from the dossier so that every query can be scoped by office. */
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    sender: text("sender", { enum: ["office", "client"] }).notNull(),
    /**
     * Whose conversation with the office this is: the client that sent it, or the one client the
     * office answered; null for a message from the office to every client of the dossier. A
     * client sees the dossier's messages with no client and its own, never a co-client's.
     */
    clientId: uuid("client_id").references(() => clients.id),
    /**
     * Who wrote it: a staff member, or the client login (for a company: which of its people),
     * with the name as it was then; the name stays when a company deletes the extra account.
     */
    authorAccountId: uuid("author_account_id").references(() => accounts.id, {
      onDelete: "set null",
    }),
    authorName: text("author_name").notNull(),
    /** The message it answers ("Beantwoorden"), in the same dossier. */
    replyToMessageId: uuid("reply_to_message_id").references((): AnyPgColumn => messages.id),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    /** The office dealt with a client's message: shared by all its staff. */
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handledByAccountId: uuid("handled_by_account_id").references(() => accounts.id),
    /** The office took back a message it sent in error: gone for the clients. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnByAccountId: uuid("withdrawn_by_account_id").references(() => accounts.id),
  },
  (table) => [
    // A dossier's messages, for both the portal's tab and the office's dossier.
    index("messages_dossier_idx").on(table.dossierId, table.sentAt),
    // The office's inbox of clients' messages (read backwards: newest first), and of those
    // still open.
    index("messages_inbox_idx")
      .on(table.officeId, table.sentAt, table.id)
      .where(sql`${table.sender} = 'client'`),
    index("messages_inbox_open_idx")
      .on(table.officeId, table.sentAt, table.id)
      .where(sql`${table.sender} = 'client' and ${table.handledAt} is null`),
    check(
      "messages_client_sender_check",
      sql`${table.sender} = 'office' or (${table.clientId} is not null and ${table.withdrawnAt} is null)`,
    ),
    check(
      "messages_handled_check",
      sql`(${table.handledAt} is null) = (${table.handledByAccountId} is null)`,
    ),
    check(
      "messages_withdrawn_check",
      sql`(${table.withdrawnAt} is null) = (${table.withdrawnByAccountId} is null)`,
    ),
  ],
);

/** The files that came with a message, in their order: documents of the message's dossier. */
export const messageAttachments = pgTable(
  "message_attachments",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.messageId, table.documentId] }),
    index("message_attachments_document_idx").on(table.documentId),
  ],
);

/**
 * Which account has opened which message: a staff member's own read state (the office's inbox),
 * and each client login's (the portal's unread counts; the accounts of a company each have
 * their own, as for documents).
 */
export const messageReads = pgTable(
  "message_reads",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.messageId, table.accountId] }),
    // One login's reads, for counting what it has not read over many messages at once.
    index("message_reads_account_idx").on(table.accountId, table.messageId),
  ],
);
