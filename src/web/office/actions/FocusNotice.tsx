import { useEffect, useRef } from "react";
import { Alert } from "#src/web/ui/components/Alert.tsx";

/**
 * The outcome of an action whose form or confirmation just closed: the focus would otherwise
 * fall back to the page, so it moves here, and a screen reader reads the notice. Renders
 * nothing without a message.
 */
export function FocusNotice({ message }: { message?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} className="poort-action-notice">
      <Alert type="ok">{message}</Alert>
    </div>
  );
}
