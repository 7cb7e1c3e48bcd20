import { z } from "zod";

/**
 * A mobile number as people type it ("06 12345678", "+31 6-1234 5678", "0031612345678"),
 * normalised to E.164. Dutch national numbers get +31.
 */
export const phoneNumberSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s().-]/g, ""))
  .transform((value) =>
    value.startsWith("00")
      ? `+${value.slice(2)}`
      : /^0[1-9]/.test(value)
        ? `+31${value.slice(1)}`
        : value,
  )
  .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, { error: "invalid_phone_number" }));
