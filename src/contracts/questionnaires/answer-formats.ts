import { bsnSchema } from "#src/contracts/eherkenning/kvk-numbers.ts";
import { CONTROL_CHARACTER, multiLineText, singleLineText } from "../text.ts";

/**
 * One parser per kind of answer, from what a person typed to the value Poort stores, or the
 * code of what is wrong with it. Pure, so the browser says the same as the server. Dutch
 * conventions throughout, in both languages: the notary reads the answers, and a value must
 * not change its meaning with the language of the form.
 */

/** What a refused answer's error says, for the apps to translate. */
export const answerErrorCodes = {
  tooLong: "too_long",
  controlCharacter: CONTROL_CHARACTER,
  invalidNumber: "invalid_number",
  invalidAmount: "invalid_amount",
  invalidDate: "invalid_date",
  invalidEmail: "invalid_email",
  invalidPhoneNumber: "invalid_phone_number",
  invalidIban: "invalid_iban",
  invalidBsn: "invalid_bsn",
  invalidPostcode: "invalid_postcode",
  invalidHouseNumber: "invalid_house_number",
  invalidHouseNumberAddition: "invalid_house_number_addition",
  unknownOption: "unknown_option",
} as const;
export type AnswerErrorCode = (typeof answerErrorCodes)[keyof typeof answerErrorCodes];
const codes = answerErrorCodes;

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: AnswerErrorCode };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (code: AnswerErrorCode): Parsed<never> => ({ ok: false, code });

export const TEXT_MAX = 500;
export const LONG_TEXT_MAX = 5000;

const textSchema = singleLineText(TEXT_MAX);
const longTextSchema = multiLineText(LONG_TEXT_MAX);

/** One line, trimmed, at most 500 characters. */
export function parseText(typed: string): Parsed<string> {
  return parseWith(textSchema, typed);
}

/** A text area's text, trimmed, at most 5000 characters, line breaks kept. */
export function parseLongText(typed: string): Parsed<string> {
  return parseWith(longTextSchema, typed);
}

function parseWith(schema: typeof textSchema, typed: string): Parsed<string> {
  const result = schema.safeParse(typed);
  if (result.success) return ok(result.data);
  return fail(result.error.issues[0]?.code === "too_big" ? codes.tooLong : codes.controlCharacter);
}

/**
 * The integer part of a Dutch number: digits, or dots between groups of three ("1.234.567").
 * A dot is never a decimal point: "12.500" would then mean both 12,5 and twelve thousand five
 * hundred, so "12.5" is refused rather than guessed.
 */
const DUTCH_INTEGER = String.raw`\d{1,3}(?:\.\d{3})+|\d+`;
const NUMBER = new RegExp(`^(-?)(${DUTCH_INTEGER})(?:,(\\d+))?$`);
/** Beyond 15 significant digits a double no longer holds what was typed. */
const MAX_NUMBER_DIGITS = 15;

/** "1.234" → 1234, "12,5" → 12.5, "-3" → -3; a decimal comma, dots only between thousands. */
export function parseNumber(typed: string): Parsed<number> {
  const match = NUMBER.exec(typed.trim());
  if (!match) return fail(codes.invalidNumber);
  const [, sign, integer = "", fraction = ""] = match;
  const digits = integer.replaceAll(".", "");
  if (digits.length + fraction.length > MAX_NUMBER_DIGITS) return fail(codes.invalidNumber);
  const value = Number(`${sign}${digits}.${fraction || "0"}`);
  // "-0" is 0: a stored -0 would show as "0" yet compare oddly in JSON and CSV.
  return ok(value === 0 ? 0 : value);
}

/**
 * An amount in euros: an optional "€", then a Dutch number with at most two decimals, or ",-"
 * for whole euros ("€ 1.234,-"). Never negative, below a trillion euros.
 */
const AMOUNT = new RegExp(`^(?:€\\s*)?(${DUTCH_INTEGER})(?:,(\\d{1,2}|-))?$`);
const MAX_AMOUNT_EURO_DIGITS = 12;

/** "€ 1.234,56" → 123456: integer cents, so sums and comparisons are exact. */
export function parseAmount(typed: string): Parsed<number> {
  const match = AMOUNT.exec(typed.trim());
  if (!match) return fail(codes.invalidAmount);
  const [, integer = "", fraction = ""] = match;
  const euros = integer.replaceAll(".", "");
  if (euros.length > MAX_AMOUNT_EURO_DIGITS) return fail(codes.invalidAmount);
  const cents = fraction === "-" ? "00" : fraction.padEnd(2, "0");
  return ok(Number(euros) * 100 + Number(cents));
}

const ISO_DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;
const DUTCH_DATE = /^(\d{1,2})-(\d{1,2})-([1-9]\d{3})$/;

/**
 * "2026-12-06" (what `<input type="date">` sends) or "6-12-2026" / "06-12-2026" → "2026-12-06".
 * Always day first, never month first. A year starting with 0 is a typo, not the year 202.
 */
export function parseDate(typed: string): Parsed<string> {
  const parts = dateParts(typed.trim());
  if (!parts) return fail(codes.invalidDate);
  const [year, month, day] = parts;
  // Day 0 of the next month is the last day of this one ("31-02-2024" is refused).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return fail(codes.invalidDate);
  return ok(`${year}-${pad(month)}-${pad(day)}`);
}

function dateParts(value: string): [year: number, month: number, day: number] | undefined {
  const iso = ISO_DATE.exec(value);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const dutch = DUTCH_DATE.exec(value);
  if (dutch) return [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])];
  return undefined;
}

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * A practical check, not RFC 5322: one "@", no spaces or control characters, a domain with a
 * dot and a top-level part of two or more characters. Mail servers treat the domain without
 * regard to case, so it is stored in lower case; the part before the "@" is kept as typed.
 */
const EMAIL = /^([^\s@\p{Cc}]{1,64})@((?:[^\s@.\p{Cc}]+\.)+[^\s@.\p{Cc}]{2,})$/u;
const EMAIL_MAX = 254;

export function parseEmail(typed: string): Parsed<string> {
  const value = typed.trim();
  const match = value.length <= EMAIL_MAX ? EMAIL.exec(value) : null;
  if (!match) return fail(codes.invalidEmail);
  return ok(`${match[1]}@${match[2]?.toLowerCase()}`);
}

const PHONE_TYPED_MAX = 32;
const E164 = /^\+[1-9]\d{7,14}$/;
/** A Dutch number has nine digits after +31, landline and mobile alike (020 1234567, 06 …). */
const DUTCH_E164 = /^\+31[1-9]\d{8}$/;

/**
 * Any phone number, Dutch or from abroad, as people write it ("020-123 45 67", "(020) 1234567",
 * "+31 (0)6 1234 5678", "0032 470 12 34 56") → E.164. Unlike `../phone-number.ts`, which wants
 * a mobile number for texts, this is a number to call, so landlines count.
 */
export function parsePhone(typed: string): Parsed<string> {
  const trimmed = typed.trim();
  if (trimmed.length > PHONE_TYPED_MAX) return fail(codes.invalidPhoneNumber);
  const compact = trimmed.replace(/[\s.\-/]/g, "").replace(/^00/, "+");
  // "+31 (0)20 …": the (0) is the trunk prefix that callers from abroad leave out.
  const international = compact.replace(/^(\+\d{1,3})\(0\)/, "$1").replace(/[()]/g, "");
  const value = /^0[1-9]/.test(international) ? `+31${international.slice(1)}` : international;
  if (!E164.test(value)) return fail(codes.invalidPhoneNumber);
  if (value.startsWith("+31") && !DUTCH_E164.test(value)) return fail(codes.invalidPhoneNumber);
  return ok(value);
}

/**
 * IBAN lengths of the SEPA countries, which a client of a Dutch notary will mostly use. An
 * IBAN of another country only needs 15 to 34 characters: its check digits still catch a typo.
 */
// biome-ignore format: a table of 42 countries reads best in rows
const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
  ES: 24, FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MT: 31, NL: 18, NO: 15,
  PL: 28, PT: 25, RO: 24, RS: 22, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
/** A Dutch account: four letters of the bank, then ten digits. */
const DUTCH_IBAN = /^NL\d{2}[A-Z]{4}\d{10}$/;

/** "nl91 abna 0417 1643 00" → "NL91ABNA0417164300", if its length and check digits hold. */
export function parseIban(typed: string): Parsed<string> {
  const value = typed.replace(/\s/g, "").toUpperCase();
  const expectedLength = SEPA_IBAN_LENGTHS[value.slice(0, 2)];
  const valid =
    IBAN.test(value) &&
    (expectedLength === undefined || value.length === expectedLength) &&
    (!value.startsWith("NL") || DUTCH_IBAN.test(value)) &&
    ibanRemainder(value) === 1;
  return valid ? ok(value) : fail(codes.invalidIban);
}

/** ISO 13616: the first four characters move to the end, letters become 10..35, mod 97. */
function ibanRemainder(iban: string): number {
  let remainder = 0;
  for (const character of iban.slice(4) + iban.slice(0, 4)) {
    const digits = Number.parseInt(character, 36).toString();
    // Digit by digit, as the whole number is far beyond what a double holds exactly.
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** "NL91ABNA0417164300" → "NL91 ABNA 0417 1643 00", as banks print it. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * A burgerservicenummer: nine digits (eight get a leading zero, as the number is sometimes
 * written without it), dots and spaces ignored ("1234.56.782"), passing the 11-proef: the
 * rule of `bsnSchema`, so a questionnaire accepts the same numbers as the eHerkenning forms.
 */
export function parseBsn(typed: string): Parsed<string> {
  const parsed = bsnSchema.safeParse(typed);
  return parsed.success ? ok(parsed.data) : fail(codes.invalidBsn);
}

/** Letter pairs that are never issued, for their associations with the Second World War. */
const UNISSUED_POSTCODE_LETTERS = new Set(["SA", "SD", "SS"]);
const POSTCODE = /^([1-9]\d{3}) *([A-Z]{2})$/;

/** "1234ab", "1234  AB" → "1234 AB". */
export function parsePostcode(typed: string): Parsed<string> {
  const match = POSTCODE.exec(typed.trim().toUpperCase());
  if (!match || UNISSUED_POSTCODE_LETTERS.has(match[2] ?? "")) return fail(codes.invalidPostcode);
  return ok(`${match[1]} ${match[2]}`);
}

export type PostcodeAddress = { postcode: string; houseNumber: number; addition?: string };
export type TypedPostcodeAddress = { postcode: string; houseNumber: string; addition?: string };

const HOUSE_NUMBER = /^[1-9]\d{0,4}$/;
const HOUSE_NUMBER_ADDITION = /^[A-Za-z0-9]{1,6}$/;

/**
 * The three fields of a Dutch address form: postcode, house number (1 to 99999) and an optional
 * addition ("a", "2", "bis", at most six letters or digits), kept as typed: additions have no
 * single spelling to normalise to.
 */
export function parsePostcodeAddress(typed: TypedPostcodeAddress): Parsed<PostcodeAddress> {
  const postcode = parsePostcode(typed.postcode);
  if (!postcode.ok) return postcode;
  const houseNumber = typed.houseNumber.trim();
  if (!HOUSE_NUMBER.test(houseNumber)) return fail(codes.invalidHouseNumber);
  const addition = typed.addition?.trim();
  if (addition && !HOUSE_NUMBER_ADDITION.test(addition)) {
    return fail(codes.invalidHouseNumberAddition);
  }
  return ok({
    postcode: postcode.value,
    houseNumber: Number(houseNumber),
    ...(addition ? { addition } : {}),
  });
}

/** One of `allowed`, the option values of a single-choice question. */
export function parseSingleChoice(typed: string, allowed: readonly string[]): Parsed<string> {
  return allowed.includes(typed) ? ok(typed) : fail(codes.unknownOption);
}

/**
 * Some of `allowed`: each once, in the order of the options, so equal choices are stored and
 * shown alike however the form sent them.
 */
export function parseMultipleChoice(
  typed: readonly string[],
  allowed: readonly string[],
): Parsed<string[]> {
  if (!typed.every((value) => allowed.includes(value))) return fail(codes.unknownOption);
  return ok(allowed.filter((value) => typed.includes(value)));
}
