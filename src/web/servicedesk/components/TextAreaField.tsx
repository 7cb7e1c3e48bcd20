import type { ComponentProps, ReactNode } from "react";
import { classNames } from "../../ui/components/class-names.ts";

type TextAreaFieldProps = Omit<ComponentProps<"textarea">, "id" | "className"> & {
  id: string;
  label: string;
  description?: ReactNode;
  error?: ReactNode;
};

/** A labelled NL Design System text area with its description and error. */
export function TextAreaField({ id, label, description, error, ...textarea }: TextAreaFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div
      className={classNames(
        "utrecht-form-field",
        "utrecht-form-field--textarea",
        Boolean(error) && "utrecht-form-field--invalid",
      )}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div id={descriptionId} className="utrecht-form-field-description">
          {description}
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
      <div className="utrecht-form-field__input">
        <textarea
          id={id}
          className={classNames(
            "utrecht-textarea",
            "utrecht-textarea--html-textarea",
            "poort-textarea",
            Boolean(error) && "utrecht-textarea--invalid",
          )}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...textarea}
        />
      </div>
    </div>
  );
}
