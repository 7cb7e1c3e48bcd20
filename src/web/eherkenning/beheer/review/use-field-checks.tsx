import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "#src/web/ui/api/api-client.ts";
import { type SubmitState, useSubmit } from "#src/web/ui/api/use-submit.ts";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { serverFieldErrors } from "#src/web/ui/components/server-field-errors.ts";

type FieldMessages<Field extends string> = Partial<Record<Field, string>>;

export interface FieldChecks<Field extends string> {
  submit: SubmitState;
  /** The message per wrong field: the browser's own check first, else the server's refusal. */
  errors: FieldMessages<Field>;
  /**
   * Takes the browser's findings of a new attempt; with any, the summary says to fix them and
   * this answers false, so the form is not sent.
   */
  accept: (found: FieldMessages<Field>) => boolean;
  /** The error summary with a link per wrong field, to show above the form. */
  summary: ReactNode;
}

/**
 * The field errors of a back-office form that checks what it can in the browser before it is
 * sent. The server's message for a field it refused goes through `serverMessage`, so the page
 * can say it in its own words.
 */
export function useFieldChecks<Field extends string>(
  ids: Record<Field, string>,
  serverMessage: (field: Field, message: string) => string | undefined,
): FieldChecks<Field> {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [missing, setMissing] = useState<FieldMessages<Field>>({});
  const [attempt, setAttempt] = useState(0);
  const fields = Object.keys(ids) as Field[];
  const fromServer = serverFieldErrors(submit.error, fields);
  const errors: FieldMessages<Field> = {};
  for (const field of fields) {
    const refused = fromServer[field];
    const message = missing[field] ?? (refused && serverMessage(field, refused));
    if (message) errors[field] = message;
  }

  const accept = (found: FieldMessages<Field>) => {
    setAttempt((n) => n + 1);
    setMissing(found);
    if (Object.keys(found).length === 0) return true;
    submit.setError(new ApiError(0, "missing", t("ehReview.formErrors")));
    return false;
  };

  const fieldLinks = fields
    .filter((field) => errors[field])
    .map((field) => ({ id: ids[field], message: errors[field] ?? "" }));
  const summary = (
    <FieldErrorSummary message={submit.error?.message} fields={fieldLinks} attempt={attempt} />
  );

  return { submit, errors, accept, summary };
}
