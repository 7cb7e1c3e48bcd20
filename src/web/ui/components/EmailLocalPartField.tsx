import type { ComponentProps, ReactNode } from "react";
import { classNames } from "./class-names.ts";
import "./email-local-part-field.css";

type EmailLocalPartFieldProps = Omit<
  ComponentProps<"input">,
  "id" | "className" | "type" | "value" | "onChange"
> & {
  id: string;
  label: string;
  /** The fixed domain without the @, shown after the box and not editable. */
  domain: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: ReactNode;
};

/**
 * An e-mail address of which only the part before the @ may be typed: the domain is shown
 * after the box as plain text (part of the description, so screen readers hear it too).
 */
export function EmailLocalPartField({
  id,
  label,
  domain,
  value,
  onChange,
  description,
  error,
  ...input
}: EmailLocalPartFieldProps) {
  const domainId = `${id}-domain`;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [domainId, descriptionId, errorId].filter(Boolean).join(" ");
  return (
    <div
      className={classNames(
        "utrecht-form-field",
        "utrecht-form-field--text",
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
      <div className="utrecht-form-field__input poort-email-local-part">
        <input
          id={id}
          type="text"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          className={classNames(
            "utrecht-textbox",
            "utrecht-textbox--html-input",
            "poort-email-local-part__box",
            Boolean(error) && "utrecht-textbox--invalid",
          )}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...input}
        />
        <span id={domainId} className="poort-email-local-part__domain">
          @{domain}
        </span>
      </div>
    </div>
  );
}

/** The part before the last @ and the domain after it; the domain is empty without an @. */
export function splitEmail(address: string): { localPart: string; domain: string } {
  const at = address.lastIndexOf("@");
  if (at < 0) return { localPart: address, domain: "" };
  return { localPart: address.slice(0, at), domain: address.slice(at + 1) };
}
