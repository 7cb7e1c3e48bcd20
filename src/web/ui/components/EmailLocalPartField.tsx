import type { ComponentProps, ReactNode } from "react";
import { classNames } from "./class-names.ts";
import { FieldShell } from "./FormField.tsx";
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
  return (
    <FieldShell
      id={id}
      label={label}
      kind="text"
      description={description}
      error={error}
      describedBy={domainId}
      inputClassName="poort-email-local-part"
    >
      {(aria) => (
        <>
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
            {...aria}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            {...input}
          />
          <span id={domainId} className="poort-email-local-part__domain">
            @{domain}
          </span>
        </>
      )}
    </FieldShell>
  );
}

/** The part before the last @ and the domain after it; the domain is empty without an @. */
export function splitEmail(address: string): { localPart: string; domain: string } {
  const at = address.lastIndexOf("@");
  if (at < 0) return { localPart: address, domain: "" };
  return { localPart: address.slice(0, at), domain: address.slice(at + 1) };
}
