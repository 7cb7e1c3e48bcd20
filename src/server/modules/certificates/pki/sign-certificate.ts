import type { webcrypto } from "node:crypto";
import type { CaMaterial } from "./ca-material.ts";
import { authorityKeyIdentifier } from "./key-identifiers.ts";
import { signingAlgorithm } from "./keys.ts";
import { x509 } from "./x509.ts";

/** What a certificate says, apart from its issuer and the key identifiers. */
export interface CertificateContents {
  subject: x509.Name;
  publicKey: webcrypto.CryptoKey;
  /** Hex; see `newSerialNumber`. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** The profile's own extensions; the key identifiers are added here. */
  extensions: x509.Extension[];
}

/**
 * A certificate signed by `issuer`, with the subject and authority key identifiers that tie
 * every certificate to its key and its issuer's key (path building relies on them).
 */
export async function signCertificate(
  issuer: CaMaterial,
  contents: CertificateContents,
): Promise<x509.X509Certificate> {
  assertValidity(contents);
  return x509.X509CertificateGenerator.create({
    subject: contents.subject,
    // The issuer's subject exactly as encoded in its certificate: chains match names bytewise.
    issuer: issuer.certificate.subjectName,
    publicKey: contents.publicKey,
    signingKey: issuer.privateKey,
    signingAlgorithm: signingAlgorithm(issuer.algorithm),
    serialNumber: contents.serialNumber,
    notBefore: contents.notBefore,
    notAfter: contents.notAfter,
    extensions: [
      ...contents.extensions,
      await x509.SubjectKeyIdentifierExtension.create(contents.publicKey),
      authorityKeyIdentifier(issuer.certificate),
    ],
  });
}

/** Refuses a period that ends before it starts, which the libraries would happily sign. */
export function assertValidity({ notBefore, notAfter }: { notBefore: Date; notAfter: Date }) {
  if (!(notAfter > notBefore)) {
    throw new RangeError(`notAfter (${notAfter.toISOString()}) must follow notBefore`);
  }
}
