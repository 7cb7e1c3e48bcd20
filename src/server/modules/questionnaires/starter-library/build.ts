import type {
  ChoiceOption,
  Condition,
  Group,
  LocalizedText,
  Question,
  QuestionType,
} from "#src/contracts/questionnaires/definition.ts";

/**
 * Small builders for the starter library's definitions, so that each questionnaire reads as
 * its texts rather than as object literals. They add nothing the schema does not know: what
 * they return is a plain `QuestionnaireDefinition` part, stored as JSON like any other.
 */

/** A text in both languages, Dutch first. */
export function t(nl: string, en: string): LocalizedText {
  return { nl, en };
}

/** "Show this only when `questionId` is (or, for a multiple choice, includes) `equals`." */
export function when(questionId: string, equals: string | boolean): Condition {
  return { questionId, equals };
}

export function option(value: string, nl: string, en: string): ChoiceOption {
  return { value, label: t(nl, en) };
}

interface QuestionExtras {
  /** Required unless said otherwise: optional questions are the exception in a notary's list. */
  required?: boolean;
  help?: LocalizedText;
  condition?: Condition;
}

type PlainType = Exclude<QuestionType, "singleChoice" | "multipleChoice">;

export function question(
  id: string,
  type: PlainType,
  label: LocalizedText,
  extras: QuestionExtras = {},
): Question {
  const { required = true, help, condition } = extras;
  return {
    kind: "question",
    id,
    type,
    label,
    required,
    ...(help ? { help } : {}),
    ...(condition ? { condition } : {}),
  };
}

export function choice(
  id: string,
  type: "singleChoice" | "multipleChoice",
  label: LocalizedText,
  options: ChoiceOption[],
  extras: QuestionExtras = {},
): Question {
  return { ...question(id, "text", label, extras), type, options };
}

interface GroupShape {
  label: LocalizedText;
  itemLabel: LocalizedText;
  minItems: number;
  maxItems: number;
  condition?: Condition;
}

export function group(id: string, shape: GroupShape, questions: Question[]): Group {
  const { condition, ...rest } = shape;
  return { kind: "group", id, ...rest, questions, ...(condition ? { condition } : {}) };
}
