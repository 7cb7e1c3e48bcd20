import type { ComponentProps, ReactNode } from "react";
import { classNames } from "./class-names.ts";

type CheckboxWithHintProps = Omit<ComponentProps<"input">, "id" | "className" | "type"> & {
  id: string;
  label: string;
  /** Help under the label, linked to the checkbox with aria-describedby. */
  hint?: ReactNode;
  /** The error of this checkbox, e.g. a consent that is required. */
  error?: ReactNode;
};

/**
 * A labelled NL Design System checkbox with help and an error in the form field's own grid
 * (label, then description, then error, all beside the box).
 */
export function CheckboxWithHint({ id, label, hint, error, ...input }: CheckboxWithHintProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div
      className={classNames(
        "utrecht-form-field",
        "utrecht-form-field--checkbox",
        Boolean(error) && "utrecht-form-field--invalid",
      )}
    >
      <div className="utrecht-form-field__input">
        <input
          id={id}
          type="checkbox"
          className={classNames(
            "utrecht-checkbox",
            "utrecht-checkbox--html-input",
            Boolean(error) && "utrecht-checkbox--invalid",
          )}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint && (
        <div id={hintId} className="utrecht-form-field-description">
          {hint}
        </div>
      )}
      {error && (
        <div
          id={errorId}
          className="utrecht-form-field-error-message utrecht-form-field__error-message"
        >
          {error}
        </div>
      )}
    </div>
  );
}
