import { X509Certificate } from "node:crypto";
import { promisify } from "node:util";
import xmlenc from "xml-encryption";
import { escapeXml } from "../service-catalogue/xml-document.ts";

const encrypt = promisify(xmlenc.encrypt);

/** The names of the eHerkenning 1.13 attributes (shared/EHERKENNING.md). */
export const ATTRIBUTE = {
  serviceId: "urn:etoegang:core:ServiceID",
  serviceUuid: "urn:etoegang:core:ServiceUUID",
  legalSubjectId: "urn:etoegang:core:LegalSubjectID",
  actingSubjectId: "urn:etoegang:core:ActingSubjectID",
  branchNumber: "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr",
} as const;

export const QUALIFIER = {
  kvk: "urn:etoegang:1.9:EntityConcernedID:KvKnr",
  rsin: "urn:etoegang:1.9:EntityConcernedID:RSIN",
} as const;

const BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
const TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
const PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

export interface AssertionFacts {
  responseId: string;
  assertionId: string;
  issuer: string;
  audience: string;
  acsUrl: string;
  inResponseTo: string;
  issuedAt: Date;
  notOnOrAfter: Date;
  /** An opaque id per login: the Subject's NameID and the handle for single logout. */
  transientNameId: string;
  sessionIndex: string;
  loaUrn: string;
  serviceId: string;
  serviceUuid: string;
  kvkNumber: string;
  rsin: string | null;
  branchNumber: string | null;
  /** The acting person's pseudonym for this SP. */
  pseudonym: string;
  /** Base64 DER of the SP's encryption certificate; the pseudonym is encrypted to it. */
  encryptionCertificate: string | null;
}

function attribute(name: string, valueXml: string): string {
  return `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${valueXml}</saml:AttributeValue></saml:Attribute>`;
}

const text = (value: string) => escapeXml(value);

function certificatePem(base64Der: string): string {
  const lines = base64Der.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

/**
 * The acting subject: the pseudonym as a NameID, inside an EncryptedID to the SP's encryption
 * certificate when it has one (AES-256-GCM under RSA-OAEP), so that only that SP can read it —
 * the trust framework's rule for identifying attributes. Without a certificate it goes plain.
 */
async function actingSubject(facts: AssertionFacts): Promise<string> {
  const nameId = `<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" Format="${PERSISTENT}" SPNameQualifier="${text(facts.audience)}">${text(facts.pseudonym)}</saml:NameID>`;
  if (!facts.encryptionCertificate) return nameId;
  const pem = certificatePem(facts.encryptionCertificate);
  const publicKey = new X509Certificate(pem).publicKey.export({ type: "spki", format: "pem" });
  const encrypted = await encrypt(nameId, {
    rsa_pub: publicKey,
    pem,
    encryptionAlgorithm: "http://www.w3.org/2009/xmlenc11#aes256-gcm",
    keyEncryptionAlgorithm: "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
    disallowEncryptionWithInsecureAlgorithm: true,
  });
  return `<saml:EncryptedID>${encrypted}</saml:EncryptedID>`;
}

/**
 * The unsigned Response with its Assertion, as samlify then signs it (the Assertion first, then
 * the Response, RSA-SHA256 with exclusive c14n). Written out rather than taken from samlify's
 * template, whose attributes hold only text, while the eHerkenning attributes hold NameIDs.
 */
export async function responseXml(facts: AssertionFacts): Promise<string> {
  const issued = facts.issuedAt.toISOString();
  const until = facts.notOnOrAfter.toISOString();
  const attributes = [
    attribute(ATTRIBUTE.serviceId, text(facts.serviceId)),
    attribute(ATTRIBUTE.serviceUuid, text(facts.serviceUuid)),
    attribute(
      ATTRIBUTE.legalSubjectId,
      `<saml:NameID NameQualifier="${QUALIFIER.kvk}">${text(facts.kvkNumber)}</saml:NameID>`,
    ),
    ...(facts.rsin
      ? [
          attribute(
            ATTRIBUTE.legalSubjectId,
            `<saml:NameID NameQualifier="${QUALIFIER.rsin}">${text(facts.rsin)}</saml:NameID>`,
          ),
        ]
      : []),
    attribute(ATTRIBUTE.actingSubjectId, await actingSubject(facts)),
    ...(facts.branchNumber ? [attribute(ATTRIBUTE.branchNumber, text(facts.branchNumber))] : []),
  ];
  return [
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${facts.responseId}" Version="2.0" IssueInstant="${issued}" Destination="${text(facts.acsUrl)}" InResponseTo="${text(facts.inResponseTo)}">`,
    `<saml:Issuer>${text(facts.issuer)}</saml:Issuer>`,
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>`,
    `<saml:Assertion ID="${facts.assertionId}" Version="2.0" IssueInstant="${issued}">`,
    `<saml:Issuer>${text(facts.issuer)}</saml:Issuer>`,
    "<saml:Subject>",
    `<saml:NameID Format="${TRANSIENT}">${text(facts.transientNameId)}</saml:NameID>`,
    `<saml:SubjectConfirmation Method="${BEARER}"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${text(facts.acsUrl)}" InResponseTo="${text(facts.inResponseTo)}"/></saml:SubjectConfirmation>`,
    "</saml:Subject>",
    `<saml:Conditions NotBefore="${issued}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${text(facts.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>`,
    `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${text(facts.sessionIndex)}"><saml:AuthnContext><saml:AuthnContextClassRef>${text(facts.loaUrn)}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
    `<saml:AttributeStatement>${attributes.join("")}</saml:AttributeStatement>`,
    "</saml:Assertion>",
    "</samlp:Response>",
  ].join("");
}
