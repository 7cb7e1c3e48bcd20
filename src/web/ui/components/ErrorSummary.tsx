import { type ReactNode, useEffect, useRef } from "react";
import { Alert } from "./Alert.tsx";

/**
 * The error of a form after submitting, focused when it appears so keyboard and screen-reader
 * users land on it. Renders nothing without an error.
 */
export function ErrorSummary({ id, children }: { id?: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (children) ref.current?.focus();
  }, [children]);
  if (!children) return null;
  return (
    <div id={id} ref={ref} tabIndex={-1}>
      <Alert type="error">{children}</Alert>
    </div>
  );
}
