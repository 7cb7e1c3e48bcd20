import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/schema.ts";
import { dossiers } from "../dossiers/schema.ts";

/**
 * That a closed dossier's clients were told it leaves the portal (ADR 0023): once per closing.
 * A dossier reopened and closed again has a new `closed_at`, and this row, about the closing
 * before, no longer counts.
 */
export const dossierRetentionNotices = pgTable("dossier_retention_notices", {
  dossierId: uuid("dossier_id")
    .primaryKey()
    .references(() => dossiers.id, { onDelete: "cascade" }),
  /** The dossier's `closed_at` when its clients were told. */
  closedAt: timestamp("closed_at", { withTimezone: true }).notNull(),
  noticedAt: timestamp("noticed_at", { withTimezone: true }).notNull(),
});

/**
 * A client login the retention round saw without any dossier (ADR 0023): since when, and how
 * far its deactivation and deletion have come. The row goes when the login has a dossier again.
 */
export const accountRetention = pgTable("account_retention", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  withoutDossiersSince: timestamp("without_dossiers_since", { withTimezone: true }).notNull(),
  deactivationNoticedAt: timestamp("deactivation_noticed_at", { withTimezone: true }),
  /** Set when the round deactivated the login; only such a login is reactivated by it. */
  deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
  deletionNoticedAt: timestamp("deletion_noticed_at", { withTimezone: true }),
});

/**
 * Blobs of deleted dossiers still to be removed from the store: written in the transaction that
 * deletes the rows pointing at them, removed once the blob is gone, so a crash in between leaves
 * the key here for the next round rather than an unreferenced blob for ever.
 */
export const retentionBlobDeletions = pgTable("retention_blob_deletions", {
  blobKey: text("blob_key").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});
