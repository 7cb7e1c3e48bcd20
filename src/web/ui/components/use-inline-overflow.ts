import { type RefObject, useEffect, useRef, useState } from "react";

/**
 * Whether the element's content is wider than the element itself, kept up to date while the
 * element (the window) or its first child (e.g. a table gaining rows) changes size.
 */
export function useInlineOverflow<E extends HTMLElement>(): [RefObject<E | null>, boolean] {
  const ref = useRef<E>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      setOverflows(element.scrollWidth > element.clientWidth),
    );
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return [ref, overflows];
}
