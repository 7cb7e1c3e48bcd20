import { createSign, randomUUID } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { type Level, levelFacts } from "#src/contracts/eherkenning/levels.ts";
import { samlify } from "../saml-idp/saml-entities.ts";
import { escapeXml } from "../service-catalogue/xml-document.ts";

const PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
const POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
const TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
const RSA_SHA256 = samlify.Constants.algorithms.signature.RSA_SHA256;

/** A SAML message id: must start with a letter (xsd:ID), unguessable. */
export const newMessageId = () => `_${randomUUID()}`;

/**
 * The message as a signed HTTP-Redirect URL: deflated, base64, and signed over
 * `SAMLRequest=…&RelayState=…&SigAlg=…` exactly as they appear in the query (RSA-SHA256).
 */
function signedRedirect(
  destination: string,
  xml: string,
  privateKeyPem: string,
  relayState?: string,
): string {
  const message = encodeURIComponent(deflateRawSync(Buffer.from(xml, "utf8")).toString("base64"));
  const octets = [
    `SAMLRequest=${message}`,
    ...(relayState ? [`RelayState=${encodeURIComponent(relayState)}`] : []),
    `SigAlg=${encodeURIComponent(RSA_SHA256)}`,
  ].join("&");
  const signature = createSign("RSA-SHA256").update(octets).sign(privateKeyPem, "base64");
  const separator = destination.includes("?") ? "&" : "?";
  return `${destination}${separator}${octets}&Signature=${encodeURIComponent(signature)}`;
}

export interface AuthnRequestFacts {
  id: string;
  issuedAt: Date;
  issuer: string;
  destination: string;
  acsUrl: string;
  /** The office's portal service in the catalogue: its AttributeConsumingServiceIndex. */
  serviceIndex: number;
  level: Level;
}

/**
 * The AuthnRequest as eHerkenning wants it: a fresh login (ForceAuthn), never passive, the
 * Response by POST to the ACS, the service by its index, and the office's level as the minimum.
 * Written out rather than from samlify's template, which has no place for the service index or
 * the requested level, and whose IssueInstant would not follow Poort's clock.
 */
export function authnRequestUrl(facts: AuthnRequestFacts, privateKeyPem: string): string {
  const xml = [
    `<samlp:AuthnRequest xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${facts.id}" Version="2.0" IssueInstant="${facts.issuedAt.toISOString()}" Destination="${escapeXml(facts.destination)}" ForceAuthn="true" IsPassive="false" ProtocolBinding="${POST_BINDING}" AssertionConsumerServiceURL="${escapeXml(facts.acsUrl)}" AttributeConsumingServiceIndex="${facts.serviceIndex}">`,
    `<saml:Issuer>${escapeXml(facts.issuer)}</saml:Issuer>`,
    `<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>${levelFacts[facts.level].urn}</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>`,
    "</samlp:AuthnRequest>",
  ].join("");
  return signedRedirect(facts.destination, xml, privateKeyPem);
}

export interface LogoutRequestFacts {
  id: string;
  issuedAt: Date;
  issuer: string;
  destination: string;
  nameId: string;
  sessionIndex: string | null;
}

/** SP-initiated single logout: the NameID and SessionIndex of the assertion the login got. */
export function logoutRequestUrl(facts: LogoutRequestFacts, privateKeyPem: string): string {
  const xml = [
    `<samlp:LogoutRequest xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${facts.id}" Version="2.0" IssueInstant="${facts.issuedAt.toISOString()}" Destination="${escapeXml(facts.destination)}">`,
    `<saml:Issuer>${escapeXml(facts.issuer)}</saml:Issuer>`,
    `<saml:NameID Format="${TRANSIENT}">${escapeXml(facts.nameId)}</saml:NameID>`,
    facts.sessionIndex
      ? `<samlp:SessionIndex>${escapeXml(facts.sessionIndex)}</samlp:SessionIndex>`
      : "",
    "</samlp:LogoutRequest>",
  ].join("");
  return signedRedirect(facts.destination, xml, privateKeyPem);
}
