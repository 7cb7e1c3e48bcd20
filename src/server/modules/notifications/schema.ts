import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts, clientMemberships } from "../accounts/schema.ts";
import { dossiers } from "../dossiers/schema.ts";
import { offices } from "../offices/schema.ts";

/**
 * One login that may be told something is new (ADR 0013): when it was last told, and which
 * round of bundling it is in. Every event locks this row before it adds a notice, and the job
 * that sends locks it too, so a notice is never missed nor told twice.
 */
export const noticeRecipients = pgTable("notice_recipients", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  /** Counts the rounds: each sending job belongs to one, and its singleton key names it. */
  round: integer("round").notNull().default(0),
  /** When this round's job runs; null: no job is planned (nothing waits). */
  roundJobAt: timestamp("round_job_at", { withTimezone: true }),
  /** When the last notice mail was queued. */
  lastNoticeAt: timestamp("last_notice_at", { withTimezone: true }),
  /** No next notice before this: the last one plus the bundle window (NOTIFY_BUNDLE_MINUTES). */
  quietUntil: timestamp("quiet_until", { withTimezone: true }),
});

/**
 * That something new waits for a login at an office: a kind, never what it is. Pending until
 * a notice mail told it (`mailId`) or it was settled without one (the preference was turned
 * off, the membership closed).
 */
export const notices = pgTable(
  "notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => noticeRecipients.accountId, { onDelete: "cascade" }),
    audience: text("audience", { enum: ["client", "staff"] }).notNull(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    /** A client's notice: the membership it is about; none for staff. */
    clientMembershipId: uuid("client_membership_id").references(() => clientMemberships.id, {
      onDelete: "cascade",
    }),
    dossierId: uuid("dossier_id").references(() => dossiers.id, { onDelete: "cascade" }),
    /** "retention": a closed dossier leaves the portal in 30 days (ADR 0023). */
    kind: text("kind", {
      enum: ["documents", "messages", "questionnaires", "retention"],
    }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    /** The notice mail that told it; null while pending, or when settled without a mail. */
    mailId: uuid("mail_id"),
  },
  (table) => [
    index("notices_pending_idx").on(table.accountId).where(sql`${table.settledAt} IS NULL`),
    index("notices_settled_idx").on(table.settledAt),
  ],
);
