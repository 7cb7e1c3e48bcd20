import { defaultLocale, type Locale, locales } from "#src/contracts/locale.ts";

/**
 * The language choice lives in a cookie, not in localStorage, so that the server can answer
 * errors and mails in the language the user picked. It is readable by scripts on purpose
 * (not HttpOnly): the server may set it too, e.g. from "Mijn gegevens".
 */
export const languageCookieName = "poort_lang";

const oneYearInSeconds = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The language stored in a `Cookie` header or `document.cookie`, if it names one we speak. */
export function readLanguageCookie(cookies: string): Locale | undefined {
  for (const pair of cookies.split(";")) {
    const [name, value] = pair.split("=", 2).map((part) => part.trim());
    if (name === languageCookieName && isLocale(value)) return value;
  }
  return undefined;
}

/** The `document.cookie` assignment that stores the choice for the whole site for a year. */
export function languageCookie(locale: Locale, secure: boolean): string {
  const attributes = [`Path=/`, `Max-Age=${oneYearInSeconds}`, "SameSite=Lax"];
  if (secure) attributes.push("Secure");
  return [`${languageCookieName}=${locale}`, ...attributes].join("; ");
}

/**
 * The locale Poort speaks for a language tag (i18next's current language, a browser's): English
 * for any English, Dutch for the rest. The contracts' words (`src/contracts`) are kept per locale.
 */
export function localeOfLanguage(language: string): Locale {
  return language.toLowerCase().startsWith("en") ? "en" : defaultLocale;
}

/** A stored choice wins; otherwise English for browsers that ask for it, Dutch for the rest. */
export function detectLanguage(cookies: string, browserLanguage: string): Locale {
  return readLanguageCookie(cookies) ?? localeOfLanguage(browserLanguage);
}
