import { x509 } from "./x509.ts";

/**
 * The subject key identifier of a CA certificate: what its children, CRLs and OCSP responses
 * name it by. Taken from the certificate itself rather than recomputed, so that it matches
 * whatever method made it (RFC 5280 allows several).
 */
export function keyIdentifier(certificate: x509.X509Certificate): Buffer {
  const extension = certificate.getExtension(x509.SubjectKeyIdentifierExtension);
  if (!extension) throw new Error(`${certificate.subject} has no subject key identifier`);
  return Buffer.from(extension.keyId, "hex");
}

/** The authority key identifier extension of a certificate, CRL or response signed by `issuer`. */
export function authorityKeyIdentifier(
  issuer: x509.X509Certificate,
): x509.AuthorityKeyIdentifierExtension {
  return new x509.AuthorityKeyIdentifierExtension(keyIdentifier(issuer).toString("hex"));
}
