import { z } from "zod";
import { multiLineText, singleLineText } from "../text.ts";
import {
  applicantContactsSchema,
  applicationScopeSchema,
  applicationStateSchema,
  identityDocumentTypeSchema,
} from "./applications.ts";
import { kvkCompanySchema } from "./kvk-company.ts";
import { levelSchema } from "./levels.ts";
import { checklistSchema } from "./review-checklist.ts";
import { authoritySchema } from "./signatures.ts";

/**
 * The supplier's back office (C5): the queue of applications by state, one application with
 * its checklist, the decisions, and the partner's face-to-face identification (EH3, EH4).
 */

/** The states the queue filters on: a draft is the applicant's own until submitted. */
export const queueStateSchema = applicationStateSchema.exclude(["draft"]);
export type QueueState = z.infer<typeof queueStateSchema>;

export const reviewQueueQuerySchema = z.object({ state: queueStateSchema.default("review") });

export const reviewQueueItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  state: queueStateSchema,
  companyName: z.string().nullable(),
  kvkNumber: z.string().nullable(),
  level: levelSchema.nullable(),
  userName: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

export const reviewQueueSchema = z.object({ applications: z.array(reviewQueueItemSchema) });

/** What was chosen in step 1, with the names of the services or provider for the reviewer. */
export const scopeDescriptionSchema = z.object({
  scope: applicationScopeSchema,
  /** The chosen services' or provider's names; empty for "all services". */
  names: z.array(z.string()),
});

export const reviewSignerSchema = z.object({
  id: z.uuid(),
  representativeId: z.string(),
  name: z.string(),
  authority: authoritySchema,
  signedAt: z.iso.datetime().nullable(),
  /** The representative refused to sign, with their reason (none once erased). */
  declinedAt: z.iso.datetime().nullable(),
  declineReason: z.string().nullable(),
  replacedAt: z.iso.datetime().nullable(),
});

export const reviewAttachmentSchema = z.object({
  id: z.uuid(),
  purpose: z.enum(["user-id", "representative-id"]),
  representativeId: z.string().nullable(),
  documentType: identityDocumentTypeSchema,
  expiresOn: z.iso.date(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});

/** The identification's progress, as both the reviewer (read-only) and the agent see it. */
export const identificationSummarySchema = z.object({
  id: z.uuid(),
  invitedAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  appointmentAt: z.iso.datetime().nullable(),
  appointmentPlace: z.string().nullable(),
  recordedAt: z.iso.datetime().nullable(),
  outcome: z.enum(["verified", "failed"]).nullable(),
});
export type IdentificationSummary = z.infer<typeof identificationSummarySchema>;

export const reviewApplicationSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  state: applicationStateSchema,
  level: levelSchema.nullable(),
  scope: scopeDescriptionSchema.nullable(),
  user: applicantContactsSchema.extend({ worksForCompany: z.boolean().nullable() }),
  company: kvkCompanySchema.nullable(),
  branchNumber: z.string().nullable(),
  signers: z.array(reviewSignerSchema),
  attachments: z.array(reviewAttachmentSchema),
  checklist: checklistSchema,
  submittedAt: z.iso.datetime().nullable(),
  signedAt: z.iso.datetime().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
  issuedAt: z.iso.datetime().nullable(),
  erasedAt: z.iso.datetime().nullable(),
  identification: identificationSummarySchema.nullable(),
});
export type ReviewApplication = z.infer<typeof reviewApplicationSchema>;

export const REJECTION_REASON_MAX = 2000;

/** "Afwijzen": the reason is mailed to the user, so it cannot be empty. */
export const rejectApplicationSchema = z.object({
  reason: multiLineText(REJECTION_REASON_MAX).pipe(z.string().min(1)),
});
export type RejectApplication = z.infer<typeof rejectApplicationSchema>;

/** The partner agent's list: identifications not yet recorded, earliest due first. */
export const identificationListItemSchema = identificationSummarySchema.extend({
  applicationId: z.uuid(),
  reference: z.string(),
  level: levelSchema,
  userName: z.string().nullable(),
  companyName: z.string().nullable(),
});
export const identificationListSchema = z.object({
  identifications: z.array(identificationListItemSchema),
});

/** What the agent sees of one identification: whom to meet, and what was recorded. */
export const identificationDetailSchema = identificationListItemSchema.extend({
  userEmail: z.string().nullable(),
  userMobile: z.string().nullable(),
  kvkNumber: z.string().nullable(),
  documentType: identityDocumentTypeSchema.nullable(),
  documentExpiresOn: z.iso.date().nullable(),
  photoMatches: z.boolean().nullable(),
  placeOfCheck: z.string().nullable(),
  notes: z.string().nullable(),
  /** The application's state: an identification is only recorded while it is "identification". */
  applicationState: z.string(),
});
export type IdentificationDetail = z.infer<typeof identificationDetailSchema>;

export const PLACE_MAX = 300;

/** "Afspraak plannen": when and where the agent meets the user. */
export const planAppointmentSchema = z.object({
  appointmentAt: z.iso.datetime({ offset: true }),
  place: singleLineText(PLACE_MAX).pipe(z.string().min(1)),
});
export type PlanAppointment = z.infer<typeof planAppointmentSchema>;

/** The check of the original ID, face to face. The number is sealed at rest. */
export const recordIdentificationSchema = z.object({
  documentType: identityDocumentTypeSchema,
  documentNumber: singleLineText(40).pipe(
    z.string().regex(/^[A-Za-z0-9]{6,20}$/, { error: "invalid_document_number" }),
  ),
  documentExpiresOn: z.iso.date(),
  photoMatches: z.boolean(),
  placeOfCheck: singleLineText(PLACE_MAX).pipe(z.string().min(1)),
  outcome: z.enum(["verified", "failed"]),
  notes: multiLineText(2000).optional(),
});
export type RecordIdentification = z.infer<typeof recordIdentificationSchema>;
