import type { Locale } from "#src/contracts/locale.ts";

/** Dates as the Netherlands sees them: eHerkenning's days and times are Dutch ones. */
const TIME_ZONE = "Europe/Amsterdam";
const isoDay = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE });
const tags: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

/** `YYYY-MM-DD` of the day it is in the Netherlands at that moment. */
export function dayInTheNetherlands(at: Date): string {
  return isoDay.format(at);
}

/** "12 januari 2027" / "12 January 2027", for a mail. */
export function dayInWords(at: Date, locale: Locale): string {
  return at.toLocaleDateString(tags[locale], { timeZone: TIME_ZONE, dateStyle: "long" });
}

/** "12 januari 2027 om 14:30" style, for an appointment in a mail. */
export function momentInWords(at: Date, locale: Locale): string {
  return at.toLocaleString(tags[locale], {
    timeZone: TIME_ZONE,
    dateStyle: "full",
    timeStyle: "short",
  });
}
