import type { CaMaterial } from "./ca-material.ts";
import { algorithmIdentifier, bitString, integer, nullValue, sequence } from "./der.ts";
import { type KeyAlgorithm, signingAlgorithm } from "./keys.ts";

// sha256WithRSAEncryption takes NULL parameters; ecdsa-with-SHA256 none (RFC 4055, RFC 5758).
const signatureAlgorithms: Record<KeyAlgorithm, Buffer> = {
  "rsa-2048": algorithmIdentifier("1.2.840.113549.1.1.11", nullValue()),
  "p-256": algorithmIdentifier("1.2.840.10045.4.3.2"),
};

/**
 * `SEQUENCE { tbs, signatureAlgorithm, signature BIT STRING }`, the signed envelope that CRLs
 * and OCSP responses share, signed by `signer` with SHA-256.
 */
export async function signDer(signer: CaMaterial, tbs: Buffer): Promise<Buffer> {
  const signature = Buffer.from(
    await crypto.subtle.sign(
      signingAlgorithm(signer.algorithm),
      signer.privateKey,
      new Uint8Array(tbs),
    ),
  );
  return sequence(
    tbs,
    signatureAlgorithmIdentifier(signer),
    bitString(signer.algorithm === "p-256" ? ecdsaSigValue(signature) : signature),
  );
}

/** The AlgorithmIdentifier of `signer`'s signatures, which the tbs part repeats. */
export function signatureAlgorithmIdentifier(signer: CaMaterial): Buffer {
  return signatureAlgorithms[signer.algorithm];
}

// WebCrypto returns ECDSA signatures as r‖s; X.509 wants SEQUENCE { r INTEGER, s INTEGER }.
function ecdsaSigValue(raw: Buffer): Buffer {
  const half = raw.length / 2;
  return sequence(integer(raw.subarray(0, half)), integer(raw.subarray(half)));
}
