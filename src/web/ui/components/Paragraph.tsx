import type { ComponentProps } from "react";
import { classNames } from "./class-names.ts";

type ParagraphProps = ComponentProps<"p"> & { appearance?: "lead" | "small" };

export function Paragraph({ appearance, className, ...props }: ParagraphProps) {
  return (
    <p
      className={classNames(
        "utrecht-paragraph",
        appearance && `utrecht-paragraph--${appearance}`,
        className,
      )}
      {...props}
    />
  );
}
