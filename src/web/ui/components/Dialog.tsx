import { type ReactNode, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./Button.tsx";
import { ButtonGroup } from "./FormField.tsx";
import { Heading } from "./Heading.tsx";
import "./dialog.css";

interface DialogProps {
  title: string;
  /** The dialog has closed (Sluiten or Escape): stop rendering it. */
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal dialog, open for as long as it is rendered, with a Sluiten button. The browser's own
 * modal `<dialog>` makes the page behind it inert, closes it on Escape and gives the focus back
 * to the element that opened it.
 */
export function Dialog({ title, onClose, children }: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={ref} className="poort-dialog" aria-labelledby={titleId} onClose={onClose}>
      <Heading level={2} id={titleId} className="poort-dialog__title">
        {title}
      </Heading>
      {children}
      <ButtonGroup>
        <Button onClick={() => ref.current?.close()}>{t("dialog.close")}</Button>
      </ButtonGroup>
    </dialog>
  );
}
