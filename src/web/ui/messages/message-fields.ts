import { MESSAGE_BODY_MAX, MESSAGE_SUBJECT_MAX } from "#src/contracts/messages.ts";
import type { ApiError } from "../api/api-client.ts";
import { serverFieldErrors } from "../components/server-field-errors.ts";

/** The two fields every message has: "Onderwerp" and "Bericht". */
export type MessageField = "subject" | "body";
export const messageFields: readonly MessageField[] = ["subject", "body"];

export type MessageFieldErrors = Partial<Record<MessageField, string>>;

/**
 * What is wrong with the typed subject and body before sending: each is required, and may not
 * be longer than the server takes. `t` gives the texts (keys under `messages.errors`).
 */
export function checkMessageFields(
  values: { subject: string; body: string },
  t: (key: string, options?: Record<string, unknown>) => string,
): MessageFieldErrors {
  const errors: MessageFieldErrors = {};
  const subject = values.subject.trim();
  const body = values.body.trim();
  if (!subject) errors.subject = t("messages.errors.subjectMissing");
  else if (subject.length > MESSAGE_SUBJECT_MAX)
    errors.subject = t("messages.errors.subjectTooLong", { max: MESSAGE_SUBJECT_MAX });
  if (!body) errors.body = t("messages.errors.bodyMissing");
  else if (body.length > MESSAGE_BODY_MAX)
    errors.body = t("messages.errors.bodyTooLong", { max: MESSAGE_BODY_MAX });
  return errors;
}

/** The server's field-named refusal (`body.subject`, `body.body`) at the fields. */
export const serverMessageFieldErrors = (error: ApiError | undefined): MessageFieldErrors =>
  serverFieldErrors(error, messageFields);

/** "Re: …" before the subject of the message answered, once. */
export function replySubject(subject: string, prefix: string): string {
  const trimmed = subject.trim();
  const lower = trimmed.toLowerCase();
  const result = lower.startsWith(`${prefix.toLowerCase()} `) ? trimmed : `${prefix} ${trimmed}`;
  return result.slice(0, MESSAGE_SUBJECT_MAX);
}
