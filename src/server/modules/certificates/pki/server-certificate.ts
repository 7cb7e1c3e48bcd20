import type { webcrypto } from "node:crypto";
import { isIP } from "node:net";
import type { CaMaterial } from "./ca-material.ts";
import { signCertificate } from "./sign-certificate.ts";
import { x509 } from "./x509.ts";

/** Where Poort's own mTLS listener is reached, and the certificate's serial and period. */
export interface ServerCertificateOptions {
  /** DNS names and IP addresses, e.g. ["poort.example.nl", "localhost", "127.0.0.1", "::1"]. */
  hostnames: string[];
  /** Hex, from `newSerialNumber()`. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
}

/**
 * A TLS server certificate for Poort's mTLS listener. Clients check the subjectAltName only
 * (RFC 6125), so IP addresses go in as iPAddress and the rest as dNSName; the CN repeats the
 * first name for people reading it.
 */
export async function issueServerCertificate(
  issuer: CaMaterial,
  subjectPublicKey: webcrypto.CryptoKey,
  options: ServerCertificateOptions,
): Promise<x509.X509Certificate> {
  const [first] = options.hostnames;
  if (first === undefined) throw new RangeError("a server certificate needs a hostname");
  return signCertificate(issuer, {
    subject: new x509.Name([{ "2.5.4.3": [{ utf8String: first }] }]),
    publicKey: subjectPublicKey,
    serialNumber: options.serialNumber,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        options.hostnames.map((name) => ({
          type: isIP(name) ? ("ip" as const) : ("dns" as const),
          value: name,
        })),
      ),
    ],
  });
}
