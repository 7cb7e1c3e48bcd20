import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Which demo-data steps a database has had, so seeding again adds only what is new. */
export const demoSeedSteps = pgTable("demo_seed_steps", {
  name: text("name").primaryKey(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull(),
});
