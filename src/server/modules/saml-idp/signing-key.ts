import { type SamlKeyPair, storedSamlKey } from "../certificates/pki/saml-key.ts";
import type { SamlIdpDeps } from "./deps.ts";
import { findSigningKey, insertSigningKeyUnlessPresent } from "./repository.ts";

/** The key the IdP signs with, and its certificate as SPs see it in the metadata. */
export type IdpSigningKey = SamlKeyPair;

/** The IdP's RSA key and self-signed certificate, made on first use and stored sealed. */
export function idpSigningKey(deps: SamlIdpDeps): Promise<IdpSigningKey> {
  return storedSamlKey(
    {
      find: () => findSigningKey(deps.db),
      insertUnlessPresent: (values) =>
        insertSigningKeyUnlessPresent(deps.db, { purpose: "signing", ...values }),
    },
    deps.secrets,
    {
      commonName: "eHerkenning IdP",
      organisation: deps.supplierName,
      now: deps.clock.now(),
      encrypts: false,
    },
  );
}
