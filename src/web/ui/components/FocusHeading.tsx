import { type ComponentProps, useEffect, useRef } from "react";
import { classNames } from "./class-names.ts";

type FocusHeadingProps = ComponentProps<"h1"> & { level: 1 | 2 | 3 };

/**
 * A heading that takes keyboard focus when it appears, e.g. the result after a form was sent,
 * so screen-reader users hear where they are.
 */
export function FocusHeading({ level, className, ...props }: FocusHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const Tag = `h${level}` as const;
  return (
    <Tag
      ref={ref}
      tabIndex={-1}
      className={classNames(`utrecht-heading-${level}`, className)}
      {...props}
    />
  );
}
