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
  it("shows 0 when nothing is open, and leads nowhere", () => {
    const html = render(0);
    expect(html).toContain("Vragenlijsten om in te vullen: 0");
    expect(html).not.toContain("<a");
  });

  it("shows the number and links to the actions once there are any", () => {
    const html = render(2);
    expect(html).toContain("Vragenlijsten om in te vullen: 2");
    expect(html).toMatch(/<a [^>]*href="\/portal\/acties"[^>]*>Acties<\/a>/);
  });

  it("shows no number while the counts load", () => {
    expect(render(undefined)).toContain('<div class="poort-tile__body"></div>');
  });
});
