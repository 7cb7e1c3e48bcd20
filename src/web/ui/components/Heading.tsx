import type { ComponentProps } from "react";
import { classNames } from "./class-names.ts";

type HeadingProps = ComponentProps<"h1"> & { level: 1 | 2 | 3 };

export function Heading({ level, className, ...props }: HeadingProps) {
  const Tag = `h${level}` as const;
  return <Tag className={classNames(`utrecht-heading-${level}`, className)} {...props} />;
}
