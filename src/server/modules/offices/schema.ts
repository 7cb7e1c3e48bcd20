import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A notary office (kantoorvestiging) as the member administration knows it: the tenant of the
 * client portal, and later the holder of an office certificate.
 */
export const offices = pgTable(
  "offices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The member administration's number for the office (debiteurnummer), e.g. 101234. */
    debtorNumber: text("debtor_number").notNull().unique(),
    /** The registered address; its domain is the office's mail domain. */
    email: text("email").notNull(),
    /**
     * Months after which a completed or cancelled dossier leaves the client portal (ADR 0023),
     * counted from its closing; set by the office's admins under "Instellingen".
     */
    retentionMonths: integer("retention_months").notNull().default(12),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    check("offices_retention_months_check", sql`${table.retentionMonths} between 3 and 120`),
  ],
);
