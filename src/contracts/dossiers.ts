import { z } from "zod";
import { exampleIds, withExample, withNamedExamples } from "./examples.ts";
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
const ids = exampleIds;

/** A property transfer halfway: the purchase agreement and the registers are done. */
export const progressExample = {
  done: 2,
  total: 4,
  steps: [
    { id: ids.progressSteps[0], title: "Koopovereenkomst ontvangen", doneOn: "2026-03-02" },
    { id: ids.progressSteps[1], title: "Kadaster en registers geraadpleegd", doneOn: "2026-03-05" },
    { id: ids.progressSteps[2], title: "Concept-akte verstuurd", doneOn: null },
    { id: ids.progressSteps[3], title: "Akte gepasseerd", doneOn: null },
  ],
};

export const progressSchema = withExample(
  z.object({
    done: z.number().int(),
    total: z.number().int(),
    steps: z.array(progressStepSchema),
  }),
  progressExample,
);
export type Progress = z.infer<typeof progressSchema>;

export const replaceProgressSchema = withExample(
  z.object({
    steps: z
      .array(z.object({ title: singleLineText(200).min(1), doneOn: isoDate.nullable() }))
      .max(100),
  }),
  { steps: progressExample.steps.map(({ title, doneOn }) => ({ title, doneOn })) },
);
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
  /**
   * A completed or cancelled dossier: the day (in the Netherlands) it leaves the portal with its
   * documents and messages (ADR 0023); null while it is open.
   */
  leavesPortalOn: z.iso.date().nullable(),
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
  disposition: withExample(z.enum(["attachment", "inline"]).default("attachment"), "inline"),
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
  q: withExample(searchText.optional(), "Dorpsstraat"),
  // Transforms (splits the list), so its example is a named one: see `withNamedExamples`.
  status: withNamedExamples(statusList.optional(), { open: "in-progress" }),
  handler: withExample(z.union([z.uuid(), z.literal("none")]).optional(), ids.handler),
  page: withExample(z.coerce.number().int().min(1).max(100_000).default(1), 1),
  pageSize: withExample(z.coerce.number().int().min(1).max(100).default(25), 25),
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

const handlerExample = { id: ids.handler, name: "mr. Sanne de Vries" };
const clientJanExample = { id: ids.clientJan, name: "Jan Jansen", kind: "person" as const };

/** Dossier 2026.0142, the one every example of the office API is about. */
export const officeDossierListItemExample = {
  id: ids.dossier,
  number: "2026.0142",
  description: "Levering Dorpsstraat 3, Weesp",
  status: { key: "in-progress", label: null },
  handler: handlerExample,
  clients: [clientJanExample],
  updatedAt: "2026-03-05T14:32:10.000Z",
};

export const officeDossierListSchema = withExample(
  z.object({
    dossiers: z.array(officeDossierListItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  {
    dossiers: [
      officeDossierListItemExample,
      {
        id: ids.otherDossier,
        number: "2026.0098",
        description: "Oprichting Bakkerij Jansen B.V.",
        status: { key: "completed", label: null },
        handler: null,
        clients: [{ id: ids.clientCompany, name: "Bakkerij Jansen B.V.", kind: "company" }],
        updatedAt: "2026-02-20T09:05:00.000Z",
      },
    ],
    total: 2,
    page: 1,
    pageSize: 25,
  },
);
export type OfficeDossierList = z.infer<typeof officeDossierListSchema>;

export const dossierFieldsSchema = z.object({
  number: dossierNumber,
  description: singleLineText(300).min(2),
  status: dossierStatusKeySchema.default("in-progress"),
  handlerId: z.uuid().nullable().default(null),
  clientIds: z.array(z.uuid()).max(50).default([]),
});

export const createDossierSchema = withExample(
  dossierFieldsSchema.extend({
    /** Starts the progress list from this template; it can be edited freely afterwards. */
    template: progressTemplateKeySchema.optional(),
  }),
  {
    number: "2026.0142",
    description: "Levering Dorpsstraat 3, Weesp",
    status: "in-progress",
    handlerId: ids.handler,
    clientIds: [ids.clientJan],
    template: "property-transfer",
  },
);
export type CreateDossier = z.input<typeof createDossierSchema>;

export const updateDossierSchema = withExample(
  z
    .object({
      number: dossierNumber,
      description: dossierFieldsSchema.shape.description,
      status: dossierStatusKeySchema,
      handlerId: z.uuid().nullable(),
      clientIds: dossierFieldsSchema.shape.clientIds.unwrap(),
    })
    .partial(),
  { status: "completed", clientIds: [ids.clientJan, ids.clientCompany] },
);
export type UpdateDossier = z.infer<typeof updateDossierSchema>;

/** The draft deed of dossier 2026.0142, published to Jan Jansen. */
export const officeDocumentExample = {
  id: ids.document,
  category: "documents" as const,
  title: "Concept-akte van levering",
  fileName: "concept-akte-levering-dorpsstraat-3.pdf",
  contentType: "application/pdf",
  size: 248_312,
  state: "published" as const,
  publishedAt: "2026-03-05T14:30:00.000Z",
  createdAt: "2026-03-05T14:28:41.000Z",
  addedBy: { kind: "staff" as const, name: "mr. Sanne de Vries" },
  scan: "clean" as const,
};

export const officeDocumentSchema = withExample(
  z.object({
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
  }),
  officeDocumentExample,
);
export type OfficeDocument = z.infer<typeof officeDocumentSchema>;

/** The documents of dossier 2026.0142: the published draft deed, and what Jan supplied. */
const officeDocumentsExample = [
  officeDocumentExample,
  {
    id: ids.letter,
    category: "supplied" as const,
    title: "Kopie paspoort",
    fileName: "paspoort-jan-jansen.pdf",
    contentType: "application/pdf",
    size: 1_204_733,
    state: "published" as const,
    publishedAt: null,
    createdAt: "2026-03-06T08:12:09.000Z",
    addedBy: { kind: "client" as const, name: "Jan Jansen" },
    scan: "clean" as const,
  },
];

/** A dossier's documents, as the office API lists them. */
export const officeDocumentListSchema = withExample(
  z.object({ documents: z.array(officeDocumentSchema) }),
  { documents: officeDocumentsExample },
);

export const officeDossierSchema = withExample(
  officeDossierListItemSchema.extend({
    progress: progressSchema,
    documents: z.array(officeDocumentSchema),
    createdAt: z.iso.datetime(),
    /**
     * A completed or cancelled dossier: the day (in the Netherlands) it leaves the client portal
     * with its documents and messages, by the office's retention period (ADR 0023); null while
     * it is open.
     */
    leavesPortalOn: z.iso.date().nullable(),
  }),
  {
    ...officeDossierListItemExample,
    progress: progressExample,
    documents: officeDocumentsExample,
    createdAt: "2026-03-02T10:00:00.000Z",
    leavesPortalOn: null,
  },
);
export type OfficeDossier = z.infer<typeof officeDossierSchema>;

export const progressTemplateSchema = z.object({
  key: progressTemplateKeySchema,
  steps: z.array(z.string()),
});

/** Everything the dossier forms offer to choose from. */
export const dossierOptionsSchema = withExample(
  z.object({
    statuses: z.array(dossierStatusSchema),
    handlers: z.array(personRefSchema),
    clients: z.array(clientRefSchema),
    templates: z.array(progressTemplateSchema),
  }),
  {
    statuses: [
      { key: "in-progress", label: null },
      { key: "completed", label: null },
      { key: "cancelled", label: null },
      { key: "0e7c4b9a-3d2f-4a18-b6e5-9c1d8f2a7b43", label: "Wacht op hypotheekakte" },
    ],
    handlers: [
      handlerExample,
      { id: "5a9e3c7d-1f4b-4d82-9a6c-3e0b8d2f5c17", name: "Pieter Bakker" },
    ],
    clients: [
      clientJanExample,
      { id: ids.clientCompany, name: "Bakkerij Jansen B.V.", kind: "company" },
    ],
    templates: [
      {
        key: "will",
        steps: [
          "Intakegesprek gevoerd",
          "Vragenlijst ontvangen",
          "Concept-testament verstuurd",
          "Testament getekend",
          "Ingeschreven in het Centraal Testamentenregister",
        ],
      },
    ],
  },
);
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
