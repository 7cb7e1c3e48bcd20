import "@utrecht/design-tokens/dist/theme.css";
import "@utrecht/component-library-css/dist/index.css";
import "./theme/poort-theme.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createBrowserRouter, type RouteObject } from "react-router";
import { RouterProvider } from "react-router/dom";
import { appRoutes, areaRoutes } from "./app-routes.tsx";
import { type AppId, type AreaId, areas } from "./areas.ts";
import { createI18n } from "./i18n/create-i18n.ts";
import { detectLanguage, isLocale, languageCookie } from "./i18n/language.ts";

interface AppOptions {
  /** The URL prefix the app owns; the server sends every path below it to this app. */
  basename: string;
  /** Named in the header; absent on the start page. */
  app?: AppId;
  routes: RouteObject[];
}

/**
 * Mounts one Poort web app in #root: language, page shell and routes. Every entry calls this,
 * so all apps look and behave alike.
 */
export function startApp({ basename, app, routes }: AppOptions): void {
  const i18n = createI18n(detectLanguage(document.cookie, navigator.language));
  followLanguage(i18n.language);
  i18n.on("languageChanged", followLanguage);

  const router = createBrowserRouter(appRoutes(app, routes), { basename });
  const container = document.getElementById("root");
  if (!container) throw new Error("index.html lacks the #root element");
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </StrictMode>,
  );
}

export function startAreaApp(id: AreaId): void {
  const area = areas[id];
  startApp({ basename: area.basename, app: id, routes: areaRoutes(area) });
}

/** Keeps the page's `lang` and the `poort_lang` cookie (read by the server) in step. */
function followLanguage(language: string): void {
  if (!isLocale(language)) return;
  document.documentElement.lang = language;
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is async and not in every browser our users have; languageCookie() builds the value from a checked locale
  document.cookie = languageCookie(language, location.protocol === "https:");
}
