import type { ReactNode } from "react";
import "./visually-hidden.css";

/** Text for screen readers only, e.g. which row a short link like "Openen" is about. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="poort-visually-hidden">{children}</span>;
}
