import { z } from "zod";
import { emailAddressSchema } from "../offices.ts";
import { optionalPhoneNumberSchema, phoneNumberSchema } from "../phone-number.ts";
import { multiLineText, singleLineText } from "../text.ts";
import {
  applicantContactsSchema,
  applicationScopeSchema,
  applicationStateSchema,
  identityDocumentTypeSchema,
} from "./applications.ts";
import { kvkCompanySchema } from "./kvk-company.ts";
import { branchNumberSchema, kvkNumberSchema } from "./kvk-numbers.ts";
import { levelSchema } from "./levels.ts";
import { authoritySchema } from "./signatures.ts";

/**
 * The application wizard (SPEC C2–C5, the seed's five steps) and the representatives' signing
 * page: what the applicant's browser sends per step, and what it gets back.
 */

/** A code typed over from a mail or a text message: six digits, spaces forgiven. */
export const confirmationCodeSchema = z
  .string()
  .max(20)
  .overwrite((typed) => typed.replace(/\s/g, ""))
  .regex(/^\d{6}$/, { error: "invalid_code" });

/** Step 1: what for, and at which level (never lower than the services demand). */
export const saveScopeSchema = z.object({
  scope: applicationScopeSchema,
  /** Absent: the level the chosen services demand (EH3 for "all services"). */
  level: levelSchema.optional(),
});
export type SaveScope = z.infer<typeof saveScopeSchema>;

/** Step 2, the user: their own name, e-mail address and mobile number. */
export const saveUserSchema = z.object({
  name: singleLineText(200).min(2),
  email: emailAddressSchema,
  mobile: phoneNumberSchema,
});
export type SaveUser = z.infer<typeof saveUserSchema>;

/** Which of the user's contacts a code proves. */
export const contactSchema = z.enum(["email", "mobile"]);
export type Contact = z.infer<typeof contactSchema>;

export const sendContactCodeSchema = z.object({ contact: contactSchema });
export const verifyContactCodeSchema = z.object({
  contact: contactSchema,
  code: confirmationCodeSchema,
});

export const companyLookupSchema = z.object({ kvkNumber: kvkNumberSchema });

/** A representative chosen to sign, with where their link and code go. */
export const chosenSignerSchema = z.object({
  representativeId: z.string().min(1).max(200),
  email: emailAddressSchema,
  mobile: optionalPhoneNumberSchema,
});
export type ChosenSigner = z.infer<typeof chosenSignerSchema>;

/** Step 2, the company: found by KvK number, optionally one branch, and who will sign. */
export const saveCompanySchema = z.object({
  kvkNumber: kvkNumberSchema,
  /** Empty or absent: the authorization holds for the whole company. */
  branchNumber: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(branchNumberSchema.optional())
    .optional(),
  userWorksForCompany: z.boolean(),
  signers: z
    .array(chosenSignerSchema)
    .min(1)
    .max(20)
    .refine(
      (signers) =>
        new Set(signers.map((signer) => signer.representativeId)).size === signers.length,
      { error: "duplicate_signer" },
    ),
});
export type SaveCompany = z.infer<typeof saveCompanySchema>;

/** The text fields of the ID copy's upload form, sent before the file. */
export const idCopyFieldsSchema = z.object({
  documentType: identityDocumentTypeSchema,
  /** The last day the document is valid, as the date input sends it. */
  expiresOn: z.iso.date(),
});
export type IdCopyFields = z.infer<typeof idCopyFieldsSchema>;

/** "Vervangen": another representative of the company signs instead. */
export const replaceSignerSchema = chosenSignerSchema;

/** Restoring the browser's hold on an application from the mailed link. */
export const applicationLinkSchema = z.object({ token: z.string().min(20).max(100) });

/** Declining to sign, with the reason the user is told. */
export const declineSignatureSchema = z.object({ reason: multiLineText(1000).min(3) });
export const signSchema = z.object({ code: confirmationCodeSchema });

/** How many signatures the level needs of the company's representatives. */
export const signatureNeedSchema = z.object({
  kind: z.enum(["sole", "joint", "all"]),
  count: z.number().int(),
  of: z.number().int(),
});

export const companyLookupResultSchema = z.object({
  company: kvkCompanySchema,
  /** Absent when no combination of the company's representatives can sign at the level. */
  signaturesNeeded: signatureNeedSchema.optional(),
});

/** A service the application covers, as the applicant chose it (or its provider's). */
export const scopeServiceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  providerName: z.string(),
  level: levelSchema,
});

export const signerStatusSchema = z.enum(["chosen", "waiting", "signed", "declined", "replaced"]);
export type SignerStatus = z.infer<typeof signerStatusSchema>;

export const applicationSignerSchema = z.object({
  id: z.uuid(),
  representativeId: z.string(),
  name: z.string(),
  authority: authoritySchema,
  email: z.string(),
  mobile: z.string().nullable(),
  status: signerStatusSchema,
  /** When the signing link was last mailed; none while a draft. */
  linkSentAt: z.iso.datetime().nullable(),
  signedAt: z.iso.datetime().nullable(),
  /** The representative refused to sign, with their reason (also when replaced since). */
  declinedAt: z.iso.datetime().nullable(),
  declineReason: z.string().nullable(),
});
export type ApplicationSigner = z.infer<typeof applicationSignerSchema>;

export const applicationAttachmentSchema = z.object({
  id: z.uuid(),
  documentType: identityDocumentTypeSchema,
  expiresOn: z.iso.date(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type ApplicationAttachment = z.infer<typeof applicationAttachmentSchema>;

/** What step 2 ("Wie") fills in: the wizard resumes there while one of these is missing. */
export const stepTwoParts = [
  "userName",
  "emailVerified",
  "mobileVerified",
  "company",
  "signers",
  "signaturesUnattainable",
] as const;

/** What still keeps the application from being submitted, for the web to say in words. */
export const missingPartSchema = z.enum([
  "scope",
  ...stepTwoParts,
  "idCopy",
  "idCopyExpiresTooSoon",
]);
export type MissingPart = z.infer<typeof missingPartSchema>;

/** The applicant's own view of their application: the wizard's data and the follow page. */
export const applicationViewSchema = z.object({
  reference: z.string(),
  state: applicationStateSchema,
  /** The wizard step to resume at (1–4) while a draft. */
  resumeStep: z.number().int().min(1).max(4),
  scope: applicationScopeSchema.nullable(),
  level: levelSchema.nullable(),
  /** The highest level the chosen services demand; null for "all services" or no choice yet. */
  demandedLevel: levelSchema.nullable(),
  scopeServices: z.array(scopeServiceSchema),
  scopeProviderName: z.string().nullable(),
  user: applicantContactsSchema,
  company: kvkCompanySchema.nullable(),
  branchNumber: z.string().nullable(),
  userWorksForCompany: z.boolean().nullable(),
  signers: z.array(applicationSignerSchema),
  signaturesNeeded: signatureNeedSchema.nullable(),
  attachments: z.array(applicationAttachmentSchema),
  idCopyRequired: z.boolean(),
  missing: z.array(missingPartSchema),
  submittedAt: z.iso.datetime().nullable(),
  signedAt: z.iso.datetime().nullable(),
  issuedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
  identification: z
    .object({
      dueAt: z.iso.datetime(),
      appointmentAt: z.iso.datetime().nullable(),
      appointmentPlace: z.string().nullable(),
      recordedAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  partnerName: z.string(),
  supplierName: z.string(),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

/** What the representative sees behind their link. */
export const signatureRequestViewSchema = z.object({
  reference: z.string(),
  /** open: may sign or decline; signed / declined: done; closed: the application moved on. */
  status: z.enum(["open", "signed", "declined", "closed"]),
  applicationState: applicationStateSchema,
  signer: z.object({ name: z.string(), authority: authoritySchema }),
  user: z.object({ name: z.string(), email: z.string() }),
  company: z.object({
    name: z.string(),
    kvkNumber: z.string(),
    legalForm: z.string(),
  }),
  branch: z.object({ branchNumber: z.string(), name: z.string() }).nullable(),
  userWorksForCompany: z.boolean(),
  scope: applicationScopeSchema,
  scopeServices: z.array(scopeServiceSchema),
  scopeProviderName: z.string().nullable(),
  level: levelSchema,
  /** Where the confirmation code goes: a text message when a mobile number was given. */
  codeChannel: z.enum(["sms", "email"]),
  /** The number or address, partly hidden. */
  codeTarget: z.string(),
  signedAt: z.iso.datetime().nullable(),
});
export type SignatureRequestView = z.infer<typeof signatureRequestViewSchema>;

/** The answer to a code request: where it went, partly hidden. */
export const codeSentSchema = z.object({ sentTo: z.string() });
