import type { ReactNode } from "react";
import "./alert.css";

interface AlertProps {
  type: "info" | "ok" | "warning" | "error";
  children: ReactNode;
}

/** A notice; errors are announced at once, the others politely. */
export function Alert({ type, children }: AlertProps) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${type}`}
      role={type === "error" ? "alert" : "status"}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
