import { z } from "zod";

/**
 * Free text as people type it into a form. Control characters never belong there, and a NUL
 * byte is worse: PostgreSQL refuses it in `text`, so it must be refused here, with a 400 that
 * names the field, before it reaches a query.
 */

/** What a refused field's detail says, for the apps to translate. */
export const CONTROL_CHARACTER = "control_character";
/** Half of a UTF-16 surrogate pair on its own, which JSON can escape ("\ud83d") but no UTF-8 holds. */
export const LONE_SURROGATE = "lone_surrogate";

/** Every control character: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F). */
const ANY_CONTROL = /\p{Cc}/u;
/** The control characters a text area may not hold: all but tab and the line breaks. */
const CONTROL_OUTSIDE_LAYOUT = /(?![\t\n\r])\p{Cc}/u;
const NUL = "\u0000";

/**
 * A name, title, label or search: trimmed, at most `max` characters, and on one line, so no
 * control character at all (a tab or line break has no place in a name or a list's cell).
 */
export function singleLineText(max: number) {
  return z
    .string()
    .trim()
    .refine((value) => !ANY_CONTROL.test(value), { error: CONTROL_CHARACTER })
    .max(max);
}

/**
 * Text from a text area (a reason, a note): trimmed, at most `max` characters; keeps its tabs
 * and line breaks (CR too, as Windows clients send them), but no other control character.
 */
export function multiLineText(max: number) {
  return z
    .string()
    .trim()
    .refine((value) => !CONTROL_OUTSIDE_LAYOUT.test(value), { error: CONTROL_CHARACTER })
    .max(max);
}

/**
 * A secret that is only hashed, never stored or shown: anything goes but NUL, not trimmed.
 * Refusing other control characters would gain nothing and could lock out a password manager's
 * odd choice; NUL cannot be typed and ends the string in C libraries that a hash might use.
 */
export function secretText(max: number) {
  return z
    .string()
    .refine((value) => !value.includes(NUL), { error: CONTROL_CHARACTER })
    .max(max);
}
