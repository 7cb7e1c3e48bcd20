import type { ComponentProps, ReactNode } from "react";
import { classNames } from "./class-names.ts";
import { FieldShell } from "./FormField.tsx";

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
  return (
    <FieldShell
      id={id}
      label={label}
      kind="checkbox"
      description={hint}
      descriptionSuffix="hint"
      error={error}
    >
      {(aria) => (
        <input
          id={id}
          type="checkbox"
          className={classNames(
            "utrecht-checkbox",
            "utrecht-checkbox--html-input",
            Boolean(error) && "utrecht-checkbox--invalid",
          )}
          {...aria}
          {...input}
        />
      )}
    </FieldShell>
  );
}
