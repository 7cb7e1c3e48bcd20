import type { ErrorCode } from "#src/server/errors.ts";
import { findOfficeById, type OfficeRow } from "#src/server/modules/offices/repository.ts";
import type { CertificatesDeps } from "../deps.ts";
import { x509 } from "../pki/x509.ts";
import { type CertificateRow, findCertificateBySerial } from "../repository.ts";

export type ClientCertificateCheck =
  | { kind: "valid"; certificate: CertificateRow; office: OfficeRow }
  | { kind: "refused"; code: ErrorCode };

const refused = (code: ErrorCode): ClientCertificateCheck => ({ kind: "refused", code });

/**
 * Decides about a presented client certificate ourselves rather than in the TLS handshake, so
 * that a wrong certificate gets a page that explains, not a dropped connection: it must be
 * signed by our issuing CA, be within its validity (by Poort's clock), be known in the
 * database and not be revoked there (the source of truth, ahead of any CRL).
 */
export async function checkClientCertificate(
  deps: CertificatesDeps,
  der: Buffer | undefined,
): Promise<ClientCertificateCheck> {
  if (!der) return refused("certificate_missing");
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
  const office = await findOfficeById(deps.db, certificate.officeId);
  if (!office) return refused("certificate_foreign");
  return { kind: "valid", certificate, office };
}
