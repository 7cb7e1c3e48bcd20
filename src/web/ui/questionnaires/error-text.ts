import type { TFunction } from "i18next";
import { LONG_TEXT_MAX, TEXT_MAX } from "#src/contracts/questionnaires/answer-formats.ts";
import type { Group, Question } from "#src/contracts/questionnaires/definition.ts";

/**
 * What a refused answer's code (`answerErrorCodes`, `pageErrorCodes`, or a server's refusal of a
 * file) tells the client, in words that say how to put it right.
 */
const known = new Set([
  "invalid_answer",
  "unknown_question",
  "unknown_page",
  "page_not_visible",
  "control_character",
  "invalid_number",
  "invalid_amount",
  "invalid_date",
  "invalid_email",
  "invalid_phone_number",
  "invalid_iban",
  "invalid_bsn",
  "invalid_postcode",
  "invalid_house_number",
  "invalid_house_number_addition",
  "unknown_option",
  "unknown",
]);

export function questionErrorText(t: TFunction, code: string, question: Question): string {
  if (code === "required") {
    switch (question.type) {
      case "yesNo":
      case "singleChoice":
      case "multipleChoice":
        return t("questionnaires.errors.requiredChoice");
      case "file":
        return t("questionnaires.errors.requiredFile");
      case "postcode":
        return t("questionnaires.errors.requiredAddress");
      default:
        return t("questionnaires.errors.required");
    }
  }
  if (code === "too_long") {
    return t("questionnaires.errors.too_long", {
      max: question.type === "longText" ? LONG_TEXT_MAX : TEXT_MAX,
    });
  }
  return known.has(code) ? t(`questionnaires.errors.${code}`) : t("questionnaires.errors.other");
}

export function groupErrorText(t: TFunction, code: string, group: Group): string {
  if (code === "too_few_items") {
    return t("questionnaires.errors.too_few_items", { min: group.minItems });
  }
  if (code === "too_many_items") {
    return t("questionnaires.errors.too_many_items", { max: group.maxItems });
  }
  return known.has(code) ? t(`questionnaires.errors.${code}`) : t("questionnaires.errors.other");
}
