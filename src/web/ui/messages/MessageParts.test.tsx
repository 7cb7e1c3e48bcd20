import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n } from "../i18n/create-i18n.ts";
import { DraftAttachmentList, MessageDirection } from "./MessageParts.tsx";

const render = (node: React.ReactNode, language: "nl" | "en" = "nl") =>
  renderToStaticMarkup(<I18nextProvider i18n={createI18n(language)}>{node}</I18nextProvider>);

describe("the parts of a message", () => {
  it("mark incoming and outgoing by an icon with a text alternative, from the reader's side", () => {
    const incoming = render(<MessageDirection sender="office" view="client" />);
    expect(incoming).toContain("Inkomend bericht");
    expect(incoming).toMatch(/<svg aria-hidden="true"[^>]*focusable="false"/);
    expect(render(<MessageDirection sender="client" view="client" />)).toContain(
      "Uitgaand bericht",
    );
    expect(render(<MessageDirection sender="client" view="office" />, "en")).toContain(
      "Incoming message",
    );
  });

  it("give each draft attachment a trash button named after its file", () => {
    const html = render(
      <DraftAttachmentList
        files={[{ id: "a", fileName: "paspoort.png", size: 2048 }]}
        onRemove={() => undefined}
      />,
    );
    expect(html).toContain('aria-label="Verwijder bijlage paspoort.png"');
    expect(html).toContain("paspoort.png (2 kB)");
    expect(render(<DraftAttachmentList files={[]} onRemove={() => undefined} />)).toBe("");
  });
});
