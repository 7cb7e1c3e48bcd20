import { newSamlKey } from "../certificates/pki/saml-key.ts";
import type { PortalEherkenningDeps } from "./deps.ts";
import { findSpKey, insertSpKeyUnlessPresent } from "./repository.ts";

/** The portal SP's key: it signs requests and decrypts the pseudonym encrypted to it. */
export interface SpKey {
  privateKeyPem: string;
  certificatePem: string;
}

/**
 * The SP's RSA key and self-signed certificate, made on first use and stored sealed; two
 * instances starting at once both end up with the one row that won. Unsealed once per process:
 * every login needs it, and it never changes.
 */
const opened = new WeakMap<object, Promise<SpKey>>();

export function spKey(deps: PortalEherkenningDeps): Promise<SpKey> {
  let key = opened.get(deps.db);
  if (!key) {
    key = loadOrCreate(deps);
    key.catch(() => opened.delete(deps.db));
    opened.set(deps.db, key);
  }
  return key;
}

async function loadOrCreate(deps: PortalEherkenningDeps): Promise<SpKey> {
  if (!(await findSpKey(deps.db))) {
    const now = deps.clock.now();
    const made = await newSamlKey({
      commonName: "Klantenportaal eHerkenning SP",
      organisation: deps.organisationName,
      now,
      encrypts: true,
    });
    await insertSpKeyUnlessPresent(deps.db, {
      purpose: "signing-and-encryption",
      privateKeySealed: deps.secrets.seal(made.privateKeyPem),
      certificatePem: made.certificatePem,
      notAfter: made.notAfter,
      createdAt: now,
    });
  }
  const stored = await findSpKey(deps.db);
  if (!stored) throw new Error("the portal SP key was not stored");
  return {
    privateKeyPem: deps.secrets.open(stored.privateKeySealed),
    certificatePem: stored.certificatePem,
  };
}
