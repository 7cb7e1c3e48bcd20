import type { ComponentProps, ReactNode } from "react";
import { classNames } from "./class-names.ts";
import { FieldShell } from "./FormField.tsx";
import "./textarea.css";

type TextAreaFieldProps = Omit<ComponentProps<"textarea">, "id" | "className"> & {
  id: string;
  label: string;
  description?: ReactNode;
  error?: ReactNode;
};

/** A labelled NL Design System text area with its description and error. */
export function TextAreaField({ id, label, description, error, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} kind="textarea" description={description} error={error}>
      {(aria) => (
        <textarea
          id={id}
          className={classNames(
            "utrecht-textarea",
            "utrecht-textarea--html-textarea",
            "poort-textarea",
            Boolean(error) && "utrecht-textarea--invalid",
          )}
          {...aria}
          {...textarea}
        />
      )}
    </FieldShell>
  );
}
