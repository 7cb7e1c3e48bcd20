import * as OTPAuth from "otpauth";
import type { Page } from "playwright-core";

/** The code an authenticator app shows now for this secret (as the set-up page groups it). */
export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret.replaceAll(" ", "")),
  }).generate();
}

/** The code for the secret the set-up page shows for typing into an app by hand. */
export async function totpCodeFromSetUpPage(page: Page): Promise<string> {
  return totpCode((await page.locator("code.poort-totp-secret").textContent()) ?? "");
}
