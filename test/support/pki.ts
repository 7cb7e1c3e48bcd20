// For tests only: a root, an issuing CA and an office certificate, as the tests of this folder
// share them.
import type { webcrypto } from "node:crypto";
import type { CaMaterial } from "#src/server/modules/certificates/pki/ca-material.ts";
import {
  createIssuingCa,
  createRootCa,
} from "#src/server/modules/certificates/pki/certificate-authority.ts";
import { generateKeyPair, type KeyAlgorithm } from "#src/server/modules/certificates/pki/keys.ts";
import {
  issueOfficeCertificate,
  type OfficeCertificateProfile,
} from "#src/server/modules/certificates/pki/office-certificate.ts";
import { newSerialNumber } from "#src/server/modules/certificates/pki/serial-numbers.ts";
import type { x509 } from "#src/server/modules/certificates/pki/x509.ts";

const hour = 3_600_000;
const year = 365 * 24 * hour;

/** A root and an issuing CA of one key algorithm, valid from an hour ago. */
export interface TestPki {
  root: CaMaterial;
  issuing: CaMaterial;
}

/** An office certificate with its key pair. */
export interface TestOffice {
  certificate: x509.X509Certificate;
  keys: webcrypto.CryptoKeyPair;
  profile: OfficeCertificateProfile;
}

/** A fresh root and issuing CA; everything (CAs and offices) uses `algorithm`. */
export async function createTestPki(algorithm: KeyAlgorithm): Promise<TestPki> {
  const notBefore = new Date(Date.now() - hour);
  const root = await createRootCa({
    commonName: "Poort Test Root CA",
    organisation: "Poort",
    notBefore,
    notAfter: new Date(notBefore.getTime() + 10 * year),
    algorithm,
  });
  const issuing = await createIssuingCa(root, {
    commonName: "Poort Test Kantoren CA",
    organisation: "Poort",
    notBefore,
    notAfter: new Date(notBefore.getTime() + 5 * year),
    crlUrl: "http://pki.poort.test/root.crl",
    algorithm,
  });
  return { root, issuing };
}

/** A profile with "&" and "é" in its names, as real office names have them. */
export function testOfficeProfile(): OfficeCertificateProfile {
  const notBefore = new Date(Date.now() - hour);
  return {
    officeName: "Notariskantoor Hélène de Vries & Partners",
    organisation: "De Vries & Partners Notarissen B.V.",
    debtorNumber: "101234",
    email: "kantoor@devries-notarissen.test",
    serialNumber: newSerialNumber(),
    notBefore,
    notAfter: new Date(notBefore.getTime() + year),
    crlUrl: "http://pki.poort.test/kantoren.crl",
    ocspUrl: "http://ocsp.poort.test/",
    caIssuersUrl: "http://pki.poort.test/kantoren.cer",
  };
}

/** A new office certificate from the test PKI's issuing CA. */
export async function issueTestOffice(pki: TestPki, algorithm: KeyAlgorithm): Promise<TestOffice> {
  const keys = await generateKeyPair(algorithm);
  const profile = testOfficeProfile();
  const certificate = await issueOfficeCertificate(pki.issuing, keys.publicKey, profile);
  return { certificate, keys, profile };
}

/** Where the helpers below write (test/support/openssl.ts's TempFolder; src may not import it). */
interface Folder {
  write(name: string, contents: string): Promise<string>;
}

/** Writes a certificate as PEM and returns its file name. */
export function writeCertificate(
  folder: Folder,
  name: string,
  certificate: x509.X509Certificate,
): Promise<string> {
  return folder.write(name, `${certificate.toString("pem")}\n`);
}

/** Writes root.pem, issuing.pem and chain.pem (both) for openssl. */
export async function writeCaFiles(folder: Folder, pki: TestPki): Promise<void> {
  await writeCertificate(folder, "root.pem", pki.root.certificate);
  await writeCertificate(folder, "issuing.pem", pki.issuing.certificate);
  await folder.write(
    "chain.pem",
    [pki.issuing, pki.root].map(({ certificate }) => `${certificate.toString("pem")}\n`).join(""),
  );
}
