import { useEffect, useRef } from "react";
import { Alert } from "./Alert.tsx";
import { UnorderedList, UnorderedListItem } from "./UnorderedList.tsx";

export interface FieldErrorLink {
  /** The id of the control to move to. */
  id: string;
  message: string;
}

/**
 * The error of a form after submitting, with a link per wrong field that moves the focus to
 * that field. It takes the focus when it appears and after every new attempt (`attempt`), so
 * keyboard and screen-reader users land on it. Renders nothing without a message.
 */
export function FieldErrorSummary({
  message,
  fields = [],
  attempt = 0,
}: {
  message?: string;
  fields?: FieldErrorLink[];
  /** Counts the submits, so the same error after another try is focused again. */
  attempt?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = `${attempt}|${message ?? ""}|${fields.map((field) => field.id).join(",")}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature says when to focus
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [signature]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1}>
      <Alert type="error">
        {message}
        {fields.length > 0 && (
          <UnorderedList>
            {fields.map((field) => (
              <UnorderedListItem key={field.id}>
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={`#${field.id}`}
                  onClick={(event) => {
                    const target = document.getElementById(field.id);
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: "center" });
                  }}
                >
                  {field.message}
                </a>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </Alert>
    </div>
  );
}
