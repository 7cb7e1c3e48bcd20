import { z } from "zod";

/**
 * Mobile numbers, checked and normalised in the contract, so a number that cannot take a text
 * is refused with a 400 that names the field, and the server only ever sees E.164.
 */

const INVALID = "invalid_phone_number";
/** Room for the longest way people write a number, e.g. "0031 (0)6 12 34 56 78". */
const MAX_TYPED_LENGTH = 32;
const INTERNATIONAL = /^\+[1-9]\d{7,14}$/;
/** Dutch mobile numbers are 06 and eight digits; any other Dutch number cannot take a text. */
const DUTCH_MOBILE = /^\+316\d{8}$/;

/**
 * A mobile number as people type it ("06 12345678", "+31 6-1234 5678", "0031612345678",
 * "+31 (0)6 12345678"), normalised to E.164. Dutch national numbers get +31.
 */
export const phoneNumberSchema = z
  .string()
  .trim()
  .max(MAX_TYPED_LENGTH, { error: INVALID })
  .transform(toInternational)
  .pipe(
    z
      .string()
      .regex(INTERNATIONAL, { error: INVALID })
      .refine((value) => !value.startsWith("+31") || DUTCH_MOBILE.test(value), {
        error: INVALID,
      }),
  );

/** A form's optional mobile number: left empty (or blank) it is absent, else as above. */
export const optionalPhoneNumberSchema = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .pipe(phoneNumberSchema.optional())
  .optional();

function toInternational(typed: string): string {
  const value = typed.replace(/[\s.-]/g, "").replace(/^00/, "+");
  // "+31 (0)6 …": the (0) is the national trunk prefix that callers from abroad leave out.
  const withoutTrunk = value.replace(/^(\+\d{1,3})\(0\)/, "$1").replace(/[()]/g, "");
  return /^0[1-9]/.test(withoutTrunk) ? `+31${withoutTrunk.slice(1)}` : withoutTrunk;
}
