import { createHash } from "node:crypto";
import * as pkijs from "pkijs";
import type { x509 } from "./x509.ts";

/** The hash algorithms an OCSP CertID may use that Poort answers for. */
export type OcspHashAlgorithm = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

/** Their object identifiers, both ways: requests name them by OID, responses repeat it. */
export const ocspHashAlgorithmOids: Record<OcspHashAlgorithm, string> = {
  "SHA-1": "1.3.14.3.2.26",
  "SHA-256": "2.16.840.1.101.3.4.2.1",
  "SHA-384": "2.16.840.1.101.3.4.2.2",
  "SHA-512": "2.16.840.1.101.3.4.2.3",
};

/** Which certificate an OCSP request asks about (RFC 6960, 4.1.1). */
export interface OcspCertId {
  /** Lowercase hex without a sign byte, as `newSerialNumber()` makes them. */
  serialNumber: string;
  /** Hash of the issuer's subject name (DER). */
  issuerNameHash: Buffer;
  /** Hash of the issuer's public key (the subjectPublicKey bits, not the whole SPKI). */
  issuerKeyHash: Buffer;
  hashAlgorithm: OcspHashAlgorithm;
}

/** An issuer's name and key hashes per algorithm: the same for every request, so made once. */
const issuerHashes = new WeakMap<x509.X509Certificate, Map<OcspHashAlgorithm, [Buffer, Buffer]>>();

function hashesOf(issuer: x509.X509Certificate, algorithm: OcspHashAlgorithm): [Buffer, Buffer] {
  const byAlgorithm = issuerHashes.get(issuer) ?? new Map<OcspHashAlgorithm, [Buffer, Buffer]>();
  issuerHashes.set(issuer, byAlgorithm);
  let hashes = byAlgorithm.get(algorithm);
  if (!hashes) {
    hashes = [
      hashWith(algorithm, new Uint8Array(issuer.subjectName.toArrayBuffer())),
      hashWith(algorithm, publicKeyBits(issuer)),
    ];
    byAlgorithm.set(algorithm, hashes);
  }
  return hashes;
}

/** Whether `certId` names a certificate of `issuer`, by the hashes of its name and key. */
export function matchesIssuer(certId: OcspCertId, issuer: x509.X509Certificate): boolean {
  const [nameHash, keyHash] = hashesOf(issuer, certId.hashAlgorithm);
  return nameHash.equals(certId.issuerNameHash) && keyHash.equals(certId.issuerKeyHash);
}

/** The OCSP key hash of a certificate's public key; SHA-1 for a responder id (RFC 6960, 4.2.1). */
export function publicKeyHash(
  certificate: x509.X509Certificate,
  algorithm: OcspHashAlgorithm = "SHA-1",
): Buffer {
  return hashesOf(certificate, algorithm)[1];
}

/** The CertID that names `issuer`'s certificate `serialNumber`, as a request would. */
export function certIdOf(
  issuer: x509.X509Certificate,
  serialNumber: string,
  hashAlgorithm: OcspHashAlgorithm,
): OcspCertId {
  const [issuerNameHash, issuerKeyHash] = hashesOf(issuer, hashAlgorithm);
  return { serialNumber, issuerNameHash, issuerKeyHash, hashAlgorithm };
}

const hashWith = (algorithm: OcspHashAlgorithm, data: Uint8Array) =>
  createHash(algorithm.replace("-", "").toLowerCase()).update(data).digest();

function publicKeyBits(certificate: x509.X509Certificate): Uint8Array {
  const spki = pkijs.PublicKeyInfo.fromBER(certificate.publicKey.rawData);
  return spki.subjectPublicKey.valueBlock.valueHexView;
}
