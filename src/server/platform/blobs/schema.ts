import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The namespaces whose objects from before the encryption at rest have all been sealed
 * (`sealExistingFiles`): once a namespace is here, a start looks no further.
 */
export const sealedNamespaces = pgTable("sealed_namespaces", {
  namespace: text("namespace").primaryKey(),
  sealedAt: timestamp("sealed_at", { withTimezone: true }).notNull(),
});
