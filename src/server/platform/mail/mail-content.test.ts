import { describe, expect, it } from "vitest";
import { type MailContent, renderMail } from "./mail-content.ts";

const content: MailContent = {
  subject: "Uw akte is klaar",
  greeting: "Geachte heer Jansen,",
  blocks: [
    { kind: "paragraph", text: "De akte van levering staat voor u klaar." },
    { kind: "notice", text: "Deze link is 24 uur geldig." },
    {
      kind: "facts",
      rows: [
        ["Dossier", "2026-0042"],
        ["Notaris", "mr. A. de Vries"],
      ],
    },
    { kind: "action", label: "Akte bekijken", url: "https://poort.example/dossiers/42" },
  ],
  closing: ["Met vriendelijke groet,", "Notariskantoor De Vries"],
};

/** The text a reader sees in the HTML body: tags gone, entities decoded. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf("<body"));
  return body
    .replace(/<br>/g, "\n")
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ")
    .trim();
}

describe("renderMail", () => {
  it("says the same in the text and the HTML body, in the same order", () => {
    const mail = renderMail(content, "nl");
    const pieces = [
      "Geachte heer Jansen,",
      "De akte van levering staat voor u klaar.",
      "Deze link is 24 uur geldig.",
      "Dossier",
      "2026-0042",
      "Notaris",
      "mr. A. de Vries",
      "Akte bekijken",
      "https://poort.example/dossiers/42",
      "Met vriendelijke groet,",
      "Notariskantoor De Vries",
    ];
    const inOrder = (body: string) => {
      let from = 0;
      return pieces.every((piece) => {
        const at = body.indexOf(piece, from);
        from = at + piece.length;
        return at >= 0;
      });
    };
    expect(mail.subject).toBe("Uw akte is klaar");
    expect(inOrder(mail.text)).toBe(true);
    expect(inOrder(visibleText(mail.html))).toBe(true);
    expect(mail.html).toContain('<a href="https://poort.example/dossiers/42"');
    expect(mail.text).toContain("Akte bekijken:\nhttps://poort.example/dossiers/42");
  });

  it("escapes every value in the HTML and keeps it verbatim in the text", () => {
    const hostile = `<script>alert("x")</script> & 'Ruben & Zn'`;
    const escaped =
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ruben &amp; Zn&#39;";
    const mail = renderMail(
      {
        subject: `Subject ${hostile}`,
        greeting: `Greeting ${hostile}`,
        blocks: [
          { kind: "paragraph", text: `Paragraph ${hostile}` },
          { kind: "notice", text: `Notice ${hostile}` },
          { kind: "facts", rows: [[`Label ${hostile}`, `Value ${hostile}`]] },
          {
            kind: "action",
            label: `Action ${hostile}`,
            url: `https://x.example/?a=1&b="><script>`,
          },
        ],
        closing: [`Closing ${hostile}`],
      },
      "en",
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    for (const label of [
      "Greeting",
      "Paragraph",
      "Notice",
      "Label",
      "Value",
      "Action",
      "Closing",
    ]) {
      expect(mail.html).toContain(`${label} ${escaped}`);
      expect(mail.text).toContain(`${label} ${hostile}`);
    }
    expect(mail.html).toContain(`<title>Subject ${escaped}</title>`);
    expect(mail.html).toContain('href="https://x.example/?a=1&amp;b=&quot;&gt;&lt;script&gt;"');
    expect(mail.text).toContain(`https://x.example/?a=1&b="><script>`);
    expect(mail.subject).toBe(`Subject ${hostile}`);
  });

  it("marks the HTML with the language of the locale", () => {
    expect(renderMail(content, "nl").html).toContain('<html lang="nl">');
    expect(renderMail(content, "en").html).toContain('<html lang="en">');
  });
});
