import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/schema.ts";
import { authorizations } from "../means/schema.ts";

/**
 * The identity provider's signing key and its self-signed certificate (ADR 0016). One row,
 * created on first use; the private key is sealed with the SecretBox like the CA's keys, so a
 * database dump does not let anyone sign assertions.
 */
export const idpKeys = pgTable("idp_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** One row only: the unique constant makes a second insert by a racing instance conflict. */
  purpose: text("purpose", { enum: ["signing"] })
    .notNull()
    .unique(),
  privateKeySealed: text("private_key_sealed").notNull(),
  certificatePem: text("certificate_pem").notNull(),
  notAfter: timestamp("not_after", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * A service provider that may send AuthnRequests to the IdP, registered from its SAML metadata:
 * where its responses go, the certificates it signs and encrypts with, and the catalogue services
 * it may ask for (by AttributeConsumingServiceIndex).
 */
export const samlServiceProviders = pgTable("saml_service_providers", {
  id: uuid("id").primaryKey().defaultRandom(),
  entityId: text("entity_id").notNull().unique(),
  name: text("name").notNull(),
  /** The metadata as registered: kept to show and to register again after a change. */
  metadataXml: text("metadata_xml").notNull(),
  /** Its AssertionConsumerService endpoints: `[{ url, binding }]`. */
  acsEndpoints: text("acs_endpoints").notNull(),
  /** Its SingleLogoutService endpoints: `[{ url, binding }]`. */
  sloEndpoints: text("slo_endpoints").notNull().default("[]"),
  /** Base64 DER, as in metadata; absent for an SP that does not sign its requests. */
  signingCertificate: text("signing_certificate"),
  /** Base64 DER; the acting subject's pseudonym is encrypted to it when present. */
  encryptionCertificate: text("encryption_certificate"),
  /** The SP's metadata says AuthnRequestsSigned: unsigned requests of it are refused. */
  authnRequestsSigned: boolean("authn_requests_signed").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
});

/** The catalogue services (by id) an SP may ask for. */
export const samlServiceProviderServices = pgTable(
  "saml_service_provider_services",
  {
    serviceProviderId: uuid("service_provider_id")
      .notNull()
      .references(() => samlServiceProviders.id, { onDelete: "cascade" }),
    /** A `catalogue_services.id`; no foreign key across modules' tables is needed for a lookup. */
    catalogueServiceId: uuid("catalogue_service_id").notNull(),
  },
  (table) => [unique("saml_sp_services_key").on(table.serviceProviderId, table.catalogueServiceId)],
);

/**
 * An AuthnRequest the IdP accepted, kept while its user logs in: found by the hash of the token
 * in the browser's cookie. Its `request_id` is unique per SP, so a replayed request is refused
 * while the row lives (rows are kept until `expires_at` passes, well past IssueInstant's
 * freshness window), and `answered_at` makes sure one request gets one Response.
 */
export const samlPendingLogins = pgTable(
  "saml_pending_logins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    serviceProviderId: uuid("service_provider_id")
      .notNull()
      .references(() => samlServiceProviders.id),
    requestId: text("request_id").notNull(),
    acsUrl: text("acs_url").notNull(),
    relayState: text("relay_state"),
    demandedLevel: text("demanded_level", { enum: ["EH2+", "EH3", "EH4"] }).notNull(),
    catalogueServiceId: uuid("catalogue_service_id").notNull(),
    serviceIndex: integer("service_index").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** The means account that logged in and the authorization it acted on, once answered. */
    accountId: uuid("account_id").references(() => accounts.id),
    authorizationId: uuid("authorization_id").references(() => authorizations.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** The signed Response (base64), delivered once by the auto-posting page, then cleared. */
    responseBase64: text("response_base64"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (table) => [
    unique("saml_pending_logins_request_key").on(table.serviceProviderId, table.requestId),
    index("saml_pending_logins_expires_idx").on(table.expiresAt),
  ],
);

/**
 * The IdP's sessions at SPs, for single logout: which SP got an assertion for which means
 * account, under which SessionIndex and NameID (the pseudonym).
 */
export const samlIdpSessions = pgTable(
  "saml_idp_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionIndex: text("session_index").notNull().unique(),
    serviceProviderId: uuid("service_provider_id")
      .notNull()
      .references(() => samlServiceProviders.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    nameId: text("name_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [index("saml_idp_sessions_account_idx").on(table.accountId)],
);
