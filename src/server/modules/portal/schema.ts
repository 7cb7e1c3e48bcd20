import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/schema.ts";

/**
 * A tus upload in progress (ADR 0020): its state lives here, not on an instance's disk, so the
 * next PATCH of an upload can reach any instance behind the balancer.
 */
export const resumableUploads = pgTable(
  "resumable_uploads",
  {
    /** tus's id, which starts with the account's id (without dashes). */
    id: text("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The size the client declared at creation. */
    size: bigint("size", { mode: "number" }).notNull(),
    /** How many bytes are stored, in parts: the offset the next PATCH must start at. */
    offset: bigint("offset", { mode: "number" }).notNull().default(0),
    /** tus's Upload-Metadata as the client sent it (checked before the upload was created). */
    metadata: jsonb("metadata").$type<Record<string, string | null>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("resumable_uploads_expires_idx").on(table.expiresAt)],
);

/**
 * What one PATCH stored: a sealed blob of the upload-parts store, starting at `offset` of the
 * upload. The parts in order of offset are the upload.
 */
export const resumableUploadParts = pgTable(
  "resumable_upload_parts",
  {
    uploadId: text("upload_id")
      .notNull()
      .references(() => resumableUploads.id, { onDelete: "cascade" }),
    offset: bigint("offset", { mode: "number" }).notNull(),
    blobKey: text("blob_key").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    /**
     * The SHA-256 of the part's content, taken as it was sealed: an upload of one part is kept
     * as the document with it, without a second read. Parts written before it have none.
     */
    sha256: text("sha256"),
  },
  (table) => [
    primaryKey({ columns: [table.uploadId, table.offset] }),
    // The sweep of parts no upload holds looks a blob up by its key.
    uniqueIndex("resumable_upload_parts_blob_idx").on(table.blobKey),
  ],
);
