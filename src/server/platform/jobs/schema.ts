import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    payload: jsonb("payload").notNull(),
    /** queued → active → completed | failed; a failed attempt with tries left goes back to queued. */
    state: text("state", { enum: ["queued", "active", "completed", "failed"] })
      .notNull()
      .default("queued"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    lockMs: integer("lock_ms").notNull(),
    /** While active: after this moment the worker is presumed dead and another may take over. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    /** At most one job per key, ever: makes enqueueing idempotent (cron ticks, reminders). */
    singletonKey: text("singleton_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    index("jobs_due_idx").on(table.runAt).where(sql`${table.state} = 'queued'`),
    index("jobs_active_idx").on(table.lockedUntil).where(sql`${table.state} = 'active'`),
  ],
);

export const jobSchedules = pgTable("job_schedules", {
  name: text("name").primaryKey(),
  cron: text("cron").notNull(),
  timezone: text("timezone").notNull(),
  jobName: text("job_name").notNull(),
  payload: jsonb("payload").notNull(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull(),
});
