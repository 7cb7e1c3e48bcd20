import type { webcrypto } from "node:crypto";
import type { CaMaterial } from "./ca-material.ts";
import { distinguishedName } from "./names.ts";
import { signCertificate } from "./sign-certificate.ts";
import { x509 } from "./x509.ts";

/** What an office's TLS client certificate says about the office. */
export interface OfficeCertificateProfile {
  /** Subject CN (UTF8String), e.g. "Notariskantoor De Vries & Partners"; at most 64 characters. */
  officeName: string;
  /** Subject O (UTF8String): the office's name too, or its legal name. */
  organisation: string;
  /** Subject serialNumber (PrintableString): the office's debtor number, e.g. "101234". */
  debtorNumber: string;
  /** subjectAltName rfc822Name: the address the office is reached at about its certificate. */
  email: string;
  /** Hex, from `newSerialNumber()`. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** The issuing CA's CRL. */
  crlUrl: string;
  /** The OCSP responder of the issuing CA. */
  ocspUrl: string;
  /** Where the issuing CA's certificate can be fetched (AIA caIssuers), if published. */
  caIssuersUrl?: string;
}

/**
 * An office's TLS client certificate: digitalSignature (critical) for TLS client authentication
 * and nothing else, no CA, revocation by CRL and OCSP, and the office's mail address.
 */
export async function issueOfficeCertificate(
  issuer: CaMaterial,
  subjectPublicKey: webcrypto.CryptoKey,
  profile: OfficeCertificateProfile,
): Promise<x509.X509Certificate> {
  return signCertificate(issuer, {
    subject: distinguishedName({
      commonName: profile.officeName,
      organisation: profile.organisation,
      serialNumber: profile.debtorNumber,
    }),
    publicKey: subjectPublicKey,
    serialNumber: profile.serialNumber,
    notBefore: profile.notBefore,
    notAfter: profile.notAfter,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: "email", value: profile.email }]),
      new x509.CRLDistributionPointsExtension([profile.crlUrl]),
      new x509.AuthorityInfoAccessExtension({
        ocsp: [profile.ocspUrl],
        ...(profile.caIssuersUrl ? { caIssuers: [profile.caIssuersUrl] } : {}),
      }),
    ],
  });
}
