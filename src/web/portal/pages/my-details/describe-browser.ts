/**
 * A short name for the browser and system of a User-Agent ("Chrome, Windows"), enough for a
 * client to recognise their own device in their security events; undefined when it is not one
 * of the common ones (the page then shows the User-Agent as it is).
 */
export function describeBrowser(userAgent: string): string | undefined {
  const browsers: Array<[RegExp, string]> = [
    [/Edg\//, "Edge"],
    [/OPR\/|Opera/, "Opera"],
    [/Firefox\//, "Firefox"],
    [/Chrome\/|Chromium\/|CriOS\//, "Chrome"],
    [/Safari\//, "Safari"],
  ];
  const systems: Array<[RegExp, string]> = [
    [/Windows/, "Windows"],
    [/iPhone|iPad|iOS/, "iOS"],
    [/Android/, "Android"],
    [/Mac OS X|Macintosh/, "macOS"],
    [/CrOS/, "ChromeOS"],
    [/Linux/, "Linux"],
  ];
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser && !system) return undefined;
  return [browser, system].filter(Boolean).join(", ");
}

/** A moment in Dutch time, whatever the reader's computer's zone: "23 nov 2026, 10:15". */
export function formatDutchMoment(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(iso));
}
