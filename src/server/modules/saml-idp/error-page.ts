import type { Locale } from "#src/contracts/locale.ts";
import { type ErrorCode, errorMessage } from "#src/server/errors.ts";
import { escapeHtml } from "#src/server/platform/mail/mail-content.ts";

const texts = {
  nl: {
    title: "Inloggen met eHerkenning lukt niet",
    lead: "De dienst waar u vandaan komt stuurde een inlogverzoek dat wij niet kunnen afhandelen.",
    what: "Wat kunt u doen?",
    back: "Ga terug naar de dienst en begin opnieuw met inloggen. Blijft dit gebeuren, neem dan contact op met die dienst en noem de code hieronder.",
    code: "Foutcode",
    home: "Naar eHerkenning",
  },
  en: {
    title: "Logging in with eHerkenning did not work",
    lead: "The service you came from sent a login request we cannot handle.",
    what: "What can you do?",
    back: "Go back to the service and start logging in again. If this keeps happening, contact that service and quote the code below.",
    code: "Error code",
    home: "To eHerkenning",
  },
} as const;

/**
 * What a person sees when an SP sent their browser to the IdP with a request it refuses (unknown
 * SP, unreadable or badly signed, stale or replayed, a service it may not ask for): a page in
 * their language that says what went wrong and what to do, instead of the API's JSON, which
 * tells a person nothing. Plain HTML without script or style, so it passes the strict CSP.
 */
export function idpErrorPage(code: ErrorCode, locale: Locale, requestId: string): string {
  const t = texts[locale];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} – eHerkenning – Poort</title>
</head>
<body>
<main>
<h1>${t.title}</h1>
<p>${t.lead}</p>
<p><strong>${escapeHtml(errorMessage(code, locale))}</strong></p>
<h2>${t.what}</h2>
<p>${t.back}</p>
<p>${t.code}: <code>${code}</code> (${escapeHtml(requestId)})</p>
<p><a href="/eherkenning">${t.home}</a></p>
</main>
</body>
</html>
`;
}
