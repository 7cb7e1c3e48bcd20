import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText } from "./RichText.tsx";

const render = (text: string) =>
  renderToStaticMarkup(
    <RichText
      text={text}
      parts={{
        link: (inner) => <a href="/terms">{inner}</a>,
        email: () => <a href="mailto:a@b.nl">a@b.nl</a>,
      }}
    />,
  );

describe("RichText", () => {
  it("replaces the named parts, with and without inner text", () => {
    expect(render("Lees de <link>voorwaarden</link> of mail <email/>.")).toBe(
      'Lees de <a href="/terms">voorwaarden</a> of mail <a href="mailto:a@b.nl">a@b.nl</a>.',
    );
  });

  it("leaves unknown markup as escaped text", () => {
    expect(render("Kantoor <b>X</b> & <img/>")).toBe(
      "Kantoor &lt;b&gt;X&lt;/b&gt; &amp; &lt;img/&gt;",
    );
  });
});
