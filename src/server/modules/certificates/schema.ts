import {
  bigint,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/schema.ts";
import { offices } from "../offices/schema.ts";

// node-postgres reads bytea as a Buffer, PGlite as a plain Uint8Array: both become a Buffer.
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * The root CA and the issuing CA that signs office certificates. The private key is sealed
 * with the secret key (never stored in the clear); a CA created anew replaces the active one.
 */
export const certificateAuthorities = pgTable(
  "certificate_authorities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    role: text("role", { enum: ["root", "issuing"] }).notNull(),
    certificatePem: text("certificate_pem").notNull(),
    sealedPrivateKey: text("sealed_private_key").notNull(),
    keyAlgorithm: text("key_algorithm", { enum: ["rsa-2048", "p-256"] }).notNull(),
    notAfter: timestamp("not_after", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("certificate_authorities_role_idx").on(table.role, table.createdAt)],
);

/** The newest CRL of each CA, kept whole so it is served without signing on each request. */
export const revocationLists = pgTable("revocation_lists", {
  authorityId: uuid("authority_id")
    .primaryKey()
    .references(() => certificateAuthorities.id),
  crlNumber: bigint("crl_number", { mode: "number" }).notNull(),
  thisUpdate: timestamp("this_update", { withTimezone: true }).notNull(),
  nextUpdate: timestamp("next_update", { withTimezone: true }).notNull(),
  der: bytea("der").notNull(),
});

/** An office certificate as issued; the database is the source of truth on its revocation. */
export const officeCertificates = pgTable(
  "office_certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => certificateAuthorities.id),
    /** Lower-case hex, 128 bits. */
    serialNumber: text("serial_number").notNull().unique(),
    certificatePem: text("certificate_pem").notNull(),
    keyAlgorithm: text("key_algorithm", { enum: ["rsa-2048", "p-256"] }).notNull(),
    /** Where the PKCS#12 was mailed. */
    sentTo: text("sent_to").notNull(),
    notBefore: timestamp("not_before", { withTimezone: true }).notNull(),
    notAfter: timestamp("not_after", { withTimezone: true }).notNull(),
    issuedVia: text("issued_via", { enum: ["self-service", "servicedesk", "operator"] }).notNull(),
    issuedByAccountId: uuid("issued_by_account_id").references(() => accounts.id),
    /** Set when a newer certificate for the office replaced this one. */
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    /** A servicedesk reissue revokes the old certificate this much later (A8). */
    revokeAt: timestamp("revoke_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revocationReason: text("revocation_reason", {
      enum: ["keyCompromise", "superseded", "cessationOfOperation", "unspecified"],
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("office_certificates_office_idx").on(table.officeId, table.notAfter),
    index("office_certificates_expiry_idx").on(table.notAfter),
  ],
);

/**
 * Each certificate's OCSP response without a nonce, signed ahead (at issuance, at revocation,
 * renewed by a job) so the responder serves the common request without signing, from any
 * instance. The response names the CA that signed it, and answers only for that CA.
 */
export const ocspResponses = pgTable("ocsp_responses", {
  certificateId: uuid("certificate_id")
    .primaryKey()
    .references(() => officeCertificates.id),
  authorityId: uuid("authority_id")
    .notNull()
    .references(() => certificateAuthorities.id),
  /** What the response says; a "revoked" one is never replaced by a "good" one. */
  status: text("status", { enum: ["good", "revoked"] }).notNull(),
  thisUpdate: timestamp("this_update", { withTimezone: true }).notNull(),
  nextUpdate: timestamp("next_update", { withTimezone: true }).notNull(),
  /** The whole OCSPResponse, as sent. */
  der: bytea("der").notNull(),
});

/** Each expiry mail (40 and 20 days) once per certificate, whatever runs twice. */
export const expiryReminders = pgTable(
  "certificate_expiry_reminders",
  {
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => officeCertificates.id),
    daysBefore: integer("days_before").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.certificateId, table.daysBefore] })],
);

/** The servicedesk demands that an office replaces its certificate at once (A11). */
export const reissueDemands = pgTable(
  "certificate_reissue_demands",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    reason: text("reason").notNull(),
    demandedByAccountId: uuid("demanded_by_account_id").references(() => accounts.id),
    demandedAt: timestamp("demanded_at", { withTimezone: true }).notNull(),
    /** Set when the office requested its new certificate. */
    metAt: timestamp("met_at", { withTimezone: true }),
  },
  (table) => [index("certificate_reissue_demands_office_idx").on(table.officeId)],
);

/**
 * A self-service login (office certificate + staff password) opens one request form; its token,
 * bound to the certificate presented, is what the form submits. The token makes the submit
 * idempotent, so a double click never issues two certificates, and it expires.
 */
export const certificateRequests = pgTable(
  "certificate_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => offices.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    /** The serial of the office certificate the login was made with. */
    presentedSerial: text("presented_serial").notNull(),
    /** The certificate this request issued, once submitted. */
    certificateId: uuid("certificate_id").references(() => officeCertificates.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex("certificate_requests_token_idx").on(table.tokenHash)],
);
