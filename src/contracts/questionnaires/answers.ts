import { z } from "zod";
import { singleLineText } from "../text.ts";
import type { PostcodeAddress } from "./answer-formats.ts";
import { idSchema, MAX_GROUP_ITEMS, MAX_OPTIONS, MAX_QUESTIONS } from "./definition.ts";

/**
 * The answers to a questionnaire, as stored (normalised, see `./answer-formats.ts`), and as a
 * form sends one page of them (raw, as typed). Both are keyed by question id; a repeating
 * group's id holds one record per item, keyed by the ids of the group's questions.
 */

/** An uploaded file: the document the server made of the upload, and its name to show. */
export const fileAnswerSchema = z.object({
  documentId: z.uuid(),
  name: singleLineText(255).min(1),
});
export type FileAnswer = z.infer<typeof fileAnswerSchema>;

/**
 * By question type: a string (text, longText, date "YYYY-MM-DD", email, phone E.164, iban,
 * bsn, singleChoice), a number (number; amount in cents), a boolean (yesNo), the chosen
 * values (multipleChoice), a `PostcodeAddress` or a `FileAnswer`. An unanswered question has
 * no key.
 */
export type AnswerValue = string | number | boolean | string[] | PostcodeAddress | FileAnswer;
export type GroupItemAnswers = Record<string, AnswerValue>;
export type Answers = Record<string, AnswerValue | GroupItemAnswers[]>;

/**
 * Room for what people type: the stored limits (`LONG_TEXT_MAX`) apply after trimming, so a
 * text pasted with some whitespace around it still gets its own error, not a 400.
 */
const RAW_TEXT_MAX = 10_000;
const RAW_FIELD_MAX = 100;

const rawPostcodeAddressSchema = z.object({
  postcode: z.string().max(RAW_FIELD_MAX),
  houseNumber: z.string().max(RAW_FIELD_MAX),
  addition: z.string().max(RAW_FIELD_MAX).optional(),
});

/**
 * One answer as the form holds it: typed text, a yes/no, the ticked options, the three
 * address fields, or the uploaded file. `null` is a cleared field, as form libraries send it.
 */
const rawAnswerSchema = z.union([
  z.string().max(RAW_TEXT_MAX),
  z.boolean(),
  z.null(),
  z.array(z.string().max(RAW_FIELD_MAX)).max(MAX_OPTIONS),
  rawPostcodeAddressSchema,
  fileAnswerSchema,
]);
export type RawAnswer = z.infer<typeof rawAnswerSchema>;

function answerRecord<T extends z.ZodType>(value: T) {
  return z
    .record(idSchema, value)
    .refine((record) => Object.keys(record).length <= MAX_QUESTIONS, { error: "too_many_answers" });
}

const rawGroupItemSchema = answerRecord(rawAnswerSchema);
export type RawGroupItem = z.infer<typeof rawGroupItemSchema>;

/**
 * The body of "Volgende": this page's answers as typed, a group's as a list of items. A route
 * validates the body with this; `validatePage` then checks it against the definition.
 */
export const rawPageInputSchema = answerRecord(
  z.union([rawAnswerSchema, z.array(rawGroupItemSchema).max(MAX_GROUP_ITEMS)]),
);
export type RawPageInput = z.infer<typeof rawPageInputSchema>;
