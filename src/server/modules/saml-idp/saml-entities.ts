import * as xmllint from "@authenio/samlify-node-xmllint";
import * as samlifyNamespace from "samlify";
import { idpUrls } from "./deps.ts";
import type { ServiceProviderRow } from "./repository.ts";
import type { IdpSigningKey } from "./signing-key.ts";

// samlify is CommonJS: Node's ESM loader finds only some of its exports by name (not `SamlLib`,
// an accessor), while the module's default is all of them.
const samlify = samlifyNamespace.default;

// Every message samlify parses is first validated against the SAML schemas (xmllint compiled to
// WebAssembly, no Java): a message that is not valid SAML never reaches the signature checks,
// which closes the door on signature-wrapping tricks with odd element placement.
samlify.setSchemaValidator(xmllint);

export const BINDING = {
  redirect: samlify.Constants.namespace.binding.redirect,
  post: samlify.Constants.namespace.binding.post,
} as const;

export const PERSISTENT_NAME_ID = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

/** An endpoint of an SP as stored: `acs_endpoints` and `slo_endpoints` hold lists of these. */
export interface SpEndpoint {
  binding: string;
  url: string;
}

export function parseEndpoints(json: string): SpEndpoint[] {
  return JSON.parse(json) as SpEndpoint[];
}

/**
 * The IdP as samlify sees it. `wantAuthnRequestsSigned` is set per SP when parsing its request
 * (samlify checks a request's signature when the IdP "wants" it), so an SP whose metadata says
 * it signs cannot have an unsigned request accepted, while the published metadata does not ask
 * SPs that do not sign.
 */
export function idpEntity(publicUrl: string, key: IdpSigningKey, wantAuthnRequestsSigned = false) {
  const urls = idpUrls(publicUrl);
  return samlify.IdentityProvider({
    entityID: urls.entityId,
    privateKey: key.privateKeyPem,
    signingCert: key.certificatePem,
    wantAuthnRequestsSigned,
    requestSignatureAlgorithm: samlify.Constants.algorithms.signature.RSA_SHA256,
    nameIDFormat: [PERSISTENT_NAME_ID],
    singleSignOnService: [
      { Binding: BINDING.redirect, Location: urls.sso },
      { Binding: BINDING.post, Location: urls.sso },
    ],
    singleLogoutService: [
      { Binding: BINDING.redirect, Location: urls.slo },
      { Binding: BINDING.post, Location: urls.slo },
    ],
  });
}

/**
 * A registered SP as samlify sees it, built from the stored fields rather than its metadata, so
 * that Poort decides what is signed: always the Assertion and the Response, whatever the SP's
 * metadata says about WantAssertionsSigned.
 */
export function spEntity(sp: ServiceProviderRow) {
  return samlify.ServiceProvider({
    entityID: sp.entityId,
    authnRequestsSigned: sp.authnRequestsSigned,
    wantAssertionsSigned: true,
    wantMessageSigned: true,
    ...(sp.signingCertificate ? { signingCert: sp.signingCertificate } : {}),
    ...(sp.encryptionCertificate ? { encryptCert: sp.encryptionCertificate } : {}),
    assertionConsumerService: parseEndpoints(sp.acsEndpoints).map((endpoint) => ({
      Binding: endpoint.binding,
      Location: endpoint.url,
    })),
    singleLogoutService: parseEndpoints(sp.sloEndpoints).map((endpoint) => ({
      Binding: endpoint.binding,
      Location: endpoint.url,
    })),
  });
}

/** What Poort keeps of an SP's metadata. Throws when it is not SP metadata samlify can read. */
export function readSpMetadata(xml: string) {
  // samlify reads (and schema-checks nothing of) metadata through an SP entity built from it.
  const meta = samlify.ServiceProvider({ metadata: xml }).entityMeta;
  // samlify's endpoint getters lose a lone endpoint, so the endpoints are read with its extractor.
  const endpoints = (element: string): SpEndpoint[] => {
    const found = samlify.Extractor.extract(xml, [
      {
        key: "endpoints",
        localPath: ["EntityDescriptor", "SPSSODescriptor", element],
        attributes: ["Binding", "Location"],
      },
    ]).endpoints;
    const list = Array.isArray(found) ? found : found ? [found] : [];
    return list.flatMap((entry) =>
      typeof entry === "object" && entry !== null && "binding" in entry && "location" in entry
        ? [{ binding: String(entry.binding), url: String(entry.location) }]
        : [],
    );
  };
  const certificate = (use: "signing" | "encryption") => {
    const found = meta.getX509Certificate(use);
    const first = Array.isArray(found) ? found[0] : found;
    return first ? first.replace(/\s+/g, "") : null;
  };
  return {
    entityId: meta.getEntityID(),
    acsEndpoints: endpoints("AssertionConsumerService"),
    sloEndpoints: endpoints("SingleLogoutService"),
    signingCertificate: certificate("signing"),
    encryptionCertificate: certificate("encryption"),
    authnRequestsSigned: meta.isAuthnRequestSigned(),
  };
}

export { samlify };
