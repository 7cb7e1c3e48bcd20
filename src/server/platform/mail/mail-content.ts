/**
 * A mail is written as a list of blocks; one renderer turns them into the HTML and the
 * plain-text body, so both always say the same and every value is escaped in one place.
 */
export type MailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "notice"; text: string }
  | { kind: "action"; label: string; url: string }
  | { kind: "facts"; rows: ReadonlyArray<readonly [label: string, value: string]> };

export interface MailContent {
  subject: string;
  /** The greeting line, e.g. "Geachte heer Jansen,". */
  greeting: string;
  blocks: MailBlock[];
  /** Closing lines, e.g. "Met vriendelijke groet," and the sender. */
  closing: string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function blockAsText(block: MailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "notice":
      return `! ${block.text}`;
    case "action":
      return `${block.label}:\n${block.url}`;
    case "facts":
      return block.rows.map(([label, value]) => `${label}: ${value}`).join("\n");
  }
}

const STYLE = {
  body: "margin:0;padding:24px;background:#f3f5f8;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5",
  card: "max-width:600px;margin:0 auto;background:#ffffff;border-radius:4px;padding:32px",
  notice: "background:#fff4e5;border-left:4px solid #b35c00;padding:12px 16px",
  action:
    "display:inline-block;background:#0b3d6e;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold",
  label: "padding:4px 16px 4px 0;color:#4a4a4a;vertical-align:top",
};

function blockAsHtml(block: MailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "notice":
      return `<p style="${STYLE.notice}"><strong>${escapeHtml(block.text)}</strong></p>`;
    case "action":
      return `<p><a href="${escapeHtml(block.url)}" style="${STYLE.action}">${escapeHtml(block.label)}</a></p><p>${escapeHtml(block.url)}</p>`;
    case "facts":
      return `<table role="presentation">${block.rows
        .map(
          ([label, value]) =>
            `<tr><td style="${STYLE.label}">${escapeHtml(label)}</td><td><strong>${escapeHtml(value)}</strong></td></tr>`,
        )
        .join("")}</table>`;
  }
}

// Mail clients ignore style sheets, so the HTML carries inline styles; mails are not pages and
// the pages' CSP does not apply to them.
export function renderMail(content: MailContent, locale: string): RenderedMail {
  const text = [content.greeting, ...content.blocks.map(blockAsText), content.closing.join("\n")]
    .join("\n\n")
    .concat("\n");
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="${STYLE.body}">
<div style="${STYLE.card}">
<p>${escapeHtml(content.greeting)}</p>
${content.blocks.map(blockAsHtml).join("\n")}
<p>${content.closing.map(escapeHtml).join("<br>")}</p>
</div>
</body>
</html>
`;
  return { subject: content.subject, text, html };
}
