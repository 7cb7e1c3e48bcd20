import { createInstance, type i18n } from "i18next";
import { defaultLocale, type Locale, locales } from "#src/contracts/locale.ts";
import en from "./en.json" with { type: "json" };
import nl from "./nl.json" with { type: "json" };

export const translations = { nl, en } as const;

/**
 * A ready i18next instance: the texts are bundled, so it initialises synchronously and the
 * first render is already in the right language. Missing English texts fall back to Dutch.
 */
export function createI18n(locale: Locale): i18n {
  const instance = createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: locales,
    resources: { nl: { translation: nl }, en: { translation: en } },
    initAsync: false,
    // React escapes what it renders; escaping here too would show &amp; on screen.
    interpolation: { escapeValue: false },
    // i18next otherwise advertises its vendor in every visitor's console.
    showSupportNotice: false,
  });
  return instance;
}
