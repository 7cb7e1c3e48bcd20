import { z } from "zod";
import { singleLineText } from "./text.ts";

/**
 * Dossiers and their documents, as the office's back office and the client portal see them
 * (SPEC B3–B8, B13).
 */

/** The statuses every office has; an office may define more of its own. */
export const builtInDossierStatuses = ["in-progress", "completed", "cancelled"] as const;
export type BuiltInDossierStatus = (typeof builtInDossierStatuses)[number];

/** A built-in status, or the id of one of the office's own statuses. */
export const dossierStatusKeySchema = z.union([z.enum(builtInDossierStatuses), z.uuid()]);

export const dossierStatusSchema = z.object({
  key: z.string(),
  /** The office's own wording; null for a built-in status, which the apps translate. */
  label: z.string().nullable(),
});
export type DossierStatus = z.infer<typeof dossierStatusSchema>;

/** Correspondentie (letters, e-mails), Documenten (draft deed, proxy…), Door mij aangeleverd. */
export const documentCategorySchema = z.enum(["correspondence", "documents", "supplied"]);
export type DocumentCategory = z.infer<typeof documentCategorySchema>;
/** What the office publishes; "supplied" comes from the clients. */
export const publishedCategorySchema = z.enum(["correspondence", "documents"]);
/**
 * Every document of a dossier as the office sees it: the portal's three tabs, and "message", a
 * file the office sent with a message, which the clients see only through that message.
 */
export const officeDocumentCategorySchema = z.enum([...documentCategorySchema.options, "message"]);
export type OfficeDocumentCategory = z.infer<typeof officeDocumentCategorySchema>;

const isoDate = z.iso.date();

export const progressStepSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** The day the step was done; null while it is still to do. */
  doneOn: isoDate.nullable(),
});
export const progressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  steps: z.array(progressStepSchema),
});
export type Progress = z.infer<typeof progressSchema>;

export const replaceProgressSchema = z.object({
  steps: z
    .array(z.object({ title: singleLineText(200).min(1), doneOn: isoDate.nullable() }))
    .max(100),
});
export type ReplaceProgress = z.infer<typeof replaceProgressSchema>;

export const progressTemplateKeySchema = z.enum(["property-transfer", "will", "company-formation"]);
export type ProgressTemplateKey = z.infer<typeof progressTemplateKeySchema>;

export const countsSchema = z.object({ total: z.number().int(), unread: z.number().int() });

export const uploadLimitsSchema = z.object({
  maxFileBytes: z.number().int(),
  /** How many more files this dossier takes from the client. */
  remainingFiles: z.number().int(),
  /** File name extensions of the accepted types, e.g. ["pdf", "jpg"], for the hint. */
  extensions: z.array(z.string()),
});
export type UploadLimits = z.infer<typeof uploadLimitsSchema>;

// ── Client portal ──────────────────────────────────────────────────────────────────────

export const portalOverviewSchema = z.object({
  dossiers: z.object({
    inProgress: z.number().int(),
    /** Dossiers with any other status. */
    other: z.number().int(),
  }),
  /** Questionnaires still to fill in. */
  actions: z.object({ open: z.number().int() }),
  /** What this login has not read yet, over all the client's dossiers. */
  unread: z.object({ documents: z.number().int(), messages: z.number().int() }),
});
export type PortalOverview = z.infer<typeof portalOverviewSchema>;

const searchText = singleLineText(100);
/** Comma-separated status keys, e.g. `in-progress,completed`. */
const statusList = z
  .string()
  .max(1000)
  .transform((value) => value.split(",").filter(Boolean))
  .pipe(z.array(dossierStatusKeySchema).max(20));

export const portalDossierQuerySchema = z.object({
  q: searchText.optional(),
  status: statusList.optional(),
});

export const portalDossierListItemSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  description: z.string(),
  status: dossierStatusSchema,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  unread: z.number().int(),
});
export type PortalDossierListItem = z.infer<typeof portalDossierListItemSchema>;

export const portalDossierListSchema = z.object({
  dossiers: z.array(portalDossierListItemSchema),
  /** Statuses that occur among all the client's dossiers, with how many have each. */
  statuses: z.array(dossierStatusSchema.extend({ count: z.number().int() })),
});
export type PortalDossierList = z.infer<typeof portalDossierListSchema>;

export const portalDossierSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  description: z.string(),
  status: dossierStatusSchema,
  officeName: z.string(),
  handlerName: z.string().nullable(),
  progress: progressSchema,
  tabs: z.object({
    correspondence: countsSchema,
    documents: countsSchema,
    supplied: countsSchema,
    messages: countsSchema,
  }),
  uploads: uploadLimitsSchema,
});
export type PortalDossier = z.infer<typeof portalDossierSchema>;

export const portalDocumentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** When it was published, or for a supplied document when it was uploaded. */
  date: z.iso.datetime(),
  read: z.boolean(),
  /** Who supplied it (for a company: which of its accounts); null for the office's documents. */
  suppliedBy: z.string().nullable(),
});
export type PortalDocument = z.infer<typeof portalDocumentSchema>;

export const portalDocumentListSchema = z.object({ documents: z.array(portalDocumentSchema) });
export const documentCategoryQuerySchema = z.object({ category: documentCategorySchema });

/** `inline` opens the document in the browser; the default downloads it. */
export const documentContentQuerySchema = z.object({
  disposition: z.enum(["attachment", "inline"]).default("attachment"),
});

// ── Office back office ─────────────────────────────────────────────────────────────────

const dossierNumber = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u, { error: "invalid_dossier_number" });

export const personRefSchema = z.object({ id: z.uuid(), name: z.string() });
export const clientRefSchema = personRefSchema.extend({ kind: z.enum(["person", "company"]) });

export const officeDossierQuerySchema = z.object({
  q: searchText.optional(),
  status: statusList.optional(),
  handler: z.union([z.uuid(), z.literal("none")]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type OfficeDossierQuery = z.input<typeof officeDossierQuerySchema>;

export const officeDossierListItemSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  description: z.string(),
  status: dossierStatusSchema,
  handler: personRefSchema.nullable(),
  clients: z.array(clientRefSchema),
  updatedAt: z.iso.datetime(),
});
export type OfficeDossierListItem = z.infer<typeof officeDossierListItemSchema>;

export const officeDossierListSchema = z.object({
  dossiers: z.array(officeDossierListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OfficeDossierList = z.infer<typeof officeDossierListSchema>;

export const dossierFieldsSchema = z.object({
  number: dossierNumber,
  description: singleLineText(300).min(2),
  status: dossierStatusKeySchema.default("in-progress"),
  handlerId: z.uuid().nullable().default(null),
  clientIds: z.array(z.uuid()).max(50).default([]),
});

export const createDossierSchema = dossierFieldsSchema.extend({
  /** Starts the progress list from this template; it can be edited freely afterwards. */
  template: progressTemplateKeySchema.optional(),
});
export type CreateDossier = z.input<typeof createDossierSchema>;

export const updateDossierSchema = z
  .object({
    number: dossierNumber,
    description: dossierFieldsSchema.shape.description,
    status: dossierStatusKeySchema,
    handlerId: z.uuid().nullable(),
    clientIds: dossierFieldsSchema.shape.clientIds.unwrap(),
  })
  .partial();
export type UpdateDossier = z.infer<typeof updateDossierSchema>;

export const officeDocumentSchema = z.object({
  id: z.uuid(),
  category: officeDocumentCategorySchema,
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  state: z.enum(["draft", "published", "unpublished"]),
  publishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** Who put it in: a staff member, or an account of a client. */
  addedBy: z.object({ kind: z.enum(["staff", "client"]), name: z.string() }),
  /** Whether ClamAV scanned it (it never holds an infected file). */
  scan: z.enum(["clean", "not-scanned"]),
});
export type OfficeDocument = z.infer<typeof officeDocumentSchema>;

export const officeDossierSchema = officeDossierListItemSchema.extend({
  progress: progressSchema,
  documents: z.array(officeDocumentSchema),
  createdAt: z.iso.datetime(),
});
export type OfficeDossier = z.infer<typeof officeDossierSchema>;

export const progressTemplateSchema = z.object({
  key: progressTemplateKeySchema,
  steps: z.array(z.string()),
});

/** Everything the dossier forms offer to choose from. */
export const dossierOptionsSchema = z.object({
  statuses: z.array(dossierStatusSchema),
  handlers: z.array(personRefSchema),
  clients: z.array(clientRefSchema),
  templates: z.array(progressTemplateSchema),
});
export type DossierOptions = z.infer<typeof dossierOptionsSchema>;

export const createDossierStatusSchema = z.object({ label: singleLineText(60).min(2) });

/**
 * The text fields of a staff upload (multipart/form-data, beside the file). Category "message"
 * uploads a new attachment for a message still to be sent (ADR 0012): it stays a draft, whatever
 * `publish` says, until the message goes, and is swept after a day if none does.
 */
export const publishDocumentFieldsSchema = z.object({
  category: z.enum([...publishedCategorySchema.options, "message"]),
  title: singleLineText(200).min(1),
  /** "true" publishes at once; otherwise the document stays a draft. */
  publish: z.enum(["true", "false"]).default("true"),
});
