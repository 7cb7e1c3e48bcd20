import { z } from "zod";
import { exampleIds, withExample } from "./examples.ts";
import {
  questionnaireDefinitionExample,
  questionnaireDefinitionSchema,
} from "./questionnaires/definition.ts";

/**
 * The office's questionnaire templates (issue 13): its own, built in the back office, and the
 * starter library that every office sees and may copy. What a template asks is its newest
 * version's definition; every saved change adds a version, and the versions stay as they were.
 */

const localizedTextSchema = z.object({ nl: z.string(), en: z.string() });

/** The list leaves archived templates out unless asked: `include` shows them too, `only` alone. */
export const questionnaireTemplateQuerySchema = z.object({
  archived: withExample(z.enum(["include", "only"]).optional(), "include"),
});
export type QuestionnaireTemplateQuery = z.input<typeof questionnaireTemplateQuerySchema>;

export const questionnaireTemplateListItemSchema = z.object({
  id: z.uuid(),
  /** The newest version's title. */
  title: localizedTextSchema,
  /** The newest version's number: 1, 2, … */
  version: z.number().int(),
  pageCount: z.number().int(),
  /** Questions, each question of a repeating group counted once. */
  questionCount: z.number().int(),
  /** When the newest version was saved. */
  updatedAt: z.iso.datetime(),
  /** One of the starter library's: every office sees it, none may change it, all may copy it. */
  library: z.boolean(),
  /** The starter library's own name for it. */
  libraryKey: z.string().optional(),
  archived: z.boolean(),
});
export type QuestionnaireTemplateListItem = z.infer<typeof questionnaireTemplateListItemSchema>;

/** The office's own "Levering woning", copied from the starter library's and changed twice. */
const ownTemplateExample = {
  id: exampleIds.template,
  title: { nl: "Levering woning", en: "Property transfer" },
  version: 3,
  pageCount: 1,
  questionCount: 4,
  updatedAt: "2026-02-11T16:05:48.000Z",
  library: false,
  archived: false,
};

export const questionnaireTemplateListSchema = withExample(
  z.object({
    /** The office's own first (by title), then the starter library's. */
    templates: z.array(questionnaireTemplateListItemSchema),
  }),
  {
    templates: [
      ownTemplateExample,
      {
        id: exampleIds.libraryTemplate,
        title: { nl: "Levering woning", en: "Property transfer" },
        version: 1,
        pageCount: 6,
        questionCount: 31,
        updatedAt: "2026-01-05T09:00:00.000Z",
        library: true,
        libraryKey: "property-transfer",
        archived: false,
      },
    ],
  },
);

export const questionnaireVersionInfoSchema = z.object({
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  /** Who saved it; null for the starter library's versions (or a deleted account's). */
  createdByName: z.string().nullable(),
});
export type QuestionnaireVersionInfo = z.infer<typeof questionnaireVersionInfoSchema>;

/** One template with what it asks now (its newest definition) and all its versions, newest first. */
export const questionnaireTemplateSchema = withExample(
  questionnaireTemplateListItemSchema.extend({
    definition: questionnaireDefinitionSchema,
    versions: z.array(questionnaireVersionInfoSchema),
    /** The template it was copied from, when it was. */
    copiedFromTemplateId: z.uuid().nullable(),
  }),
  {
    ...ownTemplateExample,
    definition: questionnaireDefinitionExample,
    versions: [
      { version: 3, createdAt: "2026-02-11T16:05:48.000Z", createdByName: "mr. Sanne de Vries" },
      { version: 2, createdAt: "2026-01-20T10:31:02.000Z", createdByName: "Pieter Bakker" },
      { version: 1, createdAt: "2026-01-19T15:12:40.000Z", createdByName: "Pieter Bakker" },
    ],
    copiedFromTemplateId: exampleIds.libraryTemplate,
  },
);
export type QuestionnaireTemplate = z.infer<typeof questionnaireTemplateSchema>;

/** One version of a template as it was saved, never changed. */
export const questionnaireVersionSchema = questionnaireVersionInfoSchema.extend({
  templateId: z.uuid(),
  definition: questionnaireDefinitionSchema,
});
export type QuestionnaireVersion = z.infer<typeof questionnaireVersionSchema>;

/** A new template, or a change of one: always the whole definition, as the builder holds it. */
export const saveQuestionnaireTemplateSchema = questionnaireDefinitionSchema;
