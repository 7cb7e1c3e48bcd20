import type { TFunction } from "i18next";
import type { CertificateState } from "#src/contracts/certificates.ts";

/** "Geldig", "Verloopt binnenkort" …; "Geen certificaat" for an office without one. */
export function stateLabel(state: CertificateState | null, t: TFunction): string {
  return state ? t(`certificates.states.${state}`) : t("certificates.noCertificate");
}

/** A revocation reason as the server names it, translated when it is one we know. */
export function revocationReasonLabel(reason: string, t: TFunction): string {
  return t(`certificates.revocationReasons.${reason}`, { defaultValue: reason });
}
