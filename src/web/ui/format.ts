/**
 * Date and time in the reader's language, e.g. "12 mei 2026 14:03:07": on the reader's clock,
 * or on the one given (a record that must read the same for everyone, such as the audit log).
 */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "medium",
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/**
 * A day in the reader's language, e.g. "12 mei 2026". A bare date ("2026-05-12") is that day
 * wherever the reader is; a moment ("2026-05-12T22:30:00Z") is the day it was there.
 */
export function formatDate(iso: string, locale: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    ...(dateOnly ? { timeZone: "UTC" } : {}),
  }).format(new Date(iso));
}

/**
 * A file size in the largest unit that keeps the number at or above 1, e.g. "12,5 kB".
 *
 * Sizes are counted in steps of 1024 but labelled kB, MB and GB, as file managers such as
 * Windows Explorer do and as our users and the manuals expect: the upload limit of 100 MiB
 * (104,857,600 bytes) reads "100 MB", not "104,9 MB". Every size on screen goes through here,
 * so a file's size and the limit it is held against are always counted the same way.
 */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** Time of day in the reader's language, e.g. "14:03:07". */
export function formatTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: "medium" }).format(date);
}
