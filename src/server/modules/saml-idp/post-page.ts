import { escapeXml } from "../service-catalogue/xml-document.ts";

/**
 * Submits the form on load. A file of its own (the CSP allows no inline script); without
 * JavaScript the user presses the button, which does the same.
 */
export const AUTO_POST_SCRIPT =
  'document.addEventListener("DOMContentLoaded",function(){var f=document.getElementById("saml-post");if(f)f.submit();});\n';

/** The HTML page that carries the signed Response to the SP's ACS by HTTP-POST. */
export function autoPostPage(response: {
  acsUrl: string;
  samlResponse: string;
  relayState: string | null;
}) {
  const origin = new URL(response.acsUrl).origin;
  const relay = response.relayState
    ? `<input type="hidden" name="RelayState" value="${escapeXml(response.relayState)}">`
    : "";
  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Doorsturen naar de dienst / Continuing to the service</title>
<script src="/eherkenning/idp/doorsturen.js"></script></head>
<body>
<main>
<h1>U wordt doorgestuurd naar de dienst</h1>
<p lang="en">You are being sent on to the service.</p>
<form id="saml-post" method="post" action="${escapeXml(response.acsUrl)}">
<input type="hidden" name="SAMLResponse" value="${escapeXml(response.samlResponse)}">
${relay}
<button type="submit">Doorgaan / Continue</button>
</form>
</main>
</body>
</html>
`;
  return {
    html,
    contentSecurityPolicy: `default-src 'none'; script-src 'self'; form-action ${origin}; base-uri 'none'; frame-ancestors 'none'`,
  };
}
