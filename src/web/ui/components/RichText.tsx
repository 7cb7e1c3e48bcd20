import { Fragment, type ReactNode } from "react";

/** Renders one marked part of a text: `<name/>` gets no inner text, `<name>…</name>` does. */
export type RichTextParts = Record<string, (inner: string) => ReactNode>;

const marker = /<(\w+)\/>|<(\w+)>(.*?)<\/\2>/g;

/**
 * A translated text with links or emphasis in it, e.g. "Lees de <terms>voorwaarden</terms>".
 * Only the names in `parts` are replaced; anything else, markup included, stays plain text
 * (React escapes it), so values such as an office's name can never inject markup.
 */
export function richText(text: string, parts: RichTextParts): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(marker)) {
    const name = match[1] ?? match[2] ?? "";
    const render = Object.hasOwn(parts, name) ? parts[name] : undefined;
    if (!render) continue;
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(<Fragment key={`${name}-${match.index}`}>{render(match[3] ?? "")}</Fragment>);
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/** `richText` as a component. */
export function RichText({ text, parts }: { text: string; parts: RichTextParts }) {
  return <>{richText(text, parts)}</>;
}
