import { randomInt } from "node:crypto";

/**
 * Lowercase letters and digits without the look-alikes 0/o and 1/l/i: lowercase so nobody
 * needs Shift or trips over Caps Lock while typing it into a certificate import dialog.
 * 31 symbols, log2(31) ≈ 4.95 bits each.
 */
export const installPasswordAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";
const groups = 5;
const groupLength = 4;

/**
 * The password that protects an office's PKCS#12 file, such as `k7m2-x9rt-4hcw-pq3z-b8nd`:
 * 20 symbols, about 99 bits, beyond guessing even offline against the file. The dashes are
 * part of the password; groups of four keep the place when typing it over from a screen.
 */
export function generateInstallPassword(): string {
  return Array.from({ length: groups }, () =>
    Array.from(
      { length: groupLength },
      () => installPasswordAlphabet[randomInt(installPasswordAlphabet.length)],
    ).join(""),
  ).join("-");
}
