import type { Organisation } from "#src/contracts/certificates.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { type ErrorCode, errorMessage } from "#src/server/errors.ts";
import { escapeHtml } from "#src/server/platform/mail/mail-content.ts";

const texts = {
  nl: {
    title: "Geen toegang met dit certificaat",
    lead: "Deze pagina is alleen te openen met een geldig kantoorcertificaat.",
    help: "Hulp nodig? Neem contact op met de",
    servicedesk: "Servicedesk",
    phone: "telefoon",
  },
  en: {
    title: "No access with this certificate",
    lead: "This page opens only with a valid office certificate.",
    help: "Need help? Contact the",
    servicedesk: "Servicedesk",
    phone: "phone",
  },
} as const;

/**
 * The page the mTLS listener answers when the client certificate is missing, expired, revoked
 * or not ours: what is wrong, what to do, and whom to call — rather than a dropped connection,
 * which tells a user nothing. Plain HTML, so curl and every browser show it.
 */
export function explanationPage(code: ErrorCode, locale: Locale, organisation: Organisation) {
  const t = texts[locale];
  const servicedesk = `${escapeHtml(organisation.shortName)} ${t.servicedesk}`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} – Poort</title>
</head>
<body>
<main>
<h1>${t.title}</h1>
<p>${t.lead}</p>
<p><strong>${escapeHtml(errorMessage(code, locale))}</strong></p>
<p>${t.help} ${servicedesk}: <a href="mailto:${escapeHtml(organisation.servicedeskEmail)}">${escapeHtml(organisation.servicedeskEmail)}</a>, ${t.phone} ${escapeHtml(organisation.servicedeskPhone)}.</p>
<p><small>${code}</small></p>
</main>
</body>
</html>
`;
}
