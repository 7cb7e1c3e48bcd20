import { newSamlKey } from "../certificates/pki/saml-key.ts";
import type { SamlIdpDeps } from "./deps.ts";
import { findSigningKey, insertSigningKeyUnlessPresent } from "./repository.ts";

/** The key the IdP signs with, and its certificate as SPs see it in the metadata. */
export interface IdpSigningKey {
  privateKeyPem: string;
  certificatePem: string;
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
  const made = await newSamlKey({
    commonName: "eHerkenning IdP",
    organisation: deps.supplierName,
    now,
    encrypts: false,
  });
  await insertSigningKeyUnlessPresent(deps.db, {
    purpose: "signing",
    privateKeySealed: deps.secrets.seal(made.privateKeyPem),
    certificatePem: made.certificatePem,
    notAfter: made.notAfter,
    createdAt: now,
  });
  const stored = await findSigningKey(deps.db);
  if (!stored) throw new Error("the IdP signing key was not stored");
  return {
    privateKeyPem: deps.secrets.open(stored.privateKeySealed),
    certificatePem: stored.certificatePem,
  };
}
