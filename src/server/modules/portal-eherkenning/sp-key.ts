import { type SamlKeyPair, storedSamlKey } from "../certificates/pki/saml-key.ts";
import type { PortalEherkenningDeps } from "./deps.ts";
import { findSpKey, insertSpKeyUnlessPresent } from "./repository.ts";

/** The portal SP's key: it signs requests and decrypts the pseudonym encrypted to it. */
export type SpKey = SamlKeyPair;

/**
 * The SP's RSA key and self-signed certificate, made on first use and stored sealed. Unsealed
 * once per process: every login needs it, and it never changes.
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

function loadOrCreate(deps: PortalEherkenningDeps): Promise<SpKey> {
  return storedSamlKey(
    {
      find: () => findSpKey(deps.db),
      insertUnlessPresent: (values) =>
        insertSpKeyUnlessPresent(deps.db, { purpose: "signing-and-encryption", ...values }),
    },
    deps.secrets,
    {
      commonName: "Klantenportaal eHerkenning SP",
      organisation: deps.organisationName,
      now: deps.clock.now(),
      encrypts: true,
    },
  );
}
