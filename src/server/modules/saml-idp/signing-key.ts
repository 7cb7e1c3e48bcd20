import { exportPrivateKey, generateKeyPair, signingAlgorithm } from "../certificates/pki/keys.ts";
import { distinguishedName } from "../certificates/pki/names.ts";
import { newSerialNumber } from "../certificates/pki/serial-numbers.ts";
import { x509 } from "../certificates/pki/x509.ts";
import type { SamlIdpDeps } from "./deps.ts";
import { findSigningKey, insertSigningKeyUnlessPresent } from "./repository.ts";

/** The key the IdP signs with, and its certificate as SPs see it in the metadata. */
export interface IdpSigningKey {
  privateKeyPem: string;
  certificatePem: string;
}

/** SAML trusts the certificate in metadata, not a chain: ten years spares SPs a yearly update. */
const VALID_YEARS = 10;

function pem(label: string, der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * The IdP's RSA key and self-signed certificate, made with the CA's PKI code on first use and
 * stored sealed. Two instances starting at once insert under one unique key, and both then read
 * the one that won, so SPs never see two certificates.
 */
export async function idpSigningKey(deps: SamlIdpDeps): Promise<IdpSigningKey> {
  const existing = await findSigningKey(deps.db);
  if (existing) {
    return {
      privateKeyPem: deps.secrets.open(existing.privateKeySealed),
      certificatePem: existing.certificatePem,
    };
  }
  const now = deps.clock.now();
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(now.getUTCFullYear() + VALID_YEARS);
  // RSA: XML signatures in the eHerkenning interface are RSA-SHA256.
  const keys = await generateKeyPair("rsa-2048");
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: distinguishedName({
      commonName: "eHerkenning IdP",
      organisation: deps.supplierName.slice(0, 64),
    }),
    keys,
    signingAlgorithm: signingAlgorithm("rsa-2048"),
    serialNumber: newSerialNumber(),
    notBefore: now,
    notAfter,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  await insertSigningKeyUnlessPresent(deps.db, {
    purpose: "signing",
    privateKeySealed: deps.secrets.seal(
      pem("PRIVATE KEY", await exportPrivateKey(keys.privateKey)),
    ),
    certificatePem: certificate.toString("pem"),
    notAfter,
    createdAt: now,
  });
  const stored = await findSigningKey(deps.db);
  if (!stored) throw new Error("the IdP signing key was not stored");
  return {
    privateKeyPem: deps.secrets.open(stored.privateKeySealed),
    certificatePem: stored.certificatePem,
  };
}
