import type { PostcodeAddress } from "#src/contracts/questionnaires/answer-formats.ts";
import { parseMultipleChoice } from "#src/contracts/questionnaires/answer-formats.ts";
import type {
  Answers,
  AnswerValue,
  FileAnswer,
  GroupItemAnswers,
  RawGroupItem,
  RawPageInput,
} from "#src/contracts/questionnaires/answers.ts";
import type {
  Group,
  Page,
  Question,
  QuestionnaireDefinition,
} from "#src/contracts/questionnaires/definition.ts";
import { withPageAnswers } from "#src/contracts/questionnaires/validate-page.ts";
import {
  groupItemsOf,
  isVisible,
  visibleAnswers,
  visiblePages,
} from "#src/contracts/questionnaires/visibility.ts";

/**
 * What a form holds for one page of a questionnaire while the client types: the raw values of
 * its controls, made from the stored (normalised) answers when the page opens and sent as the
 * page's raw input at "Volgende" or "Vorige". Nothing here is stored until the server saved it.
 */

/** The three boxes of a Dutch address, as typed. */
export interface TypedAddress {
  postcode: string;
  houseNumber: string;
  addition: string;
}

/**
 * By question type: the text of a box (text, longText, number, amount, date as YYYY-MM-DD,
 * email, phone, iban, bsn, and the chosen option of a single choice), yes/no (null when neither
 * is chosen), the ticked options, the address, or the uploaded file (null when none).
 */
export type TypedAnswer = string | boolean | null | string[] | TypedAddress | FileAnswer;

/** One item of a repeating group; `key` keeps React's identity when an item is removed. */
export interface TypedGroupItem {
  key: string;
  answers: Record<string, TypedAnswer>;
}

export type TypedPage = Record<string, TypedAnswer | TypedGroupItem[]>;

export function isTypedAddress(value: unknown): value is TypedAddress {
  return typeof value === "object" && value !== null && "houseNumber" in value;
}

export function isFileAnswer(value: unknown): value is FileAnswer {
  return typeof value === "object" && value !== null && "documentId" in value;
}

/** An unanswered question's controls. */
export function emptyTypedAnswer(question: Question): TypedAnswer {
  switch (question.type) {
    case "yesNo":
    case "file":
      return null;
    case "multipleChoice":
      return [];
    case "postcode":
      return { postcode: "", houseNumber: "", addition: "" };
    default:
      return "";
  }
}

/**
 * A stored answer as its controls show it: dates as the date input wants them (YYYY-MM-DD),
 * amounts in euros with a decimal comma ("1.250,00"), numbers with a decimal comma, the rest as
 * stored; the parsers read each back to the same value.
 */
export function typedAnswerOf(question: Question, stored: AnswerValue | undefined): TypedAnswer {
  if (stored === undefined) return emptyTypedAnswer(question);
  switch (question.type) {
    case "number":
      return typeof stored === "number" ? dutchNumber(stored) : "";
    case "amount":
      return typeof stored === "number" ? euros(stored) : "";
    case "yesNo":
      return typeof stored === "boolean" ? stored : null;
    case "multipleChoice":
      return Array.isArray(stored) ? [...stored] : [];
    case "postcode":
      return isPostcodeAddress(stored)
        ? {
            postcode: stored.postcode,
            houseNumber: String(stored.houseNumber),
            addition: stored.addition ?? "",
          }
        : emptyTypedAnswer(question);
    case "file":
      return isFileAnswer(stored) ? { documentId: stored.documentId, name: stored.name } : null;
    default:
      return typeof stored === "string" ? stored : emptyTypedAnswer(question);
  }
}

function isPostcodeAddress(value: unknown): value is PostcodeAddress {
  return typeof value === "object" && value !== null && "houseNumber" in value;
}

/** 12.5 → "12,5", as `parseNumber` reads it (no thousands dots, which it also accepts). */
function dutchNumber(value: number): string {
  return value.toLocaleString("nl-NL", { useGrouping: false, maximumFractionDigits: 20 });
}

/** 125000 cents → "1.250,00", as `parseAmount` reads it. */
function euros(cents: number): string {
  const whole = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${whole},${String(cents % 100).padStart(2, "0")}`;
}

/** An empty item of a group, for "+ Nog een … toevoegen". */
export function emptyGroupItem(group: Group, key: string): TypedGroupItem {
  return {
    key,
    answers: Object.fromEntries(group.questions.map((q) => [q.id, emptyTypedAnswer(q)])),
  };
}

/**
 * The controls of a page, filled with the stored answers; a group gets its stored items, and
 * empty ones up to its minimum, so a required group starts with an item to fill in.
 */
export function typedPageOf(page: Page, answers: Answers, newKey: () => string): TypedPage {
  const typed: TypedPage = {};
  for (const item of page.items) {
    if (item.kind === "question") {
      const stored = answers[item.id];
      // A group's items are never a question's answer; a multiple choice's options are.
      const isGroupAnswer =
        Array.isArray(stored) && stored.some((value) => typeof value === "object");
      typed[item.id] = typedAnswerOf(item, isGroupAnswer ? undefined : (stored as AnswerValue));
      continue;
    }
    const items = groupItemsOf(answers[item.id]).map((stored) => ({
      key: newKey(),
      answers: Object.fromEntries(
        item.questions.map((question) => [
          question.id,
          typedAnswerOf(question, stored[question.id]),
        ]),
      ),
    }));
    while (items.length < item.minItems) items.push(emptyGroupItem(item, newKey()));
    typed[item.id] = items;
  }
  return typed;
}

/** The page's controls as the raw input "Volgende" sends (`RawPageInput`). */
export function rawPageInput(page: Page, typed: TypedPage): RawPageInput {
  const input: RawPageInput = {};
  for (const item of page.items) {
    const value = typed[item.id];
    if (item.kind === "question") {
      if (value !== undefined && !isGroupItems(value)) input[item.id] = rawAnswer(value);
      continue;
    }
    const items = isGroupItems(value) ? value : [];
    input[item.id] = items.map((groupItem) => {
      const raw: RawGroupItem = {};
      for (const question of item.questions) {
        const answer = groupItem.answers[question.id];
        if (answer !== undefined) raw[question.id] = rawAnswer(answer);
      }
      return raw;
    });
  }
  return input;
}

function rawAnswer(value: TypedAnswer): RawGroupItem[string] {
  if (isTypedAddress(value)) {
    return { postcode: value.postcode, houseNumber: value.houseNumber, addition: value.addition };
  }
  if (Array.isArray(value)) return [...value];
  return value;
}

export function isGroupItems(value: TypedPage[string] | undefined): value is TypedGroupItem[] {
  return Array.isArray(value) && value.every((item) => typeof item === "object" && "key" in item);
}

/**
 * The value a condition compares with, from what is typed now: only yes/no and choice questions
 * are looked at by conditions (the definition allows no other), and only a valid choice counts.
 */
function conditionValue(
  question: Question,
  typed: TypedAnswer | undefined,
): AnswerValue | undefined {
  const options = question.options?.map((option) => option.value) ?? [];
  switch (question.type) {
    case "yesNo":
      return typeof typed === "boolean" ? typed : undefined;
    case "singleChoice":
      return typeof typed === "string" && options.includes(typed) ? typed : undefined;
    case "multipleChoice": {
      if (!Array.isArray(typed) || typed.length === 0) return undefined;
      const parsed = parseMultipleChoice(typed, options);
      return parsed.ok ? parsed.value : undefined;
    }
    default:
      return undefined;
  }
}

/** What shows on the page now, from the saved answers and what is typed on the page. */
export interface PageVisibility {
  /** The ids of the page's questions and groups that show. */
  items: ReadonlySet<string>;
  /** Whether a group's question shows in one of its items. */
  inGroup(group: Group, item: TypedGroupItem): ReadonlySet<string>;
  /** The answers so far with this page's typed choices in: for the pages that show. */
  answers: Answers;
}

/**
 * Shows and hides live: the saved answers of the other pages, plus this page's typed choices in
 * page order, the same way `validatePage` will read them.
 */
export function pageVisibility(
  definition: QuestionnaireDefinition,
  page: Page,
  typed: TypedPage,
  saved: Answers,
): PageVisibility {
  const context = visibleAnswers(definition, saved);
  for (const item of page.items) delete context[item.id];
  const items = new Set<string>();
  const pageAnswers: Answers = {};
  for (const item of page.items) {
    if (!isVisible(item.condition, context)) continue;
    items.add(item.id);
    if (item.kind !== "question") continue;
    const typedValue = typed[item.id];
    const value = isGroupItems(typedValue) ? undefined : conditionValue(item, typedValue);
    if (value === undefined) continue;
    context[item.id] = value;
    pageAnswers[item.id] = value;
  }
  const inGroup = (group: Group, groupItem: TypedGroupItem) => {
    const shown = new Set<string>();
    const itemAnswers: GroupItemAnswers = {};
    for (const question of group.questions) {
      if (!isVisible(question.condition, context, itemAnswers)) continue;
      shown.add(question.id);
      const value = conditionValue(question, groupItem.answers[question.id]);
      if (value !== undefined) itemAnswers[question.id] = value;
    }
    return shown;
  };
  return {
    items,
    inGroup,
    answers: withPageAnswers(definition, page.id, saved, pageAnswers),
  };
}

/** "Pagina x van y": the place of `pageId` among the pages that show with these answers. */
export function pagePosition(
  definition: QuestionnaireDefinition,
  answers: Answers,
  pageId: string,
): { page: number; pages: number; first: boolean } {
  const pages = visiblePages(definition, answers);
  const index = pages.findIndex((page) => page.id === pageId);
  return { page: index + 1, pages: pages.length, first: index <= 0 };
}

// ── Errors ───────────────────────────────────────────────────────────────────────────────

/**
 * A refused answer's place as a key: "question", "group.index.question", or "group" for the
 * group itself; the code says what is wrong.
 */
export type FieldErrors = Record<string, string>;

export const errorKey = (path: readonly (string | number)[]) => path.join(".");

/** The errors of `validatePage`, by key; the first error of a field wins. */
export function fieldErrorsOf(
  errors: readonly { path: readonly (string | number)[]; code: string }[],
): FieldErrors {
  const found: FieldErrors = {};
  for (const error of errors) {
    const key = errorKey(error.path);
    if (!(key in found)) found[key] = error.code;
  }
  return found;
}

/** The errors of a refused save (`body.answers.<key>`), by key. */
export function fieldErrorsOfDetails(
  details: readonly { path: string; code: string }[],
): FieldErrors {
  return fieldErrorsOf(
    details
      .filter((detail) => detail.path === "body.answers" || detail.path.startsWith("body.answers."))
      .map((detail) => ({
        path: detail.path
          .replace(/^body\.answers\.?/, "")
          .split(".")
          .filter(Boolean),
        code: detail.code,
      })),
  );
}

/** The id of a question's control (its first one, for several), from its error key. */
export function controlId(key: string): string {
  return `q-${key.replaceAll(".", "-")}`;
}

/**
 * The stored answers as the API sends them (JSON): what `validatePage` made of each saved page,
 * so they have the shape of `Answers`. Everything here reads them defensively all the same
 * (`groupItemsOf`, the type checks in `typedAnswerOf`).
 */
export function storedAnswers(json: Readonly<Record<string, unknown>>): Answers {
  return json as Answers;
}
