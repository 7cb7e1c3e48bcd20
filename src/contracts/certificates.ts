import { z } from "zod";
import { passwordSchema } from "./accounts.ts";
import { emailAddressSchema } from "./offices.ts";
import { optionalPhoneNumberSchema } from "./phone-number.ts";
import { multiLineText, singleLineText } from "./text.ts";

/**
 * Office certificates (SPEC A1–A12): the self-service on the mTLS listener and the
 * servicedesk's screens.
 */

export const certificateStateSchema = z.enum([
  "valid",
  "expiring",
  "superseded",
  "revoked",
  "expired",
]);
export type CertificateState = z.infer<typeof certificateStateSchema>;

export const certificateSummarySchema = z.object({
  id: z.uuid(),
  serialNumber: z.string(),
  state: certificateStateSchema,
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  sentTo: z.string(),
  issuedVia: z.enum(["self-service", "servicedesk", "operator"]),
  /** When a servicedesk reissue revokes it (A8), while that is still ahead. */
  revokeAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revocationReason: z.string().nullable(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

/** Who runs the CA and answers questions: configurable, the seed's values as demo defaults. */
export const organisationSchema = z.object({
  name: z.string(),
  shortName: z.string(),
  /** What the office certificate opens, as the certificate mail's subject names it. */
  applicationsName: z.string(),
  servicedeskEmail: z.string(),
  servicedeskPhone: z.string(),
  memberAdministrationEmail: z.string(),
  infoUrl: z.string(),
  termsUrl: z.string(),
  manualUrl: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

// ── Self-service (mTLS listener) ───────────────────────────────────────────────────────

/** What the presented client certificate says, for the chain-application page. */
export const presentedCertificateSchema = z.object({
  officeName: z.string(),
  debtorNumber: z.string(),
  serialNumber: z.string(),
  notAfter: z.iso.datetime(),
  organisation: organisationSchema,
});
export type PresentedCertificate = z.infer<typeof presentedCertificateSchema>;

export const selfServiceLoginSchema = z.object({
  email: emailAddressSchema,
  password: passwordSchema,
});

/** The request screen (A4), opened by a login with certificate and password. */
export const requestFormSchema = z.object({
  requestToken: z.string(),
  officeName: z.string(),
  debtorNumber: z.string(),
  currentNotAfter: z.iso.datetime(),
  /** The registered address, e.g. info@kantoor.nl: the part before @ may change, not the domain. */
  registeredEmail: z.string(),
  emailDomain: z.string(),
  /** Set when the servicedesk demanded a reissue (A11). */
  reissueDemanded: z.boolean(),
  organisation: organisationSchema,
});
export type RequestForm = z.infer<typeof requestFormSchema>;

export const submitRequestSchema = z.object({
  requestToken: z.string().min(20).max(100),
  /** The part of the address before the @; the domain is the office's. */
  emailLocalPart: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/, { error: "invalid_email" }),
  mobile: optionalPhoneNumberSchema,
  acceptTerms: z.literal(true, { error: "terms_required" }),
  /** PKCS#12 with 3DES and SHA-1, for old Windows versions. */
  legacyPkcs12: z.boolean().default(false),
});
export type SubmitRequest = z.input<typeof submitRequestSchema>;

/** The confirmation screen (A7); the password is shown here once and kept nowhere. */
export const requestConfirmationSchema = z.object({
  requestedAt: z.iso.datetime(),
  officeName: z.string(),
  debtorNumber: z.string(),
  sentTo: z.string(),
  mobile: z.string().nullable(),
  password: z.string(),
  fileName: z.string(),
  notAfter: z.iso.datetime(),
});
export type RequestConfirmation = z.infer<typeof requestConfirmationSchema>;

// ── Servicedesk ────────────────────────────────────────────────────────────────────────

export const officeListItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  debtorNumber: z.string(),
  email: z.string(),
  certificateState: certificateStateSchema.nullable(),
  certificateNotAfter: z.iso.datetime().nullable(),
});
export const officeListSchema = z.object({ offices: z.array(officeListItemSchema) });
export const officeSearchSchema = z.object({ q: singleLineText(100).optional() });

export const officeDetailSchema = officeListItemSchema.extend({
  certificates: z.array(certificateSummarySchema),
  openReissueDemand: z.object({ reason: z.string(), demandedAt: z.iso.datetime() }).nullable(),
  bounces: z.array(z.object({ to: z.string(), subject: z.string(), at: z.iso.datetime() })),
});
export type OfficeDetail = z.infer<typeof officeDetailSchema>;

export const changeOfficeEmailSchema = z.object({ email: emailAddressSchema });
/** Typed in a text area: it may run over several lines. */
export const reissueDemandSchema = z.object({ reason: multiLineText(500).min(5) });
export const servicedeskIssueSchema = z.object({
  emailLocalPart: submitRequestSchema.shape.emailLocalPart,
  mobile: optionalPhoneNumberSchema,
  legacyPkcs12: z.boolean().default(false),
});
export const revokeSchema = z.object({
  reason: z.enum(["keyCompromise", "cessationOfOperation", "unspecified"]),
});

export const expiringListSchema = z.object({
  certificates: z.array(
    z.object({
      officeId: z.uuid(),
      officeName: z.string(),
      debtorNumber: z.string(),
      serialNumber: z.string(),
      notAfter: z.iso.datetime(),
      remindersSent: z.array(z.number().int()),
      /** Whether the office already has a newer certificate. */
      replaced: z.boolean(),
    }),
  ),
});

export const bounceListSchema = z.object({
  bounces: z.array(
    z.object({
      officeId: z.uuid().nullable(),
      officeName: z.string().nullable(),
      to: z.string(),
      subject: z.string(),
      reason: z.string(),
      at: z.iso.datetime(),
    }),
  ),
});
