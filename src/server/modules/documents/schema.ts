import { sql } from "drizzle-orm";
import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts, clients } from "../accounts/schema.ts";
import { dossiers } from "../dossiers/schema.ts";
import { offices } from "../offices/schema.ts";

/**
 * A file in a dossier: published by the office (correspondence, documents) or supplied by a
 * client. The content lives in the blob store; an infected file never gets a row.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Repeated from the dossier so that every query can be scoped by office. */
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    /**
     * What the office publishes (correspondence, documents), what a client supplied (also the
     * attachments of its messages), or "message": a file the office sent as a message's
     * attachment, which the clients see only through that message (ADR 0012).
     */
    category: text("category", {
      enum: ["correspondence", "documents", "supplied", "message"],
    }).notNull(),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    /** Determined from the content, never taken from the uploader. */
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    blobKey: text("blob_key").notNull(),
    scanStatus: text("scan_status", { enum: ["clean", "not-scanned"] }).notNull(),
    scanEngine: text("scan_engine"),
    /**
     * "draft": the office's not yet published document, or an attachment of a message not yet
     * sent (a client's, visible only to the login that uploaded it; the office's, category
     * "message"); such drafts are swept after a day (ADR 0012).
     */
    state: text("state", { enum: ["draft", "published", "unpublished"] }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /**
     * The staff member or client login that added it; gone (null) once that login is deleted,
     * as a company's extra account can be, while what it added stays the company's.
     */
    addedByAccountId: uuid("added_by_account_id").references(() => accounts.id, {
      onDelete: "set null",
    }),
    /** Who added it, as they were named then: shown beside the document for good. */
    addedByName: text("added_by_name").notNull(),
    addedByKind: text("added_by_kind", { enum: ["client", "staff"] }).notNull(),
    /** For a supplied document: the client it came from ("door mij" is per client). */
    suppliedByClientId: uuid("supplied_by_client_id").references(() => clients.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("documents_dossier_idx").on(table.dossierId, table.category),
    index("documents_office_idx").on(table.officeId),
    // The nightly sweep of message attachments that were never sent.
    index("documents_draft_attachments_idx")
      .on(table.createdAt)
      .where(sql`${table.state} = 'draft' and ${table.category} in ('supplied', 'message')`),
  ],
);

/** A mark that an account has done something with a document, once, and when. */
function accountDocumentMarks<Name extends string, Column extends string>(
  name: Name,
  timeColumn: Column,
) {
  return pgTable(
    name,
    {
      documentId: uuid("document_id")
        .notNull()
        .references(() => documents.id, { onDelete: "cascade" }),
      accountId: uuid("account_id")
        .notNull()
        .references(() => accounts.id, { onDelete: "cascade" }),
      at: timestamp(timeColumn, { withTimezone: true }).notNull(),
    },
    (table) => [primaryKey({ columns: [table.documentId, table.accountId] })],
  );
}

/** Which account has opened or downloaded which document: unread counts come from here. */
export const documentReads = accountDocumentMarks("document_reads", "read_at");
