import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { createI18n } from "#src/web/ui/i18n/create-i18n.ts";
import { ActionsTile } from "./ActionsTile.tsx";

function render(open: number | undefined) {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n("nl")}>
      <MemoryRouter basename="/portal" initialEntries={["/portal"]}>
        <ActionsTile open={open} />
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe("the Acties tile", () => {
  it("shows 0 when nothing is open, and still leads to Acties, where done ones stay", () => {
    const html = render(0);
    expect(html).toContain("Open acties: 0");
    expect(html).toMatch(/<a [^>]*href="\/portal\/acties"[^>]*>Acties<\/a>/);
  });

  it("shows how many actions are open", () => {
    expect(render(2)).toContain("Open acties: 2");
  });

  it("shows no number while the counts load", () => {
    expect(render(undefined)).toContain('<div class="poort-tile__body"></div>');
  });
});
