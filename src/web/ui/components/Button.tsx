import type { ComponentProps } from "react";
import { classNames } from "./class-names.ts";

type ButtonProps = Omit<ComponentProps<"button">, "type" | "aria-pressed"> & {
  /** "submit" for the button that sends a form; otherwise it acts on the page. */
  type?: "button" | "submit";
  appearance?: "primary-action" | "secondary-action" | "subtle";
  /** Makes it a toggle button: announced as pressed or not, and styled to match. */
  pressed?: boolean;
};

/** An NL Design System button: acts on the page, or sends its form with `type="submit"`. */
export function Button({
  type = "button",
  appearance = "secondary-action",
  pressed,
  className,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
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
