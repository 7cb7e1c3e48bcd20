import type { CaMaterial } from "./ca-material.ts";
import { generateKeyPair, type KeyAlgorithm, signingAlgorithm } from "./keys.ts";
import { distinguishedName } from "./names.ts";
import { newSerialNumber } from "./serial-numbers.ts";
import { assertValidity, signCertificate } from "./sign-certificate.ts";
import { x509 } from "./x509.ts";

/** What a CA certificate is made from; the key pair is generated. */
export interface CaOptions {
  commonName: string;
  organisation: string;
  notBefore: Date;
  notAfter: Date;
  /** Defaults to P-256: small, fast signatures on CRLs and OCSP responses. */
  algorithm?: KeyAlgorithm;
}

const caKeyUsage = () =>
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true);

/** A self-signed root CA: CA critical without a path length, keyCertSign and cRLSign. */
export async function createRootCa(options: CaOptions): Promise<CaMaterial> {
  assertValidity(options);
  const algorithm = options.algorithm ?? "p-256";
  const keys = await generateKeyPair(algorithm);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: distinguishedName(options),
    keys,
    signingAlgorithm: signingAlgorithm(algorithm),
    serialNumber: newSerialNumber(),
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    // A self-signed certificate needs no authority key identifier (RFC 5280, 4.2.1.1).
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      caKeyUsage(),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, privateKey: keys.privateKey, algorithm };
}

/**
 * The issuing CA under `root`: path length 0 (it signs end-entity certificates only), and the
 * root's CRL as its distribution point, so a revoked issuing CA can be seen as such.
 */
export async function createIssuingCa(
  root: CaMaterial,
  options: CaOptions & { crlUrl: string },
): Promise<CaMaterial> {
  const algorithm = options.algorithm ?? "p-256";
  const keys = await generateKeyPair(algorithm);
  const certificate = await signCertificate(root, {
    subject: distinguishedName(options),
    publicKey: keys.publicKey,
    serialNumber: newSerialNumber(),
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      caKeyUsage(),
      new x509.CRLDistributionPointsExtension([options.crlUrl]),
    ],
  });
  return { certificate, privateKey: keys.privateKey, algorithm };
}
