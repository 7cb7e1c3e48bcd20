import { z } from "zod";
import { multiLineText, singleLineText } from "../text.ts";

/**
 * A questionnaire definition (issue 13): what a template version stores as JSON, built by
 * office staff in the back office and filled in by clients page by page. The schema holds the
 * rules across fields too (unique ids, conditions that look back), so a definition that passes
 * can be filled in without surprises; refusals carry a code at the offending field's path.
 */

export const MAX_PAGES = 30;
export const MAX_QUESTIONS = 300;
export const MAX_GROUP_ITEMS = 50;
export const MAX_OPTIONS = 50;

/** What a refused definition's issue says, for the back office to translate. */
export const definitionErrorCodes = {
  duplicateId: "duplicate_id",
  tooManyQuestions: "too_many_questions",
  tooFewOptions: "too_few_options",
  optionsRequired: "options_required",
  optionsNotAllowed: "options_not_allowed",
  duplicateOption: "duplicate_option",
  maxItemsBelowMinItems: "max_items_below_min_items",
  conditionMustReferenceEarlierQuestion: "condition_must_reference_earlier_question",
  conditionMustReferenceChoiceQuestion: "condition_must_reference_choice_question",
  conditionValueNotAnOption: "condition_value_not_an_option",
} as const;
const codes = definitionErrorCodes;

/**
 * Ids of pages, questions, groups and options: they are the keys of the stored answers and of
 * CSV columns, so short, lower-case and safe in a URL.
 */
export const idSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** Every text a client sees, in both languages Poort speaks (see `../locale.ts`). */
export type LocalizedText = { nl: string; en: string };

function localizedLine(max: number) {
  return z.object({ nl: singleLineText(max).min(1), en: singleLineText(max).min(1) });
}

function localizedParagraph(max: number) {
  return z.object({ nl: multiLineText(max).min(1), en: multiLineText(max).min(1) });
}

const titleSchema = localizedLine(200);
const labelSchema = localizedLine(500);
const paragraphSchema = localizedParagraph(5000);

export const questionTypes = [
  "text",
  "longText",
  "number",
  /** Euros, stored as integer cents. */
  "amount",
  "date",
  "yesNo",
  "singleChoice",
  "multipleChoice",
  "email",
  "phone",
  "iban",
  "bsn",
  /** Postcode, house number and an optional addition. */
  "postcode",
  /** An upload; the answer refers to the document the server made of it. */
  "file",
] as const;
export type QuestionType = (typeof questionTypes)[number];

const CHOICE_TYPES: readonly QuestionType[] = ["singleChoice", "multipleChoice"];
/** The types whose answer a condition can compare with one value. */
const CONDITION_TYPES: readonly QuestionType[] = ["yesNo", ...CHOICE_TYPES];

/**
 * "Show this only when the answer to `questionId` is `equals`" (for a multiple choice: when it
 * includes `equals`). The question must come earlier, so a client never answers something that
 * a later answer makes disappear.
 */
const conditionSchema = z.object({
  questionId: idSchema,
  equals: z.union([idSchema, z.boolean()]),
});
export type Condition = z.infer<typeof conditionSchema>;

const optionSchema = z.object({ value: idSchema, label: labelSchema });
export type ChoiceOption = z.infer<typeof optionSchema>;

const questionSchema = z
  .object({
    kind: z.literal("question"),
    id: idSchema,
    type: z.enum(questionTypes),
    label: labelSchema,
    help: paragraphSchema.optional(),
    required: z.boolean(),
    options: z
      .array(optionSchema)
      .min(2, { error: codes.tooFewOptions })
      .max(MAX_OPTIONS)
      .optional(),
    condition: conditionSchema.optional(),
  })
  .superRefine((question, ctx) => {
    const isChoice = CHOICE_TYPES.includes(question.type);
    if (isChoice && !question.options) {
      ctx.addIssue({ code: "custom", message: codes.optionsRequired, path: ["options"] });
    }
    if (!isChoice && question.options) {
      ctx.addIssue({ code: "custom", message: codes.optionsNotAllowed, path: ["options"] });
    }
    const seen = new Set<string>();
    question.options?.forEach((option, index) => {
      if (seen.has(option.value)) {
        const path = ["options", index, "value"];
        ctx.addIssue({ code: "custom", message: codes.duplicateOption, path });
      }
      seen.add(option.value);
    });
  });
export type Question = z.infer<typeof questionSchema>;

/**
 * A repeating group ("Erfgenamen", one item per heir): its questions are asked once per item.
 * Groups do not nest; questions inside carry `kind: "question"` like any other.
 */
const groupSchema = z
  .object({
    kind: z.literal("group"),
    id: idSchema,
    label: titleSchema,
    itemLabel: titleSchema,
    minItems: z.int().min(0).max(MAX_GROUP_ITEMS),
    maxItems: z.int().min(1).max(MAX_GROUP_ITEMS),
    questions: z.array(questionSchema).min(1).max(MAX_QUESTIONS),
    condition: conditionSchema.optional(),
  })
  .refine((group) => group.maxItems >= group.minItems, {
    error: codes.maxItemsBelowMinItems,
    path: ["maxItems"],
  });
export type Group = z.infer<typeof groupSchema>;

const itemSchema = z.discriminatedUnion("kind", [questionSchema, groupSchema]);
export type PageItem = z.infer<typeof itemSchema>;

const pageSchema = z.object({
  id: idSchema,
  title: titleSchema,
  intro: paragraphSchema.optional(),
  condition: conditionSchema.optional(),
  items: z.array(itemSchema).min(1).max(MAX_QUESTIONS),
});
export type Page = z.infer<typeof pageSchema>;

export const questionnaireDefinitionSchema = z
  .object({
    title: titleSchema,
    description: paragraphSchema.optional(),
    pages: z.array(pageSchema).min(1).max(MAX_PAGES),
  })
  .superRefine((definition, ctx) => {
    const seenIds = new Set<string>();
    let questionCount = 0;
    const checkId = (id: string, path: (string | number)[]) => {
      if (seenIds.has(id)) {
        ctx.addIssue({ code: "custom", message: codes.duplicateId, path: [...path, "id"] });
      }
      seenIds.add(id);
    };
    const checkCondition = (
      condition: Condition | undefined,
      earlier: ReadonlyMap<string, Question>,
      path: (string | number)[],
    ) => {
      const problem = condition && conditionProblem(condition, earlier);
      if (problem) {
        const { code, field } = problem;
        ctx.addIssue({ code: "custom", message: code, path: [...path, "condition", field] });
      }
    };

    // The questions a condition may look at, in definition order: top-level ones only, as a
    // group's question has an answer per item; a group's own questions see their item's too.
    const earlier = new Map<string, Question>();
    definition.pages.forEach((page, pageIndex) => {
      const pagePath = ["pages", pageIndex];
      checkId(page.id, pagePath);
      checkCondition(page.condition, earlier, pagePath);
      page.items.forEach((item, itemIndex) => {
        const itemPath = [...pagePath, "items", itemIndex];
        checkId(item.id, itemPath);
        checkCondition(item.condition, earlier, itemPath);
        if (item.kind === "question") {
          questionCount++;
          earlier.set(item.id, item);
          return;
        }
        const earlierInItem = new Map(earlier);
        item.questions.forEach((question, questionIndex) => {
          const questionPath = [...itemPath, "questions", questionIndex];
          questionCount++;
          checkId(question.id, questionPath);
          checkCondition(question.condition, earlierInItem, questionPath);
          earlierInItem.set(question.id, question);
        });
      });
    });

    if (questionCount > MAX_QUESTIONS) {
      ctx.addIssue({ code: "custom", message: codes.tooManyQuestions, path: ["pages"] });
    }
  });
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinitionSchema>;

/**
 * A short "Levering woning" for the OpenAPI examples: the buyer, and the partner only when the
 * buyer is married.
 */
export const questionnaireDefinitionExample = {
  title: { nl: "Levering woning", en: "Property transfer" },
  pages: [
    {
      id: "buyer_page",
      title: { nl: "Gegevens van de koper", en: "Buyer's details" },
      items: [
        {
          kind: "question",
          id: "buyer_name",
          type: "text",
          label: { nl: "Volledige naam", en: "Full name" },
          required: true,
        },
        {
          kind: "question",
          id: "buyer_birth_date",
          type: "date",
          label: { nl: "Geboortedatum", en: "Date of birth" },
          required: true,
        },
        {
          kind: "question",
          id: "buyer_married",
          type: "yesNo",
          label: { nl: "Bent u getrouwd?", en: "Are you married?" },
          required: true,
        },
        {
          kind: "question",
          id: "partner_name",
          type: "text",
          label: { nl: "Naam van uw echtgenoot", en: "Your spouse's name" },
          required: true,
          condition: { questionId: "buyer_married", equals: true },
        },
      ],
    },
  ],
} satisfies QuestionnaireDefinition;

function conditionProblem(condition: Condition, earlier: ReadonlyMap<string, Question>) {
  const target = earlier.get(condition.questionId);
  if (!target) return { code: codes.conditionMustReferenceEarlierQuestion, field: "questionId" };
  if (!CONDITION_TYPES.includes(target.type)) {
    return { code: codes.conditionMustReferenceChoiceQuestion, field: "questionId" };
  }
  const possible =
    target.type === "yesNo"
      ? typeof condition.equals === "boolean"
      : target.options?.some((option) => option.value === condition.equals);
  return possible ? undefined : { code: codes.conditionValueNotAnOption, field: "equals" };
}
