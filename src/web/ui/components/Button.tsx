import type { ComponentProps } from "react";
import { classNames } from "./class-names.ts";

type ButtonProps = Omit<ComponentProps<"button">, "type" | "aria-pressed"> & {
  appearance?: "primary-action" | "secondary-action" | "subtle";
  /** Makes it a toggle button: announced as pressed or not, and styled to match. */
  pressed?: boolean;
};

/** An NL Design System button that acts on the page (no form needs a submit button yet). */
export function Button({
  appearance = "secondary-action",
  pressed,
  className,
  ...props
}: ButtonProps) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      className={classNames(
        "utrecht-button",
        `utrecht-button--${appearance}`,
        pressed && "utrecht-button--pressed",
        className,
      )}
      {...props}
    />
  );
}
