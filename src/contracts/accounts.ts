import { z } from "zod";
import { kvkNumberSchema } from "./eherkenning/kvk-numbers.ts";
import { exampleIds, withExample, withNamedExamples } from "./examples.ts";
import { localeSchema } from "./locale.ts";
import { emailAddressSchema } from "./offices.ts";
import { optionalPhoneNumberSchema, phoneNumberSchema } from "./phone-number.ts";
import { secretText, singleLineText } from "./text.ts";

/**
 * The front doors with a login; each has its own kind of account: the portal's clients, the
 * office's staff, the servicedesk's platform staff, the holders of an eHerkenning means, and the
 * eHerkenning supplier's back office (reviewers, catalogue admins and the identification
 * partner's agents).
 */
export const loginAreaSchema = z.enum([
  "portal",
  "office",
  "servicedesk",
  "eherkenning",
  "eherkenning-beheer",
]);
export type LoginArea = z.infer<typeof loginAreaSchema>;

export const accountKindSchema = z.enum(["client", "staff", "platform", "means", "supplier"]);
export type AccountKind = z.infer<typeof accountKindSchema>;

/** The kind of account each login area admits. */
export const accountKindOfArea: Record<LoginArea, AccountKind> = {
  portal: "client",
  office: "staff",
  servicedesk: "platform",
  eherkenning: "means",
  "eherkenning-beheer": "supplier",
};

/**
 * The eHerkenning supplier's people: an admin keeps the catalogue and reviews, a reviewer
 * reviews applications, and a partner agent records the face-to-face identification only.
 */
export const supplierRoleSchema = z.enum(["admin", "reviewer", "partner-agent"]);
export type SupplierRole = z.infer<typeof supplierRoleSchema>;

/** A second-step method an account may be held to (an eHerkenning means: by its level). */
export const secondFactorMethodSchema = z.enum(["sms", "totp"]);

export const staffRoleSchema = z.enum(["admin", "notary", "handler", "assistant"]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "invalid_link" });

/** Whatever people choose (see `secretText`: only NUL is refused). */
export const passwordSchema = secretText(1024).min(1);

export const linkStateSchema = z.object({
  purpose: z.enum(["invitation", "email-confirmation", "password-reset"]),
  area: loginAreaSchema,
});

export const startActivationSchema = z.object({
  token: linkTokenSchema,
  email: emailAddressSchema,
});
export const setPasswordSchema = z.object({ token: linkTokenSchema, password: passwordSchema });
export const requestPasswordResetSchema = z.object({
  area: loginAreaSchema,
  email: emailAddressSchema,
});
export const loginSchema = z.object({
  area: loginAreaSchema,
  email: emailAddressSchema,
  password: passwordSchema,
});
/** The answer to a request that mails or texts something later, e.g. a link or a code. */
export const acceptedSchema = z.object({ status: z.literal("accepted") });

export const secondFactorSchema = z.object({
  method: z.enum(["sms", "totp", "recovery"]),
  code: z.string().trim().min(4).max(32),
});

/** Where the user goes after a step of the login. */
export const loginOutcomeSchema = z.object({
  next: z.enum(["second-factor", "set-up-second-factor", "done"]),
  /** The method of the second step, when one follows. */
  method: z.enum(["sms", "totp"]).optional(),
  /** The first login opens "Mijn gegevens". */
  firstLogin: z.boolean(),
});
export type LoginOutcome = z.infer<typeof loginOutcomeSchema>;

export const accountSummarySchema = z.object({
  id: z.uuid(),
  kind: accountKindSchema,
  name: z.string(),
  email: z.string(),
  locale: localeSchema,
  role: z.string().nullable(),
  officeName: z.string().nullable(),
  isMainAccount: z.boolean(),
  clientKind: z.enum(["person", "company"]).nullable(),
  twoFactorMethod: z.enum(["none", "sms", "totp"]),
  /** The only second-step method this account may set up, when it is held to one. */
  requiredSecondFactor: secondFactorMethodSchema.nullable(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/** One office and client a client login acts for (ADR 0011). */
export const clientOfficeSchema = z.object({
  /** The membership's id: what `POST /api/me/office` chooses. */
  id: z.uuid(),
  officeName: z.string(),
  clientName: z.string(),
  clientKind: z.enum(["person", "company"]),
});
export type ClientOffice = z.infer<typeof clientOfficeSchema>;

/** A client's offices: the one this session acts for, and whether one must still be chosen. */
export const officeChoiceSchema = z.object({
  current: z.uuid().nullable(),
  /** True until the session acts for an office: the portal asks for a choice first. */
  needed: z.boolean(),
  offices: z.array(clientOfficeSchema),
});
export type OfficeChoice = z.infer<typeof officeChoiceSchema>;

export const chooseOfficeSchema = z.object({ membershipId: z.uuid() });

export const sessionStateSchema = z.object({
  csrfToken: z.string(),
  /** Absent when nobody is logged in. */
  account: accountSummarySchema.optional(),
  /** A client's complete login: its offices and the one it acts for. */
  officeChoice: officeChoiceSchema.optional(),
  stage: z.enum(["second-factor", "complete"]).optional(),
  /**
   * How the login was proven. After an eHerkenning login, logging out goes through the portal's
   * SAML logout, so the IdP's session ends too.
   */
  signOn: z.enum(["password", "eherkenning"]).optional(),
  /** When the session ends if the user does nothing, by the server's clock. */
  idleExpiresAt: z.iso.datetime().optional(),
  /**
   * How many seconds that is from this answer: what the page times its warning by, since the
   * browser's clock may differ from the server's.
   */
  idleSecondsLeft: z.number().int().nonnegative().optional(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** The name of a person or a company, as staff, clients and invitations give it. */
const personOrCompanyName = singleLineText(200).min(2);

export const clientKindSchema = z.enum(["person", "company"]);

export const inviteClientSchema = withNamedExamples(
  z
    .object({
      kind: clientKindSchema,
      /** The person's name, or the company's. */
      name: personOrCompanyName,
      /** For a company: the name of the person who uses the main account. */
      contactName: personOrCompanyName.optional(),
      /**
       * For a company: its KvK number, by which an eHerkenning login of its people finds it.
       * A person has none, so one given for a person is refused rather than silently dropped.
       */
      kvkNumber: kvkNumberSchema.optional(),
      email: emailAddressSchema,
      mobile: optionalPhoneNumberSchema,
      locale: localeSchema.default("nl"),
    })
    .refine((input) => input.kind === "company" || input.kvkNumber === undefined, {
      error: "kvk_number_company_only",
      path: ["kvkNumber"],
    }),
  // Named: the mobile number transforms, so plain examples would not reach the document.
  {
    person: {
      kind: "person",
      name: "Jan Jansen",
      email: "jan.jansen@example.nl",
      mobile: "+31612345678",
      locale: "nl",
    },
    company: {
      kind: "company",
      name: "Bakkerij Jansen B.V.",
      contactName: "Jan Jansen",
      kvkNumber: "90000006",
      email: "info@bakkerij-jansen.example.nl",
      locale: "nl",
    },
  },
);
export type InviteClient = z.infer<typeof inviteClientSchema>;

/** The office registers, changes or (with null) clears a company client's KvK number. */
export const setClientKvkNumberSchema = withExample(
  z.object({ kvkNumber: kvkNumberSchema.nullable() }),
  { kvkNumber: "90000006" },
);

/** The client an account of the office's list acts for: a person, or a company. */
const companyClientExample = {
  id: exampleIds.clientCompany,
  kind: "company" as const,
  name: "Bakkerij Jansen B.V.",
  kvkNumber: "90000006",
};

export const officeClientSchema = withExample(
  z.object({
    id: z.uuid(),
    kind: clientKindSchema,
    name: z.string(),
    /** A company's KvK number, once the office registered it; a person's is always null. */
    kvkNumber: z.string().nullable(),
  }),
  companyClientExample,
);
export type OfficeClient = z.infer<typeof officeClientSchema>;

export const inviteStaffSchema = z.object({
  name: personOrCompanyName,
  email: emailAddressSchema,
  role: staffRoleSchema,
  locale: localeSchema.default("nl"),
});
export type InviteStaff = z.infer<typeof inviteStaffSchema>;

/** An office admin changes a staff member's role, or deactivates the account. */
export const updateStaffSchema = z.object({ role: staffRoleSchema, active: z.boolean() }).partial();

export const invitationStateSchema = z.enum(["pending", "expired", "accepted", "revoked"]);

export const accountListItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  status: z.enum(["invited", "active", "deactivated"]),
  role: z.string().nullable(),
  invitation: invitationStateSchema.nullable(),
  createdAt: z.iso.datetime(),
});
export type AccountListItem = z.infer<typeof accountListItemSchema>;

/** A client account in the office's list: the account, and the client it acts for. */
/** Jan Jansen's account, invited and not yet activated. */
const janAccountExample = {
  id: exampleIds.accountJan,
  name: "Jan Jansen",
  email: "jan.jansen@example.nl",
  status: "invited" as const,
  role: null,
  invitation: "pending" as const,
  createdAt: "2026-03-02T10:04:12.000Z",
  client: {
    id: exampleIds.clientJan,
    kind: "person" as const,
    name: "Jan Jansen",
    kvkNumber: null,
  },
  isMainAccount: true,
};

export const officeClientAccountSchema = withExample(
  accountListItemSchema.extend({
    client: officeClientSchema,
    /** A company's main account; its extra accounts were added by the main account (B12). */
    isMainAccount: z.boolean(),
  }),
  janAccountExample,
);
export type OfficeClientAccount = z.infer<typeof officeClientAccountSchema>;
export const officeClientAccountListSchema = withExample(
  z.object({ accounts: z.array(officeClientAccountSchema) }),
  {
    accounts: [
      {
        id: exampleIds.accountCompany,
        name: "Jan Jansen",
        email: "info@bakkerij-jansen.example.nl",
        status: "active",
        role: null,
        invitation: "accepted",
        createdAt: "2026-01-14T09:30:00.000Z",
        client: companyClientExample,
        isMainAccount: true,
      },
      janAccountExample,
    ],
  },
);

export const profileSchema = z.object({
  name: z.string(),
  email: z.string(),
  mobile: z.string().nullable(),
  locale: localeSchema,
  notifications: z.object({
    documents: z.boolean(),
    questionnaires: z.boolean(),
    messages: z.boolean(),
  }),
  twoFactorMethod: z.enum(["none", "sms", "totp"]),
  unusedRecoveryCodes: z.number().int(),
});
export type Profile = z.infer<typeof profileSchema>;

export const updateProfileSchema = z
  .object({
    name: personOrCompanyName,
    locale: localeSchema,
    notifications: profileSchema.shape.notifications.partial(),
  })
  .partial();

export const sessionListSchema = z.object({
  sessions: z.array(
    z.object({
      id: z.uuid(),
      current: z.boolean(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      createdAt: z.iso.datetime(),
      lastSeenAt: z.iso.datetime(),
    }),
  ),
});

export const mobileNumberInputSchema = z.object({ mobile: phoneNumberSchema });
/** The number the setup code went to, as the page shows it. */
export const smsCodeSentSchema = z.object({ phone: z.string() });
export const codeInputSchema = z.object({ code: z.string().trim().min(4).max(32) });
export const passwordConfirmationSchema = z.object({ password: passwordSchema });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const totpSetupSchema = z.object({
  uri: z.string(),
  qrSvgDataUrl: z.string(),
  secret: z.string(),
});

export const addExtraAccountSchema = z.object({
  name: personOrCompanyName,
  email: emailAddressSchema,
  /** The invitation's language; by default the main account's. */
  locale: localeSchema.optional(),
});
export const accountListSchema = z.object({ accounts: z.array(accountListItemSchema) });

/**
 * An extra account as its company's main account sees it, for "Inzien" (B12): the list item
 * with the mobile number and whether the account logs in with a second step.
 */
export const extraAccountSchema = accountListItemSchema.extend({
  mobile: z.string().nullable(),
  twoFactorMethod: accountSummarySchema.shape.twoFactorMethod,
});
export type ExtraAccount = z.infer<typeof extraAccountSchema>;
export const extraAccountListSchema = z.object({ accounts: z.array(extraAccountSchema) });

/**
 * What a security event of the login's own account was, as "Mijn gegevens" names it (issue
 * 19): logins (by password and second step, or with eHerkenning) and failed attempts, sessions
 * ended, passwords and 2-step verification changed, the data export asked for and downloaded.
 */
export const securityEventKindSchema = z.enum([
  "login",
  "login-eherkenning",
  "login-failed",
  "second-factor-failed",
  "logout",
  "ended-elsewhere",
  "account-activated",
  "password-reset-requested",
  "password-reset",
  "two-factor-enabled",
  "two-factor-disabled",
  "recovery-codes-renewed",
  "two-factor-reset",
  "eherkenning-linked",
  "data-export-requested",
  "data-export-downloaded",
]);
export type SecurityEventKind = z.infer<typeof securityEventKindSchema>;

export const securityEventSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  kind: securityEventKindSchema,
  /** The second-step method of a login, a 2-step change or a failed code (`sms`, `totp`). */
  method: z.enum(["sms", "totp", "recovery"]).nullable(),
  ip: z.string().nullable(),
  /** The browser's User-Agent, where the event recorded it. */
  userAgent: z.string().nullable(),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;

export const securityEventQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export const securityEventListSchema = z.object({
  events: z.array(securityEventSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
