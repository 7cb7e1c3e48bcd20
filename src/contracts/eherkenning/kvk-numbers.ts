import { z } from "zod";

/**
 * The numbers of the Dutch business register as people type them: separators they copy from a
 * letter or an extract are taken out, and what is left is checked, so the server only ever sees
 * the bare digits.
 */

/** What a refused number's error says, for the apps to translate. */
export const kvkNumberErrorCodes = {
  invalidKvkNumber: "invalid_kvk_number",
  invalidBranchNumber: "invalid_branch_number",
  invalidRsin: "invalid_rsin",
  invalidBsn: "invalid_bsn",
} as const;
const codes = kvkNumberErrorCodes;

/** Longer than any number written with separators; keeps a huge input from being scanned. */
const MAX_TYPED_LENGTH = 32;
const withoutSpaces = (typed: string) => typed.replace(/\s/g, "");

/** A KvK number: exactly 8 digits. It has no check digit, so nothing more can be checked. */
export const kvkNumberSchema = z
  .string()
  .max(MAX_TYPED_LENGTH, { error: codes.invalidKvkNumber })
  .overwrite(withoutSpaces)
  .regex(/^\d{8}$/, { error: codes.invalidKvkNumber });

/** A vestigingsnummer (branch number): exactly 12 digits, printed in groups on extracts. */
export const branchNumberSchema = z
  .string()
  .max(MAX_TYPED_LENGTH, { error: codes.invalidBranchNumber })
  .overwrite(withoutSpaces)
  .regex(/^\d{12}$/, { error: codes.invalidBranchNumber });

const ELEVEN_PROOF_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/**
 * The 11-proef of a BSN or RSIN: nine digits whose first eight, weighted 9 down to 2, minus the
 * last, add up to a multiple of 11. All zeros passes the sum but is no one's number, so it is
 * refused here, where every caller needs it refused.
 */
export function isElevenProof(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === "000000000") return false;
  const sum = ELEVEN_PROOF_WEIGHTS.reduce(
    (total, weight, index) => total + weight * Number(digits[index]),
    0,
  );
  return sum % 11 === 0;
}

/**
 * Nine digits passing the 11-proef, as people write them: dots and spaces ignored
 * ("1234.56.782"), and eight digits get the leading zero that is often left off.
 */
function elevenProofNumber(error: string) {
  return z
    .string()
    .max(MAX_TYPED_LENGTH, { error })
    .overwrite((typed) => typed.replace(/[\s.]/g, ""))
    .overwrite((digits) => (/^\d{8}$/.test(digits) ? `0${digits}` : digits))
    .refine(isElevenProof, { error });
}

/** The RSIN of a legal entity or partnership. */
export const rsinSchema = elevenProofNumber(codes.invalidRsin);

/** A burgerservicenummer. */
export const bsnSchema = elevenProofNumber(codes.invalidBsn);
