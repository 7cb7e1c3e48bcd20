import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createMemoryRouter, type RouteObject, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import type { Locale } from "#src/contracts/locale.ts";
import { appRoutes, areaRoutes } from "./app-routes.tsx";
import { type AppId, areaList, areas } from "./areas.ts";
import { createI18n } from "./i18n/create-i18n.ts";

function render(
  url: string,
  basename: string,
  app: AppId | undefined,
  routes: RouteObject[],
  locale: Locale = "nl",
) {
  const router = createMemoryRouter(appRoutes(app, routes), { basename, initialEntries: [url] });
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(locale)}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
}

const h1s = (html: string) => [...html.matchAll(/<h1[^>]*>(.*?)<\/h1>/g)].map((m) => m[1]);

describe("area apps", () => {
  it("show each area's introduction at its first page", () => {
    for (const area of areaList) {
      const url = area.home ? `${area.basename}/${area.home}` : area.basename;
      const html = render(url, area.basename, area.id, areaRoutes(area));
      expect(h1s(html), area.id).toHaveLength(1);
      expect(html).toContain(`poort-page-header__app">${h1s(html)[0]}<`);
    }
  });

  it("answer an unknown path inside the area with a not-found page in the shell", () => {
    const area = areas.selfservice;
    const html = render("/selfservice/nope", area.basename, area.id, areaRoutes(area), "en");
    expect(h1s(html)).toEqual(["Page not found"]);
    expect(html).toContain('href="/selfservice"');
    expect(html).toContain("Skip to main content");
  });
});

describe("page shell", () => {
  const html = render("/portal", "/portal", "portal", areaRoutes(areas.portal));

  it("starts with a skip link to the main landmark", () => {
    expect(html).toMatch(/^<div[^>]*><a href="#main"[^>]*>Naar de hoofdinhoud<\/a><header/);
    expect(html).toContain('<main id="main"');
  });

  it("offers the other language, named in that language", () => {
    expect(html).toMatch(/<button[^>]*lang="en"[^>]*>English<\/button>/);
  });

  it("links every area from the footer and marks the current one", () => {
    for (const area of areaList)
      expect(html).toContain(
        `href="${area.home ? `${area.basename}/${area.home}` : area.basename}"`,
      );
    expect(html).toMatch(/href="\/portal" class="[^"]*" aria-current="page"/);
  });
});

describe("start app", () => {
  it("marks the start page as current and has a not-found page too", () => {
    const html = render("/elders", "/", undefined, [{ index: true, element: <p>start</p> }]);
    expect(h1s(html)).toEqual(["Pagina niet gevonden"]);
    expect(html).not.toContain("poort-page-header__app");
  });
});
