import { useEffect, useRef, useState } from "react";

/**
 * The button that opens a form or a confirmation, which takes the focus back when "Annuleer"
 * closes it: the focus would otherwise fall back to the page. `ref` goes on the button;
 * `focusBack` once the form is gone (the button is back on screen by the next render).
 */
export function useFocusBack() {
  const ref = useRef<HTMLButtonElement>(null);
  const [returns, setReturns] = useState(0);
  useEffect(() => {
    if (returns > 0) ref.current?.focus();
  }, [returns]);
  return { ref, focusBack: () => setReturns((n) => n + 1) };
}
