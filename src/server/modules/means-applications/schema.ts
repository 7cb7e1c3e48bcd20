import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { ApplicationScope } from "#src/contracts/eherkenning/applications.ts";
import type { KvkCompany } from "#src/contracts/eherkenning/kvk-company.ts";
import { accounts } from "../accounts/schema.ts";
import { means } from "../means/schema.ts";

/**
 * An application for an eHerkenning means (SPEC C1–C6, ADR 0015), started by its future user
 * without an account: the applicant's browser holds a random token whose hash is kept here.
 * It moves through the states in `applicationStateSchema`; personal data of a rejected or
 * abandoned one is erased after `EH_RETENTION_DAYS`, leaving the row and its audit trail.
 */
export const meansApplications = pgTable(
  "means_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What the applicant and the supplier quote: "EH-" and 8 characters. */
    reference: text("reference").notNull().unique(),
    state: text("state", {
      enum: ["draft", "signing", "review", "identification", "issued", "rejected", "abandoned"],
    }).notNull(),
    accessTokenHash: text("access_token_hash").notNull().unique(),
    locale: text("locale", { enum: ["nl", "en"] }).notNull(),
    /** Step 1: what the means is for (services, one provider's, or all). */
    scope: jsonb("scope").$type<ApplicationScope>(),
    level: text("level", { enum: ["EH2+", "EH3", "EH4"] }),
    /** Step 2: the user, each contact verified by a code. */
    userName: text("user_name"),
    userEmail: text("user_email"),
    userEmailVerifiedAt: timestamp("user_email_verified_at", { withTimezone: true }),
    userMobile: text("user_mobile"),
    userMobileVerifiedAt: timestamp("user_mobile_verified_at", { withTimezone: true }),
    /** The company as the KvK register gave it when chosen (representatives and branches). */
    company: jsonb("company").$type<KvkCompany>(),
    kvkNumber: text("kvk_number"),
    /** The authorization is limited to this branch when set. */
    branchNumber: text("branch_number"),
    userWorksForCompany: boolean("user_works_for_company"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** Signatures became sufficient: the application entered the review queue. */
    signedAt: timestamp("signed_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by").references(() => accounts.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    rejectionReason: text("rejection_reason"),
    meansId: uuid("means_id").references(() => means.id),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    /** Personal data erased after the retention period (rejected or abandoned). */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("means_applications_state_idx").on(table.state, table.updatedAt),
    check(
      "means_applications_rejection_check",
      sql`(${table.state} = 'rejected') = (${table.rejectionReason} is not null)`,
    ),
  ],
);

/**
 * A KvK representative chosen to sign an application, mailed a link to review and sign it;
 * the signature is confirmed by a code to their phone or mail. A replaced signer's link stops
 * working.
 */
export const applicationSigners = pgTable(
  "application_signers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => meansApplications.id, { onDelete: "cascade" }),
    /** The representative's id in the company snapshot. */
    representativeId: text("representative_id").notNull(),
    name: text("name").notNull(),
    /** azb | gb | nb | v | b, as the register gave it. */
    authority: text("authority", { enum: ["azb", "gb", "nb", "v", "b"] }).notNull(),
    email: text("email").notNull(),
    mobile: text("mobile"),
    linkTokenHash: text("link_token_hash").notNull().unique(),
    /** When the signing link was last mailed; none while the application is a draft. */
    linkSentAt: timestamp("link_sent_at", { withTimezone: true }),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    /** The representative refused to sign, with the reason they gave (mailed to the user). */
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    replacedAt: timestamp("replaced_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("application_signers_application_idx").on(table.applicationId)],
);

/**
 * A code sent to prove a contact: the applicant's e-mail address or mobile number (step 2), or
 * a signer's phone or mail when signing. Stored as a hash; single use, few attempts.
 */
export const applicationCodes = pgTable(
  "application_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => meansApplications.id, { onDelete: "cascade" }),
    signerId: uuid("signer_id").references(() => applicationSigners.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["user-email", "user-mobile", "signature"] }).notNull(),
    /** The address or number the code went to: a verified contact is exactly this one. */
    target: text("target").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("application_codes_application_idx").on(table.applicationId, table.purpose)],
);

/**
 * A copy of an identity document attached in step 3, checked like every upload (type by
 * content, virus scan) and kept in the blob store; what the applicant says of the document
 * is beside it for the reviewer to check against the copy.
 */
export const applicationAttachments = pgTable(
  "application_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => meansApplications.id, { onDelete: "cascade" }),
    /** Whose ID: the user's, or a signing representative's (EH4). */
    purpose: text("purpose", { enum: ["user-id", "representative-id"] }).notNull(),
    representativeId: text("representative_id"),
    documentType: text("document_type", {
      enum: ["passport", "identity-card", "driving-licence", "residence-permit"],
    }).notNull(),
    expiresOn: date("expires_on").notNull(),
    fileName: text("file_name").notNull(),
    /** Determined from the content, never taken from the uploader. */
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    blobKey: text("blob_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("application_attachments_application_idx").on(table.applicationId)],
);

/**
 * The face-to-face identification of EH3 and EH4 by the partner (AMP Groep): invited when the
 * review approves, to be done within 30 days, recorded by the partner's agent.
 */
export const identifications = pgTable(
  "identifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .unique()
      .references(() => meansApplications.id, { onDelete: "cascade" }),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull(),
    /** The end of the window: after it the identification can no longer be recorded. */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    appointmentAt: timestamp("appointment_at", { withTimezone: true }),
    appointmentPlace: text("appointment_place"),
    agentAccountId: uuid("agent_account_id").references(() => accounts.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
    documentType: text("document_type", {
      enum: ["passport", "identity-card", "driving-licence", "residence-permit"],
    }),
    /** The document's number, sealed with the secret key. */
    documentNumberSealed: text("document_number_sealed"),
    documentExpiresOn: date("document_expires_on"),
    photoMatches: boolean("photo_matches"),
    placeOfCheck: text("place_of_check"),
    outcome: text("outcome", { enum: ["verified", "failed"] }),
    notes: text("notes"),
  },
  (table) => [index("identifications_due_idx").on(table.dueAt)],
);
