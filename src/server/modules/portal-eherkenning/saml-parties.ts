import { readFile } from "node:fs/promises";
import { HOUR } from "#src/server/platform/clock.ts";
import { fetchMetadata } from "../saml-idp/fetch-metadata.ts";
import { idpMetadataXml } from "../saml-idp/idp-metadata.ts";
import { BINDING, samlify } from "../saml-idp/saml-entities.ts";
import { type PortalEherkenningDeps, spUrls } from "./deps.ts";
import { spKey } from "./sp-key.ts";

const TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
/** How far an IdP's clock may differ from Poort's. */
const CLOCK_SKEW_MS = 60_000;
/** An external IdP's metadata is read again after this long, so a key rollover is picked up. */
const METADATA_TTL = HOUR;

/**
 * The portal as a SAML service provider (ADR 0017), as samlify sees it when it checks an IdP's
 * messages. samlify compares times with the system clock; the drift it allows is moved by the
 * difference to Poort's clock, so a clock moved ahead in development checks like a real one.
 */
export async function portalSp(deps: PortalEherkenningDeps) {
  const key = await spKey(deps);
  const urls = spUrls(deps.publicUrl);
  const offset = deps.clock.now().getTime() - Date.now();
  return samlify.ServiceProvider({
    entityID: urls.entityId,
    authnRequestsSigned: true,
    wantAssertionsSigned: true,
    wantMessageSigned: true,
    wantLogoutResponseSigned: true,
    wantLogoutRequestSigned: true,
    privateKey: key.privateKeyPem,
    signingCert: key.certificatePem,
    encPrivateKey: key.privateKeyPem,
    encryptCert: key.certificatePem,
    requestSignatureAlgorithm: samlify.Constants.algorithms.signature.RSA_SHA256,
    nameIDFormat: [TRANSIENT],
    assertionConsumerService: [{ Binding: BINDING.post, Location: urls.acs }],
    singleLogoutService: [{ Binding: BINDING.redirect, Location: urls.slo }],
    clockDrifts: [-offset - CLOCK_SKEW_MS, CLOCK_SKEW_MS - offset],
  });
}

/** The portal SP's metadata, for the IdP (or the broker) it logs in with. */
export async function spMetadataXml(deps: PortalEherkenningDeps): Promise<string> {
  return (await portalSp(deps)).getMetadata();
}

const fetched = new Map<string, { xml: string; until: number }>();

/** The trusted IdP's metadata: configured (a file, or an https URL read hourly), or Poort's own. */
async function idpMetadata(deps: PortalEherkenningDeps): Promise<string> {
  const source = deps.idpMetadataSource;
  if (!source) return idpMetadataXml(deps.ownIdp);
  if (!/^https?:\/\//.test(source)) return readFile(source, "utf8");
  const cached = fetched.get(source);
  if (cached && cached.until > Date.now()) return cached.xml;
  const xml = await fetchMetadata(source, { allowHttp: deps.allowHttpMetadata });
  fetched.set(source, { xml, until: Date.now() + METADATA_TTL });
  return xml;
}

export interface TrustedIdp {
  entity: ReturnType<typeof samlify.IdentityProvider>;
  entityId: string;
  /** Where AuthnRequests and LogoutRequests go, by the Redirect binding. */
  ssoUrl: string;
  sloUrl: string | undefined;
}

/**
 * The IdP the portal trusts, from its metadata. Metadata that cannot be read, or has no
 * Redirect sign-on endpoint, is the operator's mistake: the login fails, and the log says why.
 */
export async function trustedIdp(deps: PortalEherkenningDeps): Promise<TrustedIdp> {
  const entity = samlify.IdentityProvider({ metadata: await idpMetadata(deps) });
  // samlify names bindings here by their short names.
  const endpoint = (found: string | object) => (typeof found === "string" ? found : undefined);
  const ssoUrl = endpoint(entity.entityMeta.getSingleSignOnService("redirect"));
  if (!ssoUrl) throw new Error("the trusted IdP's metadata has no HTTP-Redirect sign-on endpoint");
  return {
    entity,
    entityId: entity.entityMeta.getEntityID(),
    ssoUrl,
    sloUrl: endpoint(entity.entityMeta.getSingleLogoutService("redirect")),
  };
}
