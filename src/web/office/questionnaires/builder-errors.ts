import { definitionErrorCodes } from "#src/contracts/questionnaires/definition.ts";
import { CONTROL_CHARACTER } from "#src/contracts/text.ts";
import type { Draft, DraftQuestion, Language } from "./builder-model.ts";

/**
 * Where a refusal of the server belongs in the builder. The server checks a definition with
 * its schema and names each problem by its path in the body (`body.pages.1.items.0.label.en`);
 * the draft that was sent has the same order, so the path leads to the page, item, question
 * and choice, and from there to the id of the field to show the problem at.
 */

/** The id of a builder field: `qb-<key of page, item or choice>-<part>`. */
export const fieldId = (key: string, part: string) => `qb-${key}-${part}`;
export const generalFieldId = (part: string) => `qb-${part}`;

/** The kinds of field a problem can be at, to name them in the error summary. */
export type FieldName =
  | "title"
  | "description"
  | "addPage"
  | "pageTitle"
  | "pageIntro"
  | "condition"
  | "conditionEquals"
  | "addQuestion"
  | "type"
  | "label"
  | "help"
  | "required"
  | "addOption"
  | "optionLabel"
  | "optionValue"
  | "groupLabel"
  | "itemLabel"
  | "minItems"
  | "maxItems"
  | "item";

/** A field of the builder, and where it is, to name it ("Pagina 2, vraag 1, keuze 2"). */
export interface FieldPlace {
  id: string;
  field: FieldName;
  language?: Language;
  page?: number;
  item?: number;
  /** Whether the item is a repeating group (so it is named as one). */
  group?: boolean;
  /** A question within a group. */
  question?: number;
  option?: number;
}

const asLanguage = (part: string | undefined): Language | undefined =>
  part === "nl" || part === "en" ? part : undefined;
/** The language a path's last part names; Dutch for a path that ends at the text itself. */
const withLanguage = (part: string | undefined): Language => asLanguage(part) ?? "nl";

/** A text's field in one language: `<part>-<language>` of a page, item, question or choice. */
const textPlace = (key: string, part: string, field: FieldName, language: Language) => ({
  id: fieldId(key, `${part}-${language}`),
  field,
  language,
});

function conditionPlace(key: string, rest: string[]): Pick<FieldPlace, "id" | "field"> {
  return rest[1] === "equals"
    ? { id: fieldId(key, "condition-equals"), field: "conditionEquals" }
    : { id: fieldId(key, "condition"), field: "condition" };
}

/** A question's field (of a page, or of a group) from the rest of the path. */
function questionPlace(
  question: DraftQuestion,
  rest: string[],
): Omit<FieldPlace, "page" | "item" | "group"> {
  const [part, index, sub, language] = rest;
  const key = question.key;
  switch (part) {
    case "type":
      return { id: fieldId(key, "type"), field: "type" };
    case "required":
      return { id: fieldId(key, "required"), field: "required" };
    case "help":
      return textPlace(key, "help", "help", withLanguage(index));
    case "condition":
      return conditionPlace(key, rest);
    case "options": {
      const optionIndex = Number(index);
      const option = question.options[optionIndex];
      if (!option) return { id: fieldId(key, "add-option"), field: "addOption" };
      if (sub === "value") {
        return { id: fieldId(option.key, "value"), field: "optionValue", option: optionIndex + 1 };
      }
      return {
        ...textPlace(option.key, "label", "optionLabel", withLanguage(language)),
        option: optionIndex + 1,
      };
    }
    default: {
      // The label, or the id made of it.
      return textPlace(key, "label", "label", part === "label" ? withLanguage(index) : "nl");
    }
  }
}

/** The builder field that a refusal's path (without `body.`) points at. */
export function placeOfPath(draft: Draft, path: readonly string[]): FieldPlace {
  const [top, pageIndexText, ...afterPage] = path;
  if (top === "description") {
    const lang = withLanguage(pageIndexText);
    return { id: generalFieldId(`description-${lang}`), field: "description", language: lang };
  }
  if (top !== "pages") {
    const lang = top === "title" ? withLanguage(pageIndexText) : "nl";
    return { id: generalFieldId(`title-${lang}`), field: "title", language: lang };
  }
  const pageIndex = Number(pageIndexText);
  const page = draft.pages[pageIndex];
  if (!page) return { id: generalFieldId("add-page"), field: "addPage" };
  const onPage = { page: pageIndex + 1 };
  const [part, second, ...afterItem] = afterPage;

  if (part === "intro") {
    return { ...onPage, ...textPlace(page.key, "intro", "pageIntro", withLanguage(second)) };
  }
  if (part === "condition") return { ...onPage, ...conditionPlace(page.key, afterPage) };
  if (part !== "items") {
    const lang = part === "title" ? withLanguage(second) : "nl";
    return { ...onPage, ...textPlace(page.key, "title", "pageTitle", lang) };
  }

  const itemIndex = Number(second);
  const item = page.items[itemIndex];
  if (!item) return { ...onPage, id: fieldId(page.key, "add-question"), field: "addQuestion" };
  const inItem = { ...onPage, item: itemIndex + 1, group: item.kind === "group" };
  if (item.kind === "question") return { ...inItem, ...questionPlace(item, afterItem) };

  const [groupPart, groupSecond, ...afterQuestion] = afterItem;
  switch (groupPart) {
    case "itemLabel":
      return {
        ...inItem,
        ...textPlace(item.key, "item-label", "itemLabel", withLanguage(groupSecond)),
      };
    case "minItems":
      return { ...inItem, id: fieldId(item.key, "min"), field: "minItems" };
    case "maxItems":
      return { ...inItem, id: fieldId(item.key, "max"), field: "maxItems" };
    case "condition":
      return { ...inItem, ...conditionPlace(item.key, afterItem) };
    case "questions": {
      const questionIndex = Number(groupSecond);
      const question = item.questions[questionIndex];
      if (!question)
        return { ...inItem, id: fieldId(item.key, "add-question"), field: "addQuestion" };
      return { ...inItem, question: questionIndex + 1, ...questionPlace(question, afterQuestion) };
    }
    default: {
      const lang = groupPart === "label" ? withLanguage(groupSecond) : "nl";
      return { ...inItem, ...textPlace(item.key, "label", "groupLabel", lang) };
    }
  }
}

/** What a refusal says, as a key under `office.questionnaires.errors` and its values. */
export type ProblemKey =
  | (typeof definitionErrorCodes)[keyof typeof definitionErrorCodes]
  | "missing"
  | "tooLong"
  | "controlCharacter"
  | "noPages"
  | "tooManyPages"
  | "noQuestions"
  | "tooManyItems"
  | "groupItems"
  | "invalid";

const definitionCodes = new Set<string>(Object.values(definitionErrorCodes));
const listFields: ReadonlySet<FieldName> = new Set(["addPage", "addQuestion", "addOption"]);

/**
 * The problem a refusal names, for the field it is at: the definition's own codes as they are
 * (`condition_must_reference_earlier_question`), the schema's general ones by the kind of field.
 */
export function problemOf(
  detail: { code: string; message: string },
  place: FieldPlace,
): ProblemKey {
  if (definitionCodes.has(detail.message)) return detail.message as ProblemKey;
  if (detail.message === CONTROL_CHARACTER) return "controlCharacter";
  if (place.field === "minItems" || place.field === "maxItems") return "groupItems";
  const tooSmall = detail.code === "too_small";
  const tooBig = detail.code === "too_big";
  if (listFields.has(place.field)) {
    if (place.field === "addPage") return tooBig ? "tooManyPages" : "noPages";
    if (tooBig) return "tooManyItems";
    return place.field === "addOption" ? "too_few_options" : "noQuestions";
  }
  if (tooSmall) return "missing";
  if (tooBig) return "tooLong";
  return "invalid";
}
