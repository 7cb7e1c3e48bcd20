import type { ComponentProps } from "react";

export function UnorderedList(props: ComponentProps<"ul">) {
  return <ul className="utrecht-unordered-list" {...props} />;
}

export function UnorderedListItem(props: ComponentProps<"li">) {
  return <li className="utrecht-unordered-list__item" {...props} />;
}
