import { type ComponentProps, type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-client.ts";
import type { SubmitState } from "../api/use-submit.ts";
import { Button } from "../components/Button.tsx";
import { ButtonGroup, TextField } from "../components/FormField.tsx";

type FieldProps = Omit<ComponentProps<typeof TextField>, "value" | "onChange" | "error">;

interface SingleFieldFormProps {
  field: FieldProps;
  /** The field's error when it was left empty. */
  missingError: string;
  submitLabel: string;
  submit: SubmitState;
  onSubmit: (value: string) => Promise<void>;
  onCancel?: () => void;
  children?: ReactNode;
}

/** A form with one required field (a code, a number, a password), sent with `submit.run`. */
export function SingleFieldForm({
  field,
  missingError,
  submitLabel,
  submit,
  onSubmit,
  onCancel,
  children,
}: SingleFieldFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState("");
  const [missing, setMissing] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const empty = !value.trim();
    setMissing(empty);
    if (empty) {
      submit.setError(new ApiError(0, "missing", t("account.errors.fillIn")));
      return;
    }
    await submit.run(() => onSubmit(field.type === "password" ? value : value.trim()));
  };

  return (
    <form className="poort-form" noValidate onSubmit={(event) => void send(event)}>
      {children}
      <TextField
        {...field}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={missing ? missingError : undefined}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action" disabled={submit.busy}>
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t("account.cancel")}</Button>}
      </ButtonGroup>
    </form>
  );
}
