import { submitRequestSchema } from "#src/contracts/certificates.ts";

/** What is wrong with a field before it is sent; the server checks again. */
export type FieldProblem = "missing" | "invalid";

/** The part before the @ of a certificate's address, as the contract allows it. */
export function localPartProblem(value: string): FieldProblem | undefined {
  if (!value.trim()) return "missing";
  return submitRequestSchema.shape.emailLocalPart.safeParse(value).success ? undefined : "invalid";
}

/**
 * A mobile number as people type it: digits with an optional leading + and spaces, dashes,
 * dots or brackets between them. The server normalises and checks it for real.
 */
export function mobileProblem(value: string): FieldProblem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return "missing";
  if (trimmed.length > 32) return "invalid";
  const digits = trimmed.replace(/[\s().-]/g, "");
  return /^\+?\d{8,15}$/.test(digits) ? undefined : "invalid";
}
