// Node's WebCrypto types, here and in this folder: the server build has no DOM library.
import type { webcrypto } from "node:crypto";
/** The key types Poort issues and signs with: RSA for the widest client support, P-256 for size. */
export type KeyAlgorithm = "rsa-2048" | "p-256";

const rsa: webcrypto.RsaHashedImportParams = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
const p256: webcrypto.EcKeyImportParams = { name: "ECDSA", namedCurve: "P-256" };
const importParameters: Record<
  KeyAlgorithm,
  webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams
> = {
  "rsa-2048": rsa,
  "p-256": p256,
};

// 2048 bits and e = 65537: the RSA key that every TLS client and Windows version accepts.
const rsaGeneration = { modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
const usages: webcrypto.KeyUsage[] = ["sign", "verify"];

/** The WebCrypto signature parameters for a key: SHA-256 with either type. */
export function signingAlgorithm(
  algorithm: KeyAlgorithm,
): webcrypto.RsaHashedImportParams | webcrypto.EcdsaParams {
  return algorithm === "rsa-2048" ? rsa : { name: "ECDSA", hash: "SHA-256" };
}

/** A new signing key pair; extractable, so the private key can be stored and put in a PKCS#12. */
export function generateKeyPair(algorithm: KeyAlgorithm): Promise<webcrypto.CryptoKeyPair> {
  return algorithm === "rsa-2048"
    ? crypto.subtle.generateKey({ ...rsa, ...rsaGeneration }, true, usages)
    : crypto.subtle.generateKey(p256, true, usages);
}

/** The private key as PKCS#8 DER. */
export async function exportPrivateKey(key: webcrypto.CryptoKey): Promise<Buffer> {
  return Buffer.from(await crypto.subtle.exportKey("pkcs8", key));
}

/** A private key back from PKCS#8 DER; extractable again, for a later PKCS#12. */
export function importPrivateKey(
  pkcs8: Uint8Array,
  algorithm: KeyAlgorithm,
): Promise<webcrypto.CryptoKey> {
  const der = new Uint8Array(pkcs8);
  return crypto.subtle.importKey("pkcs8", der, importParameters[algorithm], true, ["sign"]);
}
