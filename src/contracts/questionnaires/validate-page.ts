import {
  type AnswerErrorCode,
  type Parsed,
  parseAmount,
  parseBsn,
  parseDate,
  parseEmail,
  parseIban,
  parseLongText,
  parseMultipleChoice,
  parseNumber,
  parsePhone,
  parsePostcodeAddress,
  parseSingleChoice,
  parseText,
} from "./answer-formats.ts";
import type {
  Answers,
  AnswerValue,
  GroupItemAnswers,
  RawAnswer,
  RawGroupItem,
  RawPageInput,
} from "./answers.ts";
import type { Group, Question, QuestionnaireDefinition } from "./definition.ts";
import { isVisible, visibleAnswers } from "./visibility.ts";

/**
 * "Volgende": one page's raw input checked against the definition and normalised, the same in
 * the browser (errors beside the fields) and on the server (what is stored).
 */

/** What a refused page's errors say besides the answer formats' codes, for the apps to translate. */
export const pageErrorCodes = {
  required: "required",
  /** The value has the wrong shape for its question, e.g. a yes/no sent as text. */
  invalidAnswer: "invalid_answer",
  /** A key that is no question of this page (or of the group): the form and definition differ. */
  unknownQuestion: "unknown_question",
  tooFewItems: "too_few_items",
  tooManyItems: "too_many_items",
  unknownPage: "unknown_page",
  /** The page is hidden by an earlier answer, so nothing on it can be answered. */
  pageNotVisible: "page_not_visible",
} as const;
export type PageErrorCode = (typeof pageErrorCodes)[keyof typeof pageErrorCodes];
const codes = pageErrorCodes;

/** Where the error is: question id, or group id, item index and question id; empty for the page. */
export type PageError = { path: (string | number)[]; code: AnswerErrorCode | PageErrorCode };
export type PageValidation = { ok: true; answers: Answers } | { ok: false; errors: PageError[] };

/**
 * Checks and normalises the answers of page `pageId`. Questions and groups hidden by a
 * condition are skipped and their input dropped: a form keeps what was typed into a question
 * that an answer then hid. A key that is no question of the page is refused, since saving
 * without it would lose what the client typed. `answersSoFar` are the stored answers; the
 * page's own among them are ignored, as this input replaces them (see `withPageAnswers`).
 * `partial` is "Vorige": what was typed is kept as far as it is valid, and what is missing is
 * no error yet (it is when the client comes back and goes on).
 */
export function validatePage(
  definition: QuestionnaireDefinition,
  pageId: string,
  input: RawPageInput,
  answersSoFar: Answers,
  { partial = false }: { partial?: boolean } = {},
): PageValidation {
  const page = definition.pages.find((candidate) => candidate.id === pageId);
  if (!page) return { ok: false, errors: [{ path: [], code: codes.unknownPage }] };
  const context = visibleAnswers(definition, answersSoFar);
  for (const item of page.items) delete context[item.id];
  if (!isVisible(page.condition, context)) {
    return { ok: false, errors: [{ path: [], code: codes.pageNotVisible }] };
  }

  const errors: PageError[] = unknownKeys(input, page.items, []);
  const answers: Answers = {};
  for (const item of page.items) {
    if (!isVisible(item.condition, context)) continue;
    const answer =
      item.kind === "question"
        ? readAnswer(item, input[item.id], [item.id], errors, partial)
        : readGroup(item, input[item.id], context, errors, partial);
    if (answer === undefined) continue;
    answers[item.id] = answer;
    // Later questions of this page may depend on this answer.
    context[item.id] = answer;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/** The stored answers with those of page `pageId` replaced by what `validatePage` returned. */
export function withPageAnswers(
  definition: QuestionnaireDefinition,
  pageId: string,
  answers: Answers,
  pageAnswers: Answers,
): Answers {
  const page = definition.pages.find((candidate) => candidate.id === pageId);
  const kept = { ...answers };
  for (const item of page?.items ?? []) delete kept[item.id];
  return { ...kept, ...pageAnswers };
}

function unknownKeys(
  input: Record<string, unknown>,
  known: readonly { id: string }[],
  path: (string | number)[],
): PageError[] {
  return Object.keys(input)
    .filter((key) => !known.some((item) => item.id === key))
    .map((key) => ({ path: [...path, key], code: codes.unknownQuestion }));
}

function readGroup(
  group: Group,
  raw: RawPageInput[string] | undefined,
  context: Answers,
  errors: PageError[],
  partial: boolean,
): GroupItemAnswers[] | undefined {
  const rawItems = raw === undefined || raw === null ? [] : raw;
  if (!Array.isArray(rawItems) || !rawItems.every(isRawGroupItem)) {
    errors.push({ path: [group.id], code: codes.invalidAnswer });
    return undefined;
  }
  if (!partial && rawItems.length < group.minItems)
    errors.push({ path: [group.id], code: codes.tooFewItems });
  if (rawItems.length > group.maxItems) errors.push({ path: [group.id], code: codes.tooManyItems });
  return rawItems.map((rawItem, index) => {
    errors.push(...unknownKeys(rawItem, group.questions, [group.id, index]));
    const item: GroupItemAnswers = {};
    for (const question of group.questions) {
      if (!isVisible(question.condition, context, item)) continue;
      const path = [group.id, index, question.id];
      const answer = readAnswer(question, rawItem[question.id], path, errors, partial);
      if (answer !== undefined) item[question.id] = answer;
    }
    return item;
  });
}

function isRawGroupItem(value: unknown): value is RawGroupItem {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The normalised answer, or undefined when there is none (blank, or refused into `errors`). */
function readAnswer(
  question: Question,
  raw: RawPageInput[string] | undefined,
  path: (string | number)[],
  errors: PageError[],
  partial: boolean,
): AnswerValue | undefined {
  if (raw === undefined || isBlank(raw)) {
    if (question.required && !partial) errors.push({ path, code: codes.required });
    return undefined;
  }
  const parsed = parseAnswer(question, raw);
  if (parsed.ok) return parsed.value;
  errors.push({ path, code: parsed.code });
  return undefined;
}

function isBlank(raw: RawPageInput[string]): boolean {
  if (raw === null) return true;
  if (typeof raw === "string") return raw.trim() === "";
  if (Array.isArray(raw)) return raw.length === 0;
  if (typeof raw === "object" && "houseNumber" in raw) {
    return [raw.postcode, raw.houseNumber, raw.addition ?? ""].every((field) => !field.trim());
  }
  return false;
}

const wrongShape = { ok: false, code: codes.invalidAnswer } as const;

function parseAnswer(
  question: Question,
  raw: RawAnswer | RawGroupItem[],
): Parsed<AnswerValue> | typeof wrongShape {
  const options = question.options?.map((option) => option.value) ?? [];
  const fromText = (parse: (typed: string) => Parsed<AnswerValue>) =>
    typeof raw === "string" ? parse(raw) : wrongShape;
  switch (question.type) {
    case "text":
      return fromText(parseText);
    case "longText":
      return fromText(parseLongText);
    case "number":
      return fromText(parseNumber);
    case "amount":
      return fromText(parseAmount);
    case "date":
      return fromText(parseDate);
    case "email":
      return fromText(parseEmail);
    case "phone":
      return fromText(parsePhone);
    case "iban":
      return fromText(parseIban);
    case "bsn":
      return fromText(parseBsn);
    case "singleChoice":
      return fromText((value) => parseSingleChoice(value, options));
    case "yesNo":
      return typeof raw === "boolean" ? { ok: true, value: raw } : wrongShape;
    case "multipleChoice":
      return isStringArray(raw) ? parseMultipleChoice(raw, options) : wrongShape;
    case "postcode":
      return typeof raw === "object" && raw !== null && "houseNumber" in raw
        ? parsePostcodeAddress(raw)
        : wrongShape;
    case "file":
      // The raw schema checked its shape; that the document is this client's own upload for
      // this questionnaire is for the server to check, which the contract cannot.
      return typeof raw === "object" && raw !== null && "documentId" in raw
        ? { ok: true, value: raw }
        : wrongShape;
  }
}

function isStringArray(raw: RawAnswer | RawGroupItem[]): raw is string[] {
  return Array.isArray(raw) && raw.every((value) => typeof value === "string");
}
