import { z } from "zod";

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
  .transform(toInternational)
  .pipe(
    z
      .string()
      .regex(INTERNATIONAL, { error: "invalid_phone_number" })
      .refine((value) => !value.startsWith("+31") || DUTCH_MOBILE.test(value), {
        error: "invalid_phone_number",
      }),
  );

function toInternational(typed: string): string {
  const value = typed.replace(/[\s.-]/g, "").replace(/^00/, "+");
  // "+31 (0)6 …": the (0) is the national trunk prefix that callers from abroad leave out.
  const withoutTrunk = value.replace(/^(\+\d{1,3})\(0\)/, "$1").replace(/[()]/g, "");
  return /^0[1-9]/.test(withoutTrunk) ? `+31${withoutTrunk.slice(1)}` : withoutTrunk;
}
