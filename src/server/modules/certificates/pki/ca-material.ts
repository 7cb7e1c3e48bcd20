import type { webcrypto } from "node:crypto";
import type { KeyAlgorithm } from "./keys.ts";
import type { x509 } from "./x509.ts";

/**
 * A CA's certificate with the private key it signs with: what everything that signs (CA and
 * end-entity certificates, CRLs, OCSP responses) takes as its issuer. A file of its own, so that
 * making a CA and signing with one do not depend on each other.
 */
export interface CaMaterial {
  certificate: x509.X509Certificate;
  privateKey: webcrypto.CryptoKey;
  algorithm: KeyAlgorithm;
}
