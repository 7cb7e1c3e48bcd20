import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A notary office (kantoorvestiging) as the member administration knows it: the tenant of the
 * client portal, and later the holder of an office certificate.
 */
export const offices = pgTable("offices", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** The member administration's number for the office (debiteurnummer), e.g. 101234. */
  debtorNumber: text("debtor_number").notNull().unique(),
  /** The registered address; its domain is the office's mail domain. */
  email: text("email").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});
