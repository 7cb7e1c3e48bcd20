import type { SecretBox } from "#src/server/platform/security/secret-box.ts";

/**
 * The acting person's pseudonym at one SP: an HMAC under Poort's secret key of the means account
 * and the SP's entity id. Stable, so the SP recognises the person at the next login; different
 * per SP, so two SPs cannot link their users; and without the key not traced back to the account.
 * Nothing is stored: the same inputs give the same pseudonym.
 */
export function pseudonymFor(secrets: SecretBox, accountId: string, spEntityId: string): string {
  return secrets.fingerprint(`saml-acting-subject\u0000${accountId}\u0000${spEntityId}`);
}
