import type { FastifyRequest } from "fastify";
import { defaultLocale, type Locale, localeSchema } from "#src/contracts/locale.ts";

/** The cookie the web apps set when the user picks a language. */
export const LOCALE_COOKIE = "poort_lang";

/** The user's language: their explicit choice, else their browser's, else Dutch. */
export function requestLocale(request: FastifyRequest): Locale {
  const chosen = localeSchema.safeParse(request.cookies?.[LOCALE_COOKIE]);
  if (chosen.success) return chosen.data;
  const accepted = request.headers["accept-language"] ?? "";
  for (const range of accepted.split(",")) {
    const language = localeSchema.safeParse(range.split(";")[0]?.trim().slice(0, 2).toLowerCase());
    if (language.success) return language.data;
  }
  return defaultLocale;
}
