import { z } from "zod";
import { questionnaireDefinitionSchema } from "./questionnaires/definition.ts";

/**
 * The office's questionnaire templates (issue 13): its own, built in the back office, and the
 * starter library that every office sees and may copy. What a template asks is its newest
 * version's definition; every saved change adds a version, and the versions stay as they were.
 */

const localizedTextSchema = z.object({ nl: z.string(), en: z.string() });

/** The list leaves archived templates out unless asked: `include` shows them too, `only` alone. */
export const questionnaireTemplateQuerySchema = z.object({
  archived: z.enum(["include", "only"]).optional(),
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

export const questionnaireTemplateListSchema = z.object({
  /** The office's own first (by title), then the starter library's. */
  templates: z.array(questionnaireTemplateListItemSchema),
});

export const questionnaireVersionInfoSchema = z.object({
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  /** Who saved it; null for the starter library's versions (or a deleted account's). */
  createdByName: z.string().nullable(),
});
export type QuestionnaireVersionInfo = z.infer<typeof questionnaireVersionInfoSchema>;

/** One template with what it asks now (its newest definition) and all its versions, newest first. */
export const questionnaireTemplateSchema = questionnaireTemplateListItemSchema.extend({
  definition: questionnaireDefinitionSchema,
  versions: z.array(questionnaireVersionInfoSchema),
  /** The template it was copied from, when it was. */
  copiedFromTemplateId: z.uuid().nullable(),
});
export type QuestionnaireTemplate = z.infer<typeof questionnaireTemplateSchema>;

/** One version of a template as it was saved, never changed. */
export const questionnaireVersionSchema = questionnaireVersionInfoSchema.extend({
  templateId: z.uuid(),
  definition: questionnaireDefinitionSchema,
});
export type QuestionnaireVersion = z.infer<typeof questionnaireVersionSchema>;

/** A new template, or a change of one: always the whole definition, as the builder holds it. */
export const saveQuestionnaireTemplateSchema = questionnaireDefinitionSchema;
