import type { CertificateState, CertificateSummary } from "#src/contracts/certificates.ts";
import type { CertificateRow } from "./repository.ts";

const DAY_MS = 24 * 60 * 60_000;
/** The servicedesk's expiry overview looks this far ahead (and "expiring" means within it). */
export const EXPIRY_WINDOW_DAYS = 60;

/** How the servicedesk sees a certificate today. */
export function certificateState(certificate: CertificateRow, now: Date): CertificateState {
  if (certificate.revokedAt) return "revoked";
  if (certificate.notAfter <= now) return "expired";
  if (certificate.supersededAt) return "superseded";
  const expiringFrom = certificate.notAfter.getTime() - EXPIRY_WINDOW_DAYS * DAY_MS;
  return now.getTime() >= expiringFrom ? "expiring" : "valid";
}

export function toCertificateSummary(certificate: CertificateRow, now: Date): CertificateSummary {
  return {
    id: certificate.id,
    serialNumber: certificate.serialNumber,
    state: certificateState(certificate, now),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    sentTo: certificate.sentTo,
    issuedVia: certificate.issuedVia,
    revokeAt: certificate.revokedAt ? null : (certificate.revokeAt?.toISOString() ?? null),
    revokedAt: certificate.revokedAt?.toISOString() ?? null,
    revocationReason: certificate.revocationReason,
  };
}
