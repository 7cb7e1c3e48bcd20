import type { ComponentProps, ReactNode } from "react";
import { classNames } from "./class-names.ts";

/** The accessibility wiring a field gives its control. */
export interface ControlAria {
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

type FieldShellProps = {
  id: string;
  label: string;
  /**
   * The NL Design System form field kind: a checkbox or radio button stands before its label,
   * any other control below the label, description and error.
   */
  kind: "text" | "textarea" | "select" | "checkbox" | "radio";
  /** Help linked to the control with aria-describedby, with the id `${id}-${descriptionSuffix}`. */
  description?: ReactNode;
  descriptionSuffix?: string;
  /** The error of this field; linked to the control with aria-describedby. */
  error?: ReactNode;
  /** Ids of other text that describes the control, read before the description. */
  describedBy?: string;
  /** An extra class on the box around the control. */
  inputClassName?: string;
  /** The control itself, given the aria attributes that link it to its description and error. */
  children: (aria: ControlAria) => ReactNode;
};

/**
 * The label, description and error of one NL Design System form field around any control,
 * with the ids and aria-describedby that tie them together.
 */
export function FieldShell({
  id,
  label,
  kind,
  description,
  descriptionSuffix = "description",
  error,
  describedBy,
  inputClassName,
  children,
}: FieldShellProps) {
  const descriptionId = description ? `${id}-${descriptionSuffix}` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const aria: ControlAria = {
    "aria-invalid": error ? true : undefined,
    "aria-describedby":
      [describedBy, descriptionId, errorId].filter(Boolean).join(" ") || undefined,
  };
  const beforeLabel = kind === "checkbox" || kind === "radio";
  const control = (
    <div className={classNames("utrecht-form-field__input", inputClassName)}>{children(aria)}</div>
  );
  return (
    <div
      className={classNames(
        "utrecht-form-field",
        `utrecht-form-field--${kind}`,
        Boolean(error) && "utrecht-form-field--invalid",
      )}
    >
      {beforeLabel && control}
      <div
        className={classNames(
          "utrecht-form-field__label",
          beforeLabel && `utrecht-form-field__label--${kind}`,
        )}
      >
        <label
          className={classNames("utrecht-form-label", beforeLabel && `utrecht-form-label--${kind}`)}
          htmlFor={id}
        >
          {label}
        </label>
      </div>
      {description && (
        <div id={descriptionId} className="utrecht-form-field-description">
          {description}
        </div>
      )}
      {error && <FieldError id={errorId}>{error}</FieldError>}
      {!beforeLabel && control}
    </div>
  );
}

/** The error of a field or group; its `id` ties it to the control with aria-describedby. */
export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <div id={id} className="utrecht-form-field-error-message utrecht-form-field__error-message">
      {children}
    </div>
  );
}

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
  return (
    <FieldShell id={id} label={label} kind="text" description={description} error={error}>
      {(aria) => (
        <input
          id={id}
          className={classNames(
            "utrecht-textbox",
            "utrecht-textbox--html-input",
            Boolean(error) && "utrecht-textbox--invalid",
          )}
          {...aria}
          {...input}
        />
      )}
    </FieldShell>
  );
}

type CheckboxFieldProps = Omit<ComponentProps<"input">, "id" | "className" | "type"> & {
  id: string;
  label: string;
};

/** A labelled NL Design System checkbox. */
export function CheckboxField({ id, label, ...input }: CheckboxFieldProps) {
  return (
    <FieldShell id={id} label={label} kind="checkbox">
      {() => (
        <input
          id={id}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          {...input}
        />
      )}
    </FieldShell>
  );
}

type RadioFieldProps = Omit<ComponentProps<"input">, "id" | "className" | "type"> & {
  id: string;
  label: string;
};

/** A labelled NL Design System radio button; group them in a Fieldset. */
export function RadioField({ id, label, ...input }: RadioFieldProps) {
  return (
    <FieldShell id={id} label={label} kind="radio">
      {() => (
        <input
          id={id}
          type="radio"
          className="utrecht-radio-button utrecht-radio-button--html-input"
          {...input}
        />
      )}
    </FieldShell>
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
  /** The error of this field; linked to the list with aria-describedby. */
  error?: ReactNode;
};

/** A labelled NL Design System drop-down list with its error. */
export function SelectField({ id, label, options, error, ...select }: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} kind="select" error={error}>
      {(aria) => (
        <select
          id={id}
          className="utrecht-select utrecht-select--html-select"
          {...aria}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
