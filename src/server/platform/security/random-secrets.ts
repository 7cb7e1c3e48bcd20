import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** 256 random bits: the value of a mailed link or a session cookie. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What the database keeps of a token. A fast hash is right here, unlike for passwords: a
 * 256-bit random token cannot be guessed, so slowing down each guess gains nothing, and a
 * leaked table still does not yield usable tokens.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A code to type over from an SMS or mail; every value equally likely, leading zeros kept. */
export function newNumericCode(digits = 6): string {
  // randomInt's range must stay below 2^48, which 12 digits do.
  if (!Number.isInteger(digits) || digits < 1 || digits > 12) {
    throw new RangeError(`newNumericCode: digits must be 1–12, got ${digits}`);
  }
  return randomInt(0, 10 ** digits)
    .toString()
    .padStart(digits, "0");
}

/** No 0/O, 1/I/L: a code copied from paper by hand cannot be misread. 31 symbols. */
const recoveryAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const recoveryGroups = 3;
const recoveryGroupLength = 4;

/** A one-time recovery code such as `7KQ4-M2XW-9RTF` (12 symbols, about 59 bits). */
export function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < recoveryGroups; g += 1) {
    let group = "";
    for (let i = 0; i < recoveryGroupLength; i += 1) {
      group += recoveryAlphabet[randomInt(recoveryAlphabet.length)];
    }
    groups.push(group);
  }
  return groups.join("-");
}

/**
 * The form a recovery code is hashed and compared in, so `7kq4 m2xw 9rtf` typed loosely (or
 * pasted with typographic dashes) still matches `7KQ4-M2XW-9RTF`.
 */
export function normaliseRecoveryCode(input: string): string {
  return input.replace(/[\s\p{Pd}]/gu, "").toUpperCase();
}

/**
 * Compares secrets in time that does not depend on where they differ, so an attacker cannot
 * find a code character by character. Only the length can leak, which is not secret.
 */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
