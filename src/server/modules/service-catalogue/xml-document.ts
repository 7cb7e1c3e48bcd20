/**
 * A small XML writer: elements as data, text and attribute values escaped in one place, so no
 * name a provider typed can break the document or inject markup.
 */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string>;
  children?: readonly (XmlElement | string)[];
}

/** Characters XML 1.0 cannot hold at all, not even escaped (most C0 controls, lone surrogates). */
const NOT_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

export function escapeXml(value: string): string {
  return value.replace(NOT_IN_XML, "").replace(/[&<>"']/g, (character) => ESCAPES[character] ?? "");
}

export function element(
  name: string,
  attributes: Record<string, string> = {},
  ...children: (XmlElement | string)[]
): XmlElement {
  return { name, attributes, children };
}

function renderElement(node: XmlElement, indent: string): string {
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
  const children = node.children ?? [];
  if (children.length === 0) return `${indent}<${node.name}${attributes}/>`;
  if (children.every((child) => typeof child === "string")) {
    return `${indent}<${node.name}${attributes}>${children.map(escapeXml).join("")}</${node.name}>`;
  }
  const inner = children
    .map((child) =>
      typeof child === "string"
        ? `${indent}  ${escapeXml(child)}`
        : renderElement(child, `${indent}  `),
    )
    .join("\n");
  return `${indent}<${node.name}${attributes}>\n${inner}\n${indent}</${node.name}>`;
}

/** The document, with its XML declaration, in UTF-8. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root, "")}\n`;
}
