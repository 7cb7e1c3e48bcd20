import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { accounts, clientMemberships, clients, sessions } from "../accounts/schema.ts";
import { offices } from "../offices/schema.ts";

/**
 * The client portal's own key as a SAML service provider (ADR 0017): it signs the
 * AuthnRequests and LogoutRequests and decrypts the acting subject's pseudonym. One row, made on
 * first use, the private key sealed like the IdP's and the CA's.
 */
export const portalSpKeys = pgTable("portal_sp_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** One row only: a racing second instance's insert conflicts on the constant. */
  purpose: text("purpose", { enum: ["signing-and-encryption"] })
    .notNull()
    .unique(),
  privateKeySealed: text("private_key_sealed").notNull(),
  certificatePem: text("certificate_pem").notNull(),
  notAfter: timestamp("not_after", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * An AuthnRequest the portal sent for an office, bound to the browser that sent it by the hash
 * of a cookie token: the Response must answer an open request of this browser, once
 * (`consumed_at`), before `expires_at`.
 */
export const portalSamlRequests = pgTable(
  "portal_saml_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: text("request_id").notNull().unique(),
    browserTokenHash: text("browser_token_hash").notNull(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    demandedLevel: text("demanded_level", { enum: ["EH2+", "EH3", "EH4"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (table) => [index("portal_saml_requests_expires_idx").on(table.expiresAt)],
);

/**
 * A person's eHerkenning (the IdP's pseudonym for the portal) acting for a company client, and
 * the portal account it logs in as. It starts as a request from the browser that logged in
 * (`browser_token_hash`); a one-time link mailed to the chosen account (the company's main
 * account, or an extra account) lets that account approve it, after which `account_id` and
 * `membership_id` are set and later logins go straight in.
 */
export const portalEherkenningLinks = pgTable(
  "portal_eherkenning_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idpEntityId: text("idp_entity_id").notNull(),
    pseudonym: text("pseudonym").notNull(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    /** The legal subject the IdP named, as it was at the latest login. */
    kvkNumber: text("kvk_number").notNull(),
    /** The browser that came with the unknown pseudonym, until the link is approved. */
    browserTokenHash: text("browser_token_hash"),
    browserExpiresAt: timestamp("browser_expires_at", { withTimezone: true }),
    /** When the person asked for the approval link (the mail follows from a job). */
    approvalRequestedAt: timestamp("approval_requested_at", { withTimezone: true }),
    /** The membership whose account was asked to approve, and its one-time link. */
    requestedMembershipId: uuid("requested_membership_id").references(() => clientMemberships.id, {
      onDelete: "set null",
    }),
    approvalTokenHash: text("approval_token_hash").unique(),
    approvalExpiresAt: timestamp("approval_expires_at", { withTimezone: true }),
    /** Set at approval: the login this eHerkenning acts as, for this client. */
    membershipId: uuid("membership_id").references(() => clientMemberships.id, {
      onDelete: "cascade",
    }),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    unique("portal_eherkenning_links_subject_key").on(
      table.idpEntityId,
      table.pseudonym,
      table.clientId,
    ),
    index("portal_eherkenning_links_browser_idx").on(table.browserTokenHash),
    index("portal_eherkenning_links_account_idx").on(table.accountId),
  ],
);

/**
 * A portal session that began with an eHerkenning login: what the IdP's single logout needs
 * (its NameID and SessionIndex), so that logging out of the portal ends the IdP's session too.
 */
export const portalSamlSessions = pgTable("portal_saml_sessions", {
  sessionId: uuid("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  idpEntityId: text("idp_entity_id").notNull(),
  nameId: text("name_id").notNull(),
  sessionIndex: text("session_index"),
  level: text("level", { enum: ["EH2+", "EH3", "EH4"] }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});
