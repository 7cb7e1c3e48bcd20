import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/schema.ts";

export const dataExportStatuses = ["requested", "preparing", "ready", "failed", "expired"] as const;

/**
 * A client login's request for everything Poort holds about it (ADR 0024): prepared by a job
 * into one sealed ZIP in the `data-exports` store, downloadable by that login alone until
 * `expires_at`, then deleted with its blob.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    status: text("status", { enum: dataExportStatuses }).notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** The archive in the `data-exports` blob store, once it is ready; null again once expired. */
    blobKey: text("blob_key"),
    size: bigint("size", { mode: "number" }),
  },
  (table) => [
    index("data_exports_account_idx").on(table.accountId, table.requestedAt),
    // One export in progress per login: a second request while one is prepared is refused.
    uniqueIndex("data_exports_one_in_progress_idx")
      .on(table.accountId)
      .where(sql`${table.status} in ('requested', 'preparing')`),
  ],
);
