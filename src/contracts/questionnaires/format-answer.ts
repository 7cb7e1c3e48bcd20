import type { Locale } from "../locale.ts";
import { formatIban, type PostcodeAddress } from "./answer-formats.ts";
import type { AnswerValue } from "./answers.ts";
import type { Question } from "./definition.ts";

/**
 * A stored answer as people read it: on the summary page, in the PDF and in the CSV. Numbers
 * and amounts keep the Dutch notation in English too, the notation the form accepts, so a
 * value reads the same as it was typed.
 */

const YES_NO: Record<Locale, { yes: string; no: string }> = {
  nl: { yes: "Ja", no: "Nee" },
  en: { yes: "Yes", no: "No" },
};

const dutchNumber = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 20 });
const dutchInteger = new Intl.NumberFormat("nl-NL");
const longDates: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }),
};

/** `value` must be an answer to `question`, as `validatePage` made it. */
export function formatAnswer(question: Question, value: AnswerValue, locale: Locale): string {
  switch (question.type) {
    case "number":
      return dutchNumber.format(Number(value));
    case "amount":
      return formatCents(Number(value));
    case "date":
      // "2026-12-06" is midnight UTC, so formatting in UTC keeps the day.
      return longDates[locale].format(new Date(String(value)));
    case "yesNo":
      return value === true ? YES_NO[locale].yes : YES_NO[locale].no;
    case "singleChoice":
    case "multipleChoice":
      return [value]
        .flat()
        .map((chosen) => optionLabel(question, chosen, locale))
        .join(", ");
    case "iban":
      return formatIban(String(value));
    case "postcode":
      return typeof value === "object" && "houseNumber" in value
        ? formatPostcodeAddress(value)
        : String(value);
    case "file":
      return typeof value === "object" && "documentId" in value ? value.name : String(value);
    case "text":
    case "longText":
    case "email":
    case "phone":
    case "bsn":
      return String(value);
  }
}

/** 123456 → "€ 1.234,56", from the integer cents, so no rounding of a double shows. */
function formatCents(cents: number): string {
  const euros = dutchInteger.format(Math.trunc(cents / 100));
  return `€ ${euros},${String(cents % 100).padStart(2, "0")}`;
}

function optionLabel(question: Question, chosen: unknown, locale: Locale): string {
  const option = question.options?.find((candidate) => candidate.value === chosen);
  return option ? option.label[locale] : String(chosen);
}

/**
 * "1234 AB 12a": a single letter joins the number as on a door; any other addition follows
 * a dash, so "12" with addition "2" does not read as 122.
 */
function formatPostcodeAddress({ postcode, houseNumber, addition }: PostcodeAddress): string {
  if (!addition) return `${postcode} ${houseNumber}`;
  const separator = /^[A-Za-z]$/.test(addition) ? "" : "-";
  return `${postcode} ${houseNumber}${separator}${addition}`;
}
