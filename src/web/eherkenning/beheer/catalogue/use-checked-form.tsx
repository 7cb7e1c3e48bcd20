import { type FormEvent, type ReactNode, useState } from "react";
import { type SubmitState, useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";

/** What a save answers: the confirmation to show, and whether to empty the form. */
export interface SaveOutcome {
  notice: string;
  reset: boolean;
}

interface CheckedFormOptions<Values, Field extends keyof Values & string> {
  initial: Values;
  /** The browser's own check: the fields that are wrong as the values stand. */
  invalidFields: (values: Values) => Field[];
  /** The message per field the browser checks. */
  messages: Record<Field, string>;
  /** The summary's message when the browser found fields wrong. */
  fixMessage: string;
  idPrefix: string;
  /** The one field only the server can refuse (a taken key), with the error code it answers. */
  serverChecked: { field: Field; code: string };
  onSave: (values: Values) => Promise<SaveOutcome>;
}

export interface CheckedForm<Values, Field extends keyof Values & string> {
  values: Values;
  setValues: (change: (previous: Values) => Values) => void;
  /** The change handler of a text field. */
  set: (field: keyof Values) => (event: { target: { value: string } }) => void;
  fieldId: (field: keyof Values & string) => string;
  errorOf: (field: Field) => string | undefined;
  submit: SubmitState;
  onSubmit: (event: FormEvent) => Promise<void>;
  /** The error summary and the last confirmation, to show above the form. */
  summary: ReactNode;
}

/**
 * A catalogue form checked in the browser before it is sent: the fields found wrong link from
 * the summary (focused again at every attempt), the one the server refused shows its answer at
 * that field, and a save shows its confirmation (and empties a form for a new entry).
 */
export function useCheckedForm<Values, Field extends keyof Values & string>(
  options: CheckedFormOptions<Values, Field>,
): CheckedForm<Values, Field> {
  const { initial, invalidFields, messages, fixMessage, idPrefix, serverChecked, onSave } = options;
  const submit = useSubmit();
  const [values, setValues] = useState(initial);
  const [wrong, setWrong] = useState<Field[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string>();

  const fieldId = (field: keyof Values & string) => `${idPrefix}-${field}`;
  const refusedByServer =
    submit.error?.code === serverChecked.code ? submit.error.message : undefined;
  const errorOf = (field: Field) =>
    wrong.includes(field)
      ? messages[field]
      : field === serverChecked.field
        ? refusedByServer
        : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setNotice(undefined);
    const nowWrong = invalidFields(values);
    setWrong(nowWrong);
    if (nowWrong.length > 0) {
      submit.setError(undefined);
      return;
    }
    let outcome: SaveOutcome | undefined;
    const ok = await submit.run(async () => {
      outcome = await onSave(values);
    });
    if (ok && outcome) {
      setNotice(outcome.notice);
      if (outcome.reset) setValues(initial);
    }
  };

  const set = (field: keyof Values) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: event.target.value }));

  const summary = (
    <>
      <FieldErrorSummary
        attempt={attempt}
        message={wrong.length > 0 ? fixMessage : submit.error?.message}
        fields={wrong.map((field) => ({ id: fieldId(field), message: messages[field] }))}
      />
      {notice && <Alert type="ok">{notice}</Alert>}
    </>
  );

  return { values, setValues, set, fieldId, errorOf, submit, onSubmit, summary };
}
