import { exportPrivateKey, generateKeyPair, signingAlgorithm } from "./keys.ts";
import { distinguishedName } from "./names.ts";
import { newSerialNumber } from "./serial-numbers.ts";
import { x509 } from "./x509.ts";

/** A SAML party's RSA key and the self-signed certificate its metadata publishes. */
export interface SamlKeyMaterial {
  privateKeyPem: string;
  certificatePem: string;
  notAfter: Date;
}

/** SAML trusts the certificate in metadata, not a chain: ten years spares partners an update. */
const VALID_YEARS = 10;

function pem(label: string, der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * A new RSA key with a self-signed certificate, for a SAML IdP or SP (RSA, since the XML
 * signatures and encryption of the eHerkenning interface are RSA-SHA256 and RSA-OAEP). The
 * certificate allows signing and, for an SP that receives encrypted identifiers, key encipherment.
 */
export async function newSamlKey(input: {
  commonName: string;
  organisation: string;
  now: Date;
  encrypts: boolean;
}): Promise<SamlKeyMaterial> {
  const notAfter = new Date(input.now);
  notAfter.setUTCFullYear(input.now.getUTCFullYear() + VALID_YEARS);
  const keys = await generateKeyPair("rsa-2048");
  const usages = input.encrypts
    ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
    : x509.KeyUsageFlags.digitalSignature;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: distinguishedName({
      commonName: input.commonName,
      organisation: input.organisation.slice(0, 64),
    }),
    keys,
    signingAlgorithm: signingAlgorithm("rsa-2048"),
    serialNumber: newSerialNumber(),
    notBefore: input.now,
    notAfter,
    extensions: [
      new x509.KeyUsagesExtension(usages, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    privateKeyPem: pem("PRIVATE KEY", await exportPrivateKey(keys.privateKey)),
    certificatePem: certificate.toString("pem"),
    notAfter,
  };
}

/** A SAML party's key in use: the private key unsealed, and the certificate its metadata shows. */
export interface SamlKeyPair {
  privateKeyPem: string;
  certificatePem: string;
}

/** Where a party keeps its one sealed key row: a table of its own module's. */
export interface SealedSamlKeyStore {
  find(): Promise<{ privateKeySealed: string; certificatePem: string } | undefined>;
  /** Inserts under a unique constant: a racing instance's second insert does nothing. */
  insertUnlessPresent(values: {
    privateKeySealed: string;
    certificatePem: string;
    notAfter: Date;
    createdAt: Date;
  }): Promise<void>;
}

/**
 * The party's key from its store, made with `newSamlKey` and stored sealed on first use. Two
 * instances starting at once insert under one unique key, and both then read the one that won,
 * so partners never see two certificates.
 */
export async function storedSamlKey(
  store: SealedSamlKeyStore,
  sealing: { seal(plain: string): string; open(sealed: string): string },
  identity: { commonName: string; organisation: string; now: Date; encrypts: boolean },
): Promise<SamlKeyPair> {
  if (!(await store.find())) {
    const made = await newSamlKey(identity);
    await store.insertUnlessPresent({
      privateKeySealed: sealing.seal(made.privateKeyPem),
      certificatePem: made.certificatePem,
      notAfter: made.notAfter,
      createdAt: identity.now,
    });
  }
  const stored = await store.find();
  if (!stored) throw new Error(`the ${identity.commonName} key was not stored`);
  return {
    privateKeyPem: sealing.open(stored.privateKeySealed),
    certificatePem: stored.certificatePem,
  };
}
