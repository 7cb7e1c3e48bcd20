import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";
import type { SecretBox } from "#src/server/platform/security/secret-box.ts";
import type { SamlIdpDeps } from "../saml-idp/deps.ts";
import { samlIdpDeps } from "../saml-idp/deps.ts";
import type { CatalogueDeps } from "../service-catalogue/deps.ts";
import { catalogueDeps } from "../service-catalogue/deps.ts";

/** What the client portal's SAML service provider needs (ADR 0017). */
export interface PortalEherkenningDeps {
  db: Database;
  clock: Clock;
  /** Seals the SP's key and fingerprints the browser and approval tokens. */
  secrets: SecretBox;
  mailer: Mailer;
  /** The SP's entity id and endpoints are under this address. */
  publicUrl: string;
  /** The name in the SP's certificate. */
  organisationName: string;
  /**
   * The IdP to trust: a path or https URL of its metadata (a herkenningsmakelaar's), or none for
   * Poort's own IdP, whose metadata is read in-process and to which the portal registers itself.
   */
  idpMetadataSource: string | undefined;
  /** The metadata URL may be plain http: in development only. */
  allowHttpMetadata: boolean;
  ownIdp: SamlIdpDeps;
  catalogue: CatalogueDeps;
}

export function portalEherkenningDeps(
  services: Parameters<typeof samlIdpDeps>[0] &
    Parameters<typeof catalogueDeps>[0] & {
      mailer: Mailer;
      config: { eherkenning: { portalIdpMetadata: string | undefined } };
    },
): PortalEherkenningDeps {
  const ownIdp = samlIdpDeps(services);
  return {
    db: services.database.db,
    clock: services.clock,
    secrets: services.secrets,
    mailer: services.mailer,
    publicUrl: services.config.publicUrl,
    organisationName: services.config.organisation.name,
    idpMetadataSource: services.config.eherkenning.portalIdpMetadata,
    allowHttpMetadata: ownIdp.allowHttpMetadata,
    ownIdp,
    catalogue: catalogueDeps(services),
  };
}

/** The portal SP's stable addresses: its entity id is its metadata's URL, as SAML recommends. */
export function spUrls(publicUrl: string) {
  const base = `${publicUrl}/portal/saml`;
  return {
    entityId: `${base}/metadata`,
    metadata: `${base}/metadata`,
    login: `${base}/login`,
    acs: `${base}/acs`,
    logout: `${base}/logout`,
    slo: `${base}/slo`,
    /** The web pages the SAML endpoints send the browser on to. */
    loginPage: `${publicUrl}/portal/login`,
    linkPage: `${publicUrl}/portal/eherkenning/koppelen`,
    approvalPage: (token: string) => `${publicUrl}/portal/eherkenning/goedkeuren/${token}`,
    home: `${publicUrl}/portal/`,
  };
}
