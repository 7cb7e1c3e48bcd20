import type { SamlIdpDeps } from "./deps.ts";
import { idpEntity } from "./saml-entities.ts";
import { idpSigningKey } from "./signing-key.ts";

/** The IdP's metadata: entity id, signing certificate, SSO (Redirect, POST) and SLO endpoints. */
export async function idpMetadataXml(deps: SamlIdpDeps): Promise<string> {
  return idpEntity(deps.publicUrl, await idpSigningKey(deps)).getMetadata();
}
