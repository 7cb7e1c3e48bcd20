import { createRequire } from "node:module";

export type PasswordProblem = "too_short" | "too_long" | "too_common" | "contains_personal_data";

/** NIST SP 800-63B: length is what makes a password strong; no rules about character kinds. */
const minimumLength = 12;
/** Long enough for any passphrase, short enough that hashing it is no denial of service. */
const maximumLength = 256;

/**
 * Choices of Dutch users, several of which the (mostly English) common list lacks. Compared
 * after trailing digits and punctuation are stripped, so "Zomer2026!" and "Welkom123" count too.
 */
const dutchCommon = [
  "welkom",
  "welkomwelkom",
  "welkomthuis",
  "wachtwoord",
  "mijnwachtwoord",
  "nieuwwachtwoord",
  "geheim",
  "supergeheim",
  "voorjaar",
  "lente",
  "zomer",
  "najaar",
  "herfst",
  "winter",
  "notaris",
  "notariaat",
  "notariskantoor",
  "kantoor",
  "poort",
  "ikhouvanjou",
  "prinses",
];

/**
 * NIST SP 800-63B also names sequential characters: keyboard rows (qwerty and the azerty of
 * Flemish users), the alphabet and digits, forwards and backwards.
 */
const sequences = [
  "qwertyuiopasdfghjklzxcvbnm",
  "azertyuiopqsdfghjklmwxcvbn",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "abcdefghijklmnopqrstuvwxyz",
  "01234567890123456789",
].flatMap((sequence) => [sequence, [...sequence].reverse().join("")]);

let commonPasswords: Set<string> | undefined;

/**
 * Loaded on first use: the package unpacks its dictionaries (some 49,000 passwords) as soon as
 * it is imported, which a process that never sets a password should not pay for at start-up.
 */
function common(): Set<string> {
  if (!commonPasswords) {
    const require = createRequire(import.meta.url);
    const { dictionary } =
      require("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
    commonPasswords = new Set([...dictionary["passwords-common"], ...dutchCommon]);
  }
  return commonPasswords;
}

/** Lower case without diacritics, so "Jöran" and "JORAN" count as the same word. */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function isTooCommon(password: string): boolean {
  const lower = fold(password);
  // "Welkom123!", "Zomer2026": a common word with digits and punctuation tacked on.
  const stem = lower.replace(/[\p{N}\p{P}\p{S}\s]+$/u, "");
  // Three characters or fewer say too little: "x" followed by random digits is a fine password.
  const candidates = [lower, stem].filter((candidate) => candidate.length >= 4);
  return candidates.some(
    (candidate) =>
      common().has(candidate) ||
      sequences.some((sequence) => sequence.includes(candidate)) ||
      // "aaaaaaaaaaaa", "abcabcabcabc", "passwordpassword": one short unit repeated.
      /^(.{1,8})\1+$/u.test(candidate),
  );
}

/** The words of an e-mail's local part and of a name that a guesser would try first. */
function personalWords(context: { email?: string; name?: string }): string[] {
  const words: string[] = [];
  if (context.email) {
    const at = context.email.lastIndexOf("@");
    const local = fold(at === -1 ? context.email : context.email.slice(0, at));
    const parts = local.split(/[^\p{L}\p{N}]+/u);
    words.push(local, parts.join(""), ...parts);
  }
  if (context.name) words.push(...fold(context.name).split(/[^\p{L}\p{N}]+/u));
  // Shorter fragments ("jan", "van", "de") would refuse far too many good passwords.
  return words.filter((word) => [...word].length >= 4);
}

/** What is wrong with a password someone chooses; empty when it may be used. */
export function checkNewPassword(
  password: string,
  context: { email?: string; name?: string },
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  // Code points, not UTF-16 units: an emoji is one character to the user.
  const length = [...password.normalize("NFC")].length;
  if (length < minimumLength) problems.push("too_short");
  if (length > maximumLength) problems.push("too_long");
  if (isTooCommon(password)) problems.push("too_common");
  const folded = fold(password);
  if (personalWords(context).some((word) => folded.includes(word))) {
    problems.push("contains_personal_data");
  }
  return problems;
}
