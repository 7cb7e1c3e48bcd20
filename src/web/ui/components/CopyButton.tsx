import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./Button.tsx";
import "./copy-button.css";

type Outcome = "copied" | "failed";

/** How long the outcome stays in view; cleared, so that copying again is announced again. */
const outcomeMs = 5000;

/**
 * Copies `text` to the clipboard and says how that went beside the button, in a live region
 * that screen readers announce. Hidden on paper, where it cannot do anything.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>();

  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(undefined), outcomeMs);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    setOutcome(undefined);
    try {
      await navigator.clipboard.writeText(text);
      setOutcome("copied");
    } catch {
      // No clipboard (an insecure page, or the browser refuses): the text can still be selected.
      setOutcome("failed");
    }
  };

  return (
    <div className="poort-copy">
      <Button onClick={() => void copy()}>{label}</Button>
      <span role="status" className="poort-copy__outcome">
        {outcome && t(`copy.${outcome}`)}
      </span>
    </div>
  );
}
