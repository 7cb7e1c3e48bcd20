import type { FormEvent, ReactNode } from "react";
import type { SubmitState } from "../api/use-submit.ts";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";

interface SubmitFormProps {
  /** The busy flag and the error of the last attempt, shown above the form. */
  submit: Pick<SubmitState, "busy" | "error">;
  /** The confirmation of the last attempt, shown above the form. */
  done?: ReactNode;
  submitLabel: string;
  onSubmit: (event: FormEvent) => Promise<void>;
  /** The fields, and any text above the submit button. */
  children: ReactNode;
}

/** A form with its error summary and confirmation above it and one primary submit button. */
export function SubmitForm({ submit, done, submitLabel, onSubmit, children }: SubmitFormProps) {
  return (
    <>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {done && <Alert type="ok">{done}</Alert>}
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {children}
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}
