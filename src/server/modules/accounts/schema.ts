import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { offices } from "../offices/schema.ts";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
};

/** A client of an office: a person, or a company whose accounts act for it. */
export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    kind: text("kind", { enum: ["person", "company"] }).notNull(),
    name: text("name").notNull(),
    /**
     * A company's KvK number, as the office registered it: the legal subject of an eHerkenning
     * login picks the company client of the office by it (issue 15). Unique per office.
     */
    kvkNumber: text("kvk_number"),
    ...timestamps,
  },
  (table) => [
    index("clients_office_idx").on(table.officeId),
    uniqueIndex("clients_office_kvk_idx")
      .on(table.officeId, table.kvkNumber)
      .where(sql`${table.kvkNumber} IS NOT NULL`),
  ],
);

/**
 * The role of an office's own practice software (the office API, issue 16): a staff account
 * without a password, which never logs in and is listed nowhere, that the office certificate
 * acts as, so that what the software publishes is the office's like a staff member's work.
 */
export const OFFICE_SOFTWARE_ROLE = "office-software";

/**
 * Everyone who logs in with e-mail and password: clients (a person's login, with which they act
 * for clients of one or more offices: see `clientMemberships`), office staff, and platform staff
 * (servicedesk, member administration). An e-mail address identifies one account per kind.
 */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["client", "staff", "platform", "means", "supplier"] }).notNull(),
    /** Staff: the staff member's office. Clients and platform staff: none (ADR 0011). */
    officeId: uuid("office_id").references(() => offices.id),
    /**
     * Staff: admin | notary | handler | assistant. Platform: servicedesk | member-admin.
     * Supplier: admin | reviewer | partner-agent. Means holders: none.
     */
    role: text("role"),
    email: text("email").notNull(),
    name: text("name").notNull(),
    mobile: text("mobile"),
    locale: text("locale", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    status: text("status", { enum: ["invited", "active", "deactivated"] })
      .notNull()
      .default("invited"),
    passwordHash: text("password_hash"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    twoFactorMethod: text("two_factor_method", { enum: ["none", "sms", "totp"] })
      .notNull()
      .default("none"),
    twoFactorPhone: text("two_factor_phone"),
    /**
     * The one second-step method this account may set up, when it is held to one: an
     * eHerkenning means needs the factor of its level (SMS for EH2+, an app for EH3 and EH4).
     */
    requiredSecondFactor: text("required_second_factor", { enum: ["sms", "totp"] }),
    /** Encrypted with the secret key (platform/security/secret-box). */
    totpSecret: text("totp_secret"),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    totpLastStep: integer("totp_last_step"),
    notifyDocuments: boolean("notify_documents").notNull().default(true),
    notifyQuestionnaires: boolean("notify_questionnaires").notNull().default(true),
    notifyMessages: boolean("notify_messages").notNull().default(true),
    /** Set at the first login, after which "Mijn gegevens" no longer opens first. */
    profileSeenAt: timestamp("profile_seen_at", { withTimezone: true }),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("accounts_kind_email_idx").on(table.kind, table.email),
    index("accounts_office_idx").on(table.officeId),
  ],
);

/**
 * A client login's place at an office: the login acts for this client (a person, or a company
 * as its main or an extra account) of this office. One login may have several, at one or more
 * offices (ADR 0011); each office sees only its own.
 */
export const clientMemberships = pgTable(
  "client_memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    /** A company's main account manages its extra accounts. */
    isMainAccount: boolean("is_main_account").notNull().default(false),
    /** The person's name as the office (or the company's main account) entered it. */
    name: text("name").notNull(),
    /** When the office (or company) last sent its invitation: its own "pending" runs from here. */
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull(),
    /** The first time the person acted for this membership; until then the office sees "invited". */
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    /** The office withdrew its invitation before the person came: the membership is closed. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("client_memberships_account_client_idx").on(table.accountId, table.clientId),
    index("client_memberships_client_idx").on(table.clientId),
    index("client_memberships_office_idx").on(table.officeId),
  ],
);

/** Single-use links mailed to an account, stored as a hash of the token. */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    purpose: text("purpose", {
      enum: ["invitation", "email-confirmation", "password-reset"],
    }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** Set when a newer link replaced this one, or staff revoked it. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index("account_tokens_account_idx").on(table.accountId, table.purpose)],
);

/** Server-side sessions; the cookie holds a random token, the row its hash. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** A session is only complete after the second step, when the account has one. */
    stage: text("stage", { enum: ["second-factor", "complete"] }).notNull(),
    /**
     * How the login was proven: a password (and the account's second step), or an eHerkenning
     * means, whose level stands for the second step; logout then ends the IdP's session too.
     */
    signOn: text("sign_on", { enum: ["password", "eherkenning"] })
      .notNull()
      .default("password"),
    /** A client's session: the membership (office and client) it acts for; none until chosen. */
    clientMembershipId: uuid("client_membership_id").references(() => clientMemberships.id, {
      onDelete: "set null",
    }),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index("sessions_account_idx").on(table.accountId).where(sql`${table.endedAt} IS NULL`),
  ],
);

/** Single-use recovery codes for when the second factor is out of reach; stored hashed. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index("recovery_codes_account_idx").on(table.accountId)],
);

/** Codes sent by SMS, to log in or to confirm a new mobile number; stored hashed. */
export const verificationCodes = pgTable(
  "verification_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["login", "enroll-sms"] }).notNull(),
    codeHash: text("code_hash").notNull(),
    phone: text("phone").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index("verification_codes_account_idx").on(table.accountId, table.purpose)],
);
