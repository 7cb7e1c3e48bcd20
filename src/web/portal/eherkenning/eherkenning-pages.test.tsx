import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createMemoryRouter, MemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import type { Locale } from "#src/contracts/locale.ts";
import { appRoutes } from "#src/web/ui/app-routes.tsx";
import { createI18n } from "#src/web/ui/i18n/create-i18n.ts";
import { portalRoutes } from "../routes.tsx";
import { EherkenningLoginForm } from "./EherkenningLoginSection.tsx";

/** A portal page as the first render shows it: no session or API answer has arrived yet. */
function renderPortal(url: string, locale: Locale = "nl") {
  const router = createMemoryRouter(appRoutes("portal", portalRoutes), {
    basename: "/portal",
    initialEntries: [url],
  });
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(locale)}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
}

function render(element: ReactNode, locale: Locale = "nl") {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(locale)}>
      <MemoryRouter>{element}</MemoryRouter>
    </I18nextProvider>,
  );
}

const h1s = (html: string) => [...html.matchAll(/<h1[^>]*>(.*?)<\/h1>/g)].map((m) => m[1]);

describe("the portal's login page", () => {
  it("says why an eHerkenning login was refused, with the level the office asks", () => {
    const html = renderPortal("/portal/login?eherkenning=level-too-low&niveau=EH3");
    expect(html).toContain(
      '<div class="utrecht-alert utrecht-alert--error" role="alert">' +
        '<div class="utrecht-alert__content"><div class="utrecht-alert__message">' +
        "Uw eHerkenningsmiddel heeft een te laag betrouwbaarheidsniveau voor dit klantenportaal. " +
        "Het notariskantoor vraagt EH3 of hoger.",
    );
  });

  it("says so in English too", () => {
    const html = renderPortal("/portal/login?eherkenning=unknown-company", "en");
    expect(html).toContain("is not a client of this notary&#x27;s office");
    expect(html).toContain('role="alert"');
  });

  it("shows no refusal that is not one of the server's", () => {
    expect(renderPortal("/portal/login?eherkenning=iets")).not.toContain('role="alert"');
  });

  it("tells that the user is logged out after the SAML logout's redirect", () => {
    expect(renderPortal("/portal/login?uitgelogd=1")).toContain("U bent uitgelogd.");
    expect(renderPortal("/portal/login")).not.toContain("U bent uitgelogd.");
  });
});

describe("the eHerkenning login form", () => {
  const offices = [
    { id: "7d3f1c52-2a61-4c8e-9b0a-3f2d1e4c5b6a", name: "Notariaat Aa", level: "EH3" },
    { id: "0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f", name: "Notariaat Bee", level: "EH2+" },
  ] as const;

  it("lets the company choose the office, with its level, and goes to the SAML login", () => {
    const html = render(<EherkenningLoginForm offices={[...offices]} />);
    expect(html).toMatch(/<h2[^>]*>Inloggen met eHerkenning<\/h2>/);
    expect(html).toContain('<label class="utrecht-form-label" for="eherkenning-office">');
    expect(html).toMatch(/<select id="eherkenning-office"/);
    expect(html).toMatch(
      new RegExp(`<option value="${offices[0].id}"[^>]*>Notariaat Aa \\(EH3\\)</option>`),
    );
    expect(html).toContain(`<option value="${offices[1].id}">Notariaat Bee (EH2+)</option>`);
    // A link, not a form: the CSP lets forms submit to Poort only, and a broker is elsewhere.
    expect(html).not.toContain("<form");
    expect(html).toMatch(
      new RegExp(
        `<a [^>]*href="/portal/saml/login\\?office=${offices[0].id}"[^>]*>Inloggen met eHerkenning</a>`,
      ),
    );
  });

  it("sends the one office without asking", () => {
    const html = render(<EherkenningLoginForm offices={[offices[0]]} />, "en");
    expect(html).toContain(`href="/portal/saml/login?office=${offices[0].id}"`);
    expect(html).not.toContain("<select");
    expect(html).toContain("Log in with eHerkenning");
  });
});

describe("the eHerkenning pages' routes", () => {
  it("open the link page without a login", () => {
    const html = renderPortal("/portal/eherkenning/koppelen");
    expect(h1s(html)).toContain("eHerkenning koppelen");
  });

  it("keep the approval page behind the login", () => {
    const html = renderPortal("/portal/eherkenning/goedkeuren/abc");
    expect(h1s(html)).not.toContain("eHerkenning-koppeling goedkeuren");
    expect(html).not.toContain("Pagina niet gevonden");
  });
});
