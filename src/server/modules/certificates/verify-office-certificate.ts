import type { ErrorCode } from "#src/server/errors.ts";
import type { CertificatesDeps } from "./deps.ts";
import { x509 } from "./pki/x509.ts";
import { type CertificateRow, findCertificateBySerial } from "./repository.ts";

export type OfficeCertificateVerdict =
  | { kind: "valid"; certificate: CertificateRow }
  | { kind: "refused"; code: ErrorCode };

const refused = (code: ErrorCode): OfficeCertificateVerdict => ({ kind: "refused", code });

/**
 * Whether a certificate a client presented (DER) is one of our office certificates in force:
 * signed by our issuing CA, within its validity by Poort's clock, known in the database and not
 * revoked there — the database is the source of truth, ahead of any CRL (ADR 0008).
 */
export async function verifyOfficeCertificate(
  deps: Pick<CertificatesDeps, "db" | "clock" | "authorities">,
  der: Buffer,
): Promise<OfficeCertificateVerdict> {
  let presented: x509.X509Certificate;
  try {
    presented = new x509.X509Certificate(new Uint8Array(der));
  } catch {
    return refused("certificate_foreign");
  }
  const { issuing } = await deps.authorities.get();
  const signedByUs =
    presented.issuer === issuing.certificate.subject &&
    (await presented.verify({ publicKey: issuing.certificate.publicKey, signatureOnly: true }));
  if (!signedByUs) return refused("certificate_foreign");

  const now = deps.clock.now();
  if (presented.notBefore > now) return refused("certificate_not_yet_valid");
  if (presented.notAfter <= now) return refused("certificate_expired");
  const certificate = await findCertificateBySerial(deps.db, presented.serialNumber);
  if (!certificate) return refused("certificate_foreign");
  if (certificate.revokedAt) return refused("certificate_revoked");
  return { kind: "valid", certificate };
}
