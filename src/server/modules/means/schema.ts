import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/schema.ts";
import { catalogueServices, serviceProviders } from "../service-catalogue/schema.ts";

/**
 * An eHerkenning means (middel): personal, held by one account of kind "means", at a level.
 * The holder logs in with its password and the second factor of the level (ADR 0015).
 */
export const means = pgTable(
  "means",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .unique()
      .references(() => accounts.id),
    level: text("level", { enum: ["EH2+", "EH3", "EH4"] }).notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (table) => [index("means_account_idx").on(table.accountId)],
);

/**
 * An authorization (machtiging) of a means to act for a company: for one service, all services
 * of one provider, or all services up to a level; optionally limited to one branch; valid for
 * at most five years.
 */
export const authorizations = pgTable(
  "authorizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meansId: uuid("means_id")
      .notNull()
      .references(() => means.id),
    scopeKind: text("scope_kind", { enum: ["service", "provider", "level"] }).notNull(),
    serviceId: uuid("service_id").references(() => catalogueServices.id),
    providerId: uuid("provider_id").references(() => serviceProviders.id),
    /** The level the authorization was granted at (a scope "level" covers services up to it). */
    level: text("level", { enum: ["EH2+", "EH3", "EH4"] }).notNull(),
    kvkNumber: text("kvk_number").notNull(),
    companyName: text("company_name").notNull(),
    rsin: text("rsin"),
    /** A 12-digit vestigingsnummer when the authorization is limited to that branch. */
    branchNumber: text("branch_number"),
    /** The application that granted it (or renewed it). */
    applicationId: uuid("application_id"),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    validUntil: timestamp("valid_until", { withTimezone: true }).notNull(),
    /** When the renewal reminder was mailed (30 days ahead), so it goes once. */
    renewalRemindedAt: timestamp("renewal_reminded_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("authorizations_means_idx").on(table.meansId),
    index("authorizations_kvk_idx").on(table.kvkNumber),
    index("authorizations_valid_until_idx").on(table.validUntil),
  ],
);
