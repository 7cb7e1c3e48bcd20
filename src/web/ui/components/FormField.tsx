import type { ComponentProps, ReactNode } from "react";
import { classNames } from "./class-names.ts";

type TextFieldProps = Omit<ComponentProps<"input">, "id" | "className"> & {
  id: string;
  label: string;
  /** Help shown below the label, e.g. the password rules. */
  description?: ReactNode;
  /** The error of this field; linked to the input with aria-describedby. */
  error?: ReactNode;
};

/** A labelled NL Design System text box with its description and error. */
export function TextField({ id, label, description, error, ...input }: TextFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
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
      <div className="utrecht-form-field__input">
        <input
          id={id}
          className={classNames(
            "utrecht-textbox",
            "utrecht-textbox--html-input",
            Boolean(error) && "utrecht-textbox--invalid",
          )}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      </div>
    </div>
  );
}

type CheckboxFieldProps = Omit<ComponentProps<"input">, "id" | "className" | "type"> & {
  id: string;
  label: string;
};

/** A labelled NL Design System checkbox. */
export function CheckboxField({ id, label, ...input }: CheckboxFieldProps) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <div className="utrecht-form-field__input">
        <input
          id={id}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          {...input}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

type RadioFieldProps = Omit<ComponentProps<"input">, "id" | "className" | "type"> & {
  id: string;
  label: string;
};

/** A labelled NL Design System radio button; group them in a Fieldset. */
export function RadioField({ id, label, ...input }: RadioFieldProps) {
  return (
    <div className="utrecht-form-field utrecht-form-field--radio">
      <div className="utrecht-form-field__input">
        <input
          id={id}
          type="radio"
          className="utrecht-radio-button utrecht-radio-button--html-input"
          {...input}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--radio">
        <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

/** A group of fields under one legend, e.g. checkboxes or radio buttons. */
export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

/** Buttons side by side, e.g. the submit button and a cancel button. */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group">{children}</div>;
}

type SelectFieldProps = Omit<ComponentProps<"select">, "id" | "className"> & {
  id: string;
  label: string;
  options: { value: string; label: string }[];
};

/** A labelled NL Design System drop-down list. */
export function SelectField({ id, label, options, ...select }: SelectFieldProps) {
  return (
    <div className="utrecht-form-field utrecht-form-field--select">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field__input">
        <select id={id} className="utrecht-select utrecht-select--html-select" {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
