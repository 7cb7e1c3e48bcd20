import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { SecretBox } from "#src/server/platform/security/secret-box.ts";

/** What the SAML identity provider needs from the platform. */
export interface SamlIdpDeps {
  db: Database;
  clock: Clock;
  /** Seals the signing key at rest and keys the pseudonyms. */
  secrets: SecretBox;
  /** The IdP's entity id and endpoints are under this address. */
  publicUrl: string;
  /** The name in the signing certificate. */
  supplierName: string;
  /** SP metadata may be fetched over plain http: in development only, for a local SP. */
  allowHttpMetadata: boolean;
}

export function samlIdpDeps(services: {
  database: { db: Database };
  clock: Clock;
  secrets: SecretBox;
  config: {
    env: "development" | "production" | "test";
    publicUrl: string;
    eherkenning: { supplierName: string };
  };
}): SamlIdpDeps {
  return {
    db: services.database.db,
    clock: services.clock,
    secrets: services.secrets,
    publicUrl: services.config.publicUrl,
    supplierName: services.config.eherkenning.supplierName,
    allowHttpMetadata: services.config.env === "development",
  };
}

/** The IdP's stable addresses: its entity id is the metadata's URL, as SAML recommends. */
export function idpUrls(publicUrl: string) {
  const base = `${publicUrl}/eherkenning/idp`;
  return {
    entityId: `${base}/metadata`,
    metadata: `${base}/metadata`,
    sso: `${base}/sso`,
    slo: `${base}/slo`,
    loginPage: `${base}/inloggen`,
    postPage: `${base}/doorsturen`,
  };
}
