import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { safeEqual } from "./random-secrets.ts";

/**
 * The settings every authenticator app understands (RFC 6238 defaults): some apps, older
 * Google Authenticator among them, ignore other algorithms or lengths and show wrong codes.
 */
const issuer = "Poort";
const period = 30;
const digits = 6;

function totpFor(secret: string, label = "") {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits,
    period,
  });
}

/** 160 bits, as RFC 4226 recommends for HMAC-SHA1; base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * What the set-up screen shows: the otpauth:// URI (also as a link for phone users) and its
 * QR code as an SVG data URL, which a CSP with `img-src 'self' data:` allows.
 */
export async function totpSetup(
  secret: string,
  accountLabel: string,
): Promise<{ uri: string; qrSvgDataUrl: string }> {
  const uri = totpFor(secret, accountLabel).toString();
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { uri, qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/**
 * Accepts the code of the current 30-second step or of a neighbouring one (a phone clock a
 * little off, a code typed just as it changed). The accepted step is returned for the caller
 * to store: a step at or before the last accepted one is refused, so an observed code cannot
 * be replayed, not even within its own 30 seconds.
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  lastAcceptedStep: number | null,
): { ok: true; step: number } | { ok: false } {
  // Apps show "123 456"; people type what they see.
  const typed = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(typed)) return { ok: false };
  const totp = totpFor(secret);
  const currentStep = totp.counter({ timestamp: now.getTime() });
  for (const step of [currentStep - 1, currentStep, currentStep + 1]) {
    if (lastAcceptedStep !== null && step <= lastAcceptedStep) continue;
    const expected = totp.generate({ timestamp: step * period * 1000 });
    if (safeEqual(typed, expected)) return { ok: true, step };
  }
  return { ok: false };
}
