import { z } from "zod";
import { exampleIds, withExample, withNamedExamples } from "./examples.ts";
import { rawPageInputSchema } from "./questionnaires/answers.ts";
import {
  idSchema,
  questionnaireDefinitionExample,
  questionnaireDefinitionSchema,
} from "./questionnaires/definition.ts";
import { multiLineText, singleLineText } from "./text.ts";

/**
 * Actions the office asks of a client (SPEC B10, issue 13, ADR 0014): a questionnaire filled in
 * page by page, or an upload request for named documents. The state a person sees adds
 * "overdue" to the stored one (open or in progress after its due date) and, for the office only,
 * "withdrawn" (taken back after it was sent in error; the client no longer sees it at all).
 */

export const actionKindSchema = z.enum(["questionnaire", "upload-request"]);
export type ActionKind = z.infer<typeof actionKindSchema>;
export const actionStateSchema = z.enum([
  "open",
  "in-progress",
  "completed",
  "overdue",
  "withdrawn",
]);
export type ActionState = z.infer<typeof actionStateSchema>;

const localizedSchema = z.object({ nl: z.string(), en: z.string() });
/** A calendar day, "2026-12-24": a due date has no time of day. */
const daySchema = z.iso.date();

export const ACTION_INSTRUCTION_MAX = 2000;
export const UPLOAD_ITEMS_MAX = 20;

/** A document an upload request asks for, and what was delivered for it. */
export const uploadItemSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  description: z.string().nullable(),
  required: z.boolean(),
  delivered: z
    .object({
      documentId: z.uuid(),
      fileName: z.string(),
      deliveredAt: z.iso.datetime(),
      deliveredByName: z.string(),
    })
    .nullable(),
});
export type UploadItem = z.infer<typeof uploadItemSchema>;

/** What both sides see of an action. */
const actionBaseSchema = z.object({
  id: z.uuid(),
  kind: actionKindSchema,
  /** A questionnaire's title in both languages; an upload request's as staff wrote it, twice. */
  title: localizedSchema,
  instruction: z.string().nullable(),
  dueDate: daySchema.nullable(),
  state: actionStateSchema,
  /** A questionnaire's place: the page the client is on of the pages it sees now. */
  progress: z.object({ page: z.number().int(), pages: z.number().int() }).nullable(),
  sentAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  completedByName: z.string().nullable(),
  /** The PDF of a completed questionnaire, a document under "Door mij aangeleverd". */
  documentId: z.uuid().nullable(),
  items: z.array(uploadItemSchema),
});

// ── Back office ───────────────────────────────────────────────────────────────────────────

const ids = exampleIds;
const actionDossierExample = { id: ids.dossier, number: "2026.0142" };
const janExample = { id: ids.clientJan, name: "Jan Jansen" };

/** The "Levering woning" questionnaire that Jan Jansen completed. */
export const officeActionExample = {
  id: ids.action,
  kind: "questionnaire" as const,
  title: { nl: "Levering woning", en: "Property transfer" },
  instruction: "Wilt u deze vragenlijst voor 20 maart invullen? Dan kunnen wij de akte opstellen.",
  dueDate: "2026-03-20",
  state: "completed" as const,
  progress: { page: 1, pages: 1 },
  sentAt: "2026-03-05T14:40:00.000Z",
  completedAt: "2026-03-09T19:21:05.000Z",
  completedByName: "Jan Jansen",
  documentId: ids.answersPdf,
  items: [],
  dossier: actionDossierExample,
  client: janExample,
  sentByName: "mr. Sanne de Vries",
  remindedAt: null,
  withdrawn: null,
  version: { templateId: ids.template, number: 3 },
};

/** An upload request to Jan Jansen: his passport delivered, the mortgage offer still to come. */
const uploadRequestExample = {
  id: ids.uploadRequest,
  kind: "upload-request" as const,
  title: { nl: "Stukken voor de levering", en: "Stukken voor de levering" },
  instruction: null,
  dueDate: "2026-03-20",
  state: "in-progress" as const,
  progress: null,
  sentAt: "2026-03-05T14:41:12.000Z",
  completedAt: null,
  completedByName: null,
  documentId: null,
  items: [
    {
      id: ids.uploadItems[0],
      label: "Kopie paspoort of identiteitskaart",
      description: null,
      required: true,
      delivered: {
        documentId: ids.letter,
        fileName: "paspoort-jan-jansen.pdf",
        deliveredAt: "2026-03-06T08:12:09.000Z",
        deliveredByName: "Jan Jansen",
      },
    },
    {
      id: ids.uploadItems[1],
      label: "Hypotheekofferte",
      description: "De door u getekende offerte van uw bank",
      required: true,
      delivered: null,
    },
  ],
  dossier: actionDossierExample,
  client: janExample,
  sentByName: "mr. Sanne de Vries",
  remindedAt: "2026-03-16T08:00:00.000Z",
  withdrawn: null,
  version: null,
};

export const officeActionSchema = withExample(
  actionBaseSchema.extend({
    dossier: z.object({ id: z.uuid(), number: z.string() }),
    client: z.object({ id: z.uuid(), name: z.string() }),
    sentByName: z.string(),
    remindedAt: z.iso.datetime().nullable(),
    /**
     * The office withdrew it (sent in error): when, and by whom while that account exists. What
     * was filled in stays here; files delivered stay in the dossier.
     */
    withdrawn: z.object({ at: z.iso.datetime(), byName: z.string().nullable() }).nullable(),
    /** The questionnaire template's version the action was sent with. */
    version: z.object({ templateId: z.uuid(), number: z.number().int() }).nullable(),
  }),
  officeActionExample,
);
export type OfficeAction = z.infer<typeof officeActionSchema>;
export const officeActionListSchema = withExample(
  z.object({ actions: z.array(officeActionSchema) }),
  { actions: [uploadRequestExample, officeActionExample] },
);

const uploadItemInputSchema = z.object({
  label: singleLineText(200).min(1),
  description: multiLineText(1000).optional(),
  required: z.boolean().default(true),
});

/** "Actie versturen": to one or more clients of the dossier, each getting its own. */
export const sendActionSchema = withNamedExamples(
  z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("questionnaire"),
      templateId: z.uuid(),
      clientIds: z.array(z.uuid()).min(1).max(20),
      dueDate: daySchema.optional(),
      instruction: multiLineText(ACTION_INSTRUCTION_MAX).optional(),
    }),
    z.object({
      kind: z.literal("upload-request"),
      title: singleLineText(200).min(1),
      items: z.array(uploadItemInputSchema).min(1).max(UPLOAD_ITEMS_MAX),
      clientIds: z.array(z.uuid()).min(1).max(20),
      dueDate: daySchema.optional(),
      instruction: multiLineText(ACTION_INSTRUCTION_MAX).optional(),
    }),
  ]),
  {
    questionnaire: {
      kind: "questionnaire",
      templateId: ids.template,
      clientIds: [ids.clientJan],
      dueDate: "2026-03-20",
      instruction:
        "Wilt u deze vragenlijst voor 20 maart invullen? Dan kunnen wij de akte opstellen.",
    },
    "upload-request": {
      kind: "upload-request",
      title: "Stukken voor de levering",
      items: [
        { label: "Kopie paspoort of identiteitskaart", required: true },
        { label: "Hypotheekofferte", description: "De door u getekende offerte van uw bank" },
      ],
      clientIds: [ids.clientJan],
      dueDate: "2026-03-20",
    },
  },
);
export type SendAction = z.infer<typeof sendActionSchema>;

/**
 * A stored answer: any JSON value. Named, so that the OpenAPI documents describe the recursive
 * value once, as a component (`registerOpenApi` adds the named schemas), instead of a reference
 * to nowhere.
 */
export type AnswerValue =
  | string
  | number
  | boolean
  | null
  | AnswerValue[]
  | { [key: string]: AnswerValue };
export const answerValueSchema: z.ZodType<AnswerValue> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(answerValueSchema),
      z.record(z.string(), answerValueSchema),
    ]),
  )
  .meta({ id: "AnswerValue" });

/** Who filled in an answer last. */
export const answerAuthorSchema = z.object({ name: z.string(), at: z.iso.datetime() });

/** A questionnaire's answers for staff: as sent (its definition), and by whom each was given. */
export const officeActionAnswersSchema = withExample(
  z.object({
    action: officeActionSchema,
    definition: questionnaireDefinitionSchema,
    answers: z.record(idSchema, answerValueSchema),
    authors: z.record(idSchema, answerAuthorSchema),
  }),
  {
    action: officeActionExample,
    definition: questionnaireDefinitionExample,
    answers: {
      buyer_name: "Jan Jansen",
      buyer_birth_date: "1978-05-14",
      buyer_married: true,
      partner_name: "Marieke Jansen-de Boer",
    },
    authors: {
      buyer_name: { name: "Jan Jansen", at: "2026-03-09T19:14:37.000Z" },
      buyer_birth_date: { name: "Jan Jansen", at: "2026-03-09T19:14:37.000Z" },
      buyer_married: { name: "Jan Jansen", at: "2026-03-09T19:20:51.000Z" },
      partner_name: { name: "Jan Jansen", at: "2026-03-09T19:20:51.000Z" },
    },
  },
);

// ── Client portal ─────────────────────────────────────────────────────────────────────────

export const portalActionSchema = actionBaseSchema.extend({
  dossier: z.object({ id: z.uuid(), number: z.string(), description: z.string() }),
});
export type PortalAction = z.infer<typeof portalActionSchema>;
export const portalActionListSchema = z.object({ actions: z.array(portalActionSchema) });

/** "Invullen": the questionnaire as it was sent, the answers so far and where to resume. */
export const portalQuestionnaireSchema = z.object({
  action: portalActionSchema,
  definition: questionnaireDefinitionSchema,
  answers: z.record(idSchema, answerValueSchema),
  /** The page to show: where the client stopped (the first page when new). */
  pageId: idSchema,
});
export type PortalQuestionnaire = z.infer<typeof portalQuestionnaireSchema>;

/** "Volgende" (save and go on) or "Vorige" (save what is valid and go back). */
export const savePageSchema = z.object({
  answers: rawPageInputSchema,
  go: z.enum(["next", "previous", "stay"]),
});
export type SavePage = z.infer<typeof savePageSchema>;

/** An upload request's item is answered with a file the login uploaded as a draft (tus). */
export const deliverItemSchema = z.object({ documentId: z.uuid() });
