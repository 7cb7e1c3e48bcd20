import { z } from "zod";
import { singleLineText } from "./text.ts";

/**
 * The audit log as those who answer for it read it (issue 19): an office's admins see the
 * events of their office ("Auditlog"), the servicedesk sees the certificate events of every
 * office. Each view filters by a fixed set of kinds, each a list of the audit actions it covers,
 * so the apps translate a kind and the server turns it into its actions.
 */

/** The kinds an office admin filters the office's audit log by, with the actions of each. */
export const officeAuditKinds = {
  logins: [
    "session.login",
    "session.login-failed",
    "session.password-accepted",
    "session.second-factor-failed",
    "session.office-chosen",
    "selfservice.login",
    "selfservice.login-office-mismatch",
  ],
  "documents-viewed": ["document.downloaded"],
  publications: ["document.published", "document.unpublished", "document.drafted"],
  uploads: ["document.supplied", "document.generated"],
  invitations: ["account.invited", "account.invitation-revoked", "account.activated"],
  roles: ["staff.changed", "staff.deactivated"],
  accounts: ["account.deleted", "password.reset", "client.kvk-number-set"],
  dossiers: ["dossier.created", "dossier.updated"],
  messages: ["message.sent", "message.withdrawn", "message.handled", "message.reopened"],
  actions: [
    "action.sent",
    "action.reminded",
    "action.withdrawn",
    "action.completed",
    "action.item-delivered",
    "action.overdue-reminded",
  ],
  webhooks: [
    "webhook.endpoint-added",
    "webhook.endpoint-disabled",
    "webhook.secret-rotated",
    "webhook.sent-again",
  ],
  api: ["office-api.call"],
  certificates: ["certificate.issued", "certificate.revoked", "certificate.reissue-demanded"],
  retention: [
    "office.retention-set",
    "dossier.retention-noticed",
    "dossier.removed-by-retention",
    "audit-log.exported",
  ],
} as const satisfies Record<string, readonly string[]>;

export type OfficeAuditKind = keyof typeof officeAuditKinds;
export const officeAuditKindNames = Object.keys(officeAuditKinds) as [
  OfficeAuditKind,
  ...OfficeAuditKind[],
];

/** The certificate events the servicedesk sees, across offices. */
export const certificateAuditActions = [
  "certificate.issued",
  "certificate.revoked",
  "certificate.reissue-demanded",
  "crl.published",
  "mail.bounced",
  "office.created",
  "office.email-changed",
  "selfservice.login",
  "selfservice.login-office-mismatch",
] as const;

const isoDay = z.iso.date();

/** What both views filter by: the period, in whole Dutch days (Europe/Amsterdam), and a page. */
const periodAndPage = {
  /** From the start of this day in the Netherlands. */
  from: isoDay.optional(),
  /** Up to and including this day in the Netherlands. */
  to: isoDay.optional(),
  /** Where the previous page ended (its `next`): newest first, so older events follow. */
  cursor: z
    .string()
    .regex(/^\d{1,15}\.\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const officeAuditQuerySchema = z.object({
  /** A person's name or e-mail address, or part of it: as actor or as the one acted upon. */
  person: singleLineText(200).optional(),
  /** One account (a staff member's or a client login), as actor or as the one acted upon. */
  accountId: z.uuid().optional(),
  /** A dossier's number as the office gave it. */
  dossier: singleLineText(50).optional(),
  kind: z.enum(officeAuditKindNames).optional(),
  ...periodAndPage,
});
export type OfficeAuditQuery = z.input<typeof officeAuditQuerySchema>;

/** The same filter, for the CSV export: all of it, so no page. */
export const officeAuditExportQuerySchema = officeAuditQuerySchema.omit({
  cursor: true,
  limit: true,
});

export const certificateAuditQuerySchema = z.object({
  officeId: z.uuid().optional(),
  ...periodAndPage,
});
export type CertificateAuditQuery = z.input<typeof certificateAuditQuerySchema>;

/** Who did it: an account (by the name it has now), the office's software, or Poort itself. */
export const auditActorSchema = z.object({
  /** `staff`, `client`, `office` (its certificate: the office API), `system`, `platform-staff`… */
  type: z.string(),
  accountId: z.uuid().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** A staff member's role (admin, notary, handler, assistant) or platform staff's. */
  role: z.string().nullable(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  action: z.string(),
  actor: auditActorSchema,
  /** The account acted upon (invited, changed, deleted), while it exists. */
  subjectAccount: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The dossier the event is about, while it exists. */
  dossier: z.object({ id: z.uuid(), number: z.string(), description: z.string() }).nullable(),
  /** The document the event is about, while it exists. */
  document: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  ip: z.string().nullable(),
  /**
   * The event's particulars that say what happened (a failed login's reason, a role's change,
   * an API call's route and status), never what it was about (no e-mail addresses or texts).
   */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** The cursor of the next (older) page, or null at the end. */
  next: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const certificateEventSchema = auditEntrySchema.extend({
  office: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export const certificateEventPageSchema = z.object({
  entries: z.array(certificateEventSchema),
  next: z.string().nullable(),
});
export type CertificateEventPage = z.infer<typeof certificateEventPageSchema>;
