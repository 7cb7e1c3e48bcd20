import { promisify } from "node:util";
import { DOMParser } from "@xmldom/xmldom";
import xmlenc from "xml-encryption";
import { type Level, levelOfUrn } from "#src/contracts/eherkenning/levels.ts";

const decrypt = promisify(xmlenc.decrypt);

/**
 * Who logged in, as the portal needs it, whatever protocol brought it (EHERKENNING.md: one
 * "company identity", so that an OIDC adapter could sit beside SAML): the IdP that vouches,
 * the person as a pseudonym, the company, the level reached, and the handles of single logout.
 */
export interface CompanyIdentity {
  issuer: string;
  /** The acting person: a pseudonym, stable per person and service provider. */
  actingSubject: string;
  kvkNumber: string;
  branchNumber: string | null;
  level: Level;
  /** The assertion's Subject NameID and SessionIndex, which a LogoutRequest names. */
  nameId: string;
  sessionIndex: string | null;
}

const ATTRIBUTE = {
  legalSubject: "urn:etoegang:core:LegalSubjectID",
  actingSubject: "urn:etoegang:core:ActingSubjectID",
  branch: "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr",
  /** Before 1.13 the KvK number was an attribute of its own; older brokers still send it. */
  legacyKvk: "urn:etoegang:1.9:EntityConcernedID:KvKnr",
} as const;
const KVK_QUALIFIER = "urn:etoegang:1.9:EntityConcernedID:KvKnr";

/** What the checks of a Response need from its (verified) Assertion, besides the identity. */
export interface AssertionFacts {
  identity: Omit<CompanyIdentity, "actingSubject"> & { actingSubjectXml: string };
  audiences: string[];
  recipient: string | null;
  inResponseTo: string | null;
}

const byLocalName = (parent: Element, name: string): Element[] =>
  Array.from(parent.getElementsByTagNameNS("*", name));
const textOf = (element: Element | undefined) => element?.textContent?.trim() ?? "";

/**
 * Reads the Assertion samlify verified: the Subject, the audiences, the AuthnContext and the
 * eHerkenning attributes. Returns undefined when something the portal cannot do without is
 * missing: a known level, the KvK number, the acting subject.
 */
export function readAssertion(assertionXml: string): AssertionFacts | undefined {
  const document = new DOMParser().parseFromString(assertionXml, "text/xml");
  const assertion = document.documentElement;
  if (assertion?.localName !== "Assertion") return undefined;
  const issuer = textOf(byLocalName(assertion, "Issuer")[0]);
  const subject = byLocalName(assertion, "Subject")[0];
  const nameId = subject ? textOf(byLocalName(subject, "NameID")[0]) : "";
  const confirmation = subject && byLocalName(subject, "SubjectConfirmationData")[0];
  const statement = byLocalName(assertion, "AuthnStatement")[0];
  const level = levelOfUrn(textOf(byLocalName(assertion, "AuthnContextClassRef")[0]));

  const values = (name: string) =>
    byLocalName(assertion, "Attribute")
      .filter((attribute) => attribute.getAttribute("Name") === name)
      .flatMap((attribute) => byLocalName(attribute, "AttributeValue"));
  const kvkNumber =
    values(ATTRIBUTE.legalSubject)
      .flatMap((value) => byLocalName(value, "NameID"))
      .filter((id) => id.getAttribute("NameQualifier") === KVK_QUALIFIER)
      .map(textOf)[0] ?? textOf(values(ATTRIBUTE.legacyKvk)[0]);
  const acting = values(ATTRIBUTE.actingSubject)[0];
  const actingSubjectXml = acting?.firstChild ? childXml(acting) : null;
  const branch = textOf(values(ATTRIBUTE.branch)[0]);

  if (!issuer || !nameId || !level || !/^\d{8}$/.test(kvkNumber) || !actingSubjectXml) {
    return undefined;
  }
  return {
    identity: {
      issuer,
      actingSubjectXml,
      kvkNumber,
      branchNumber: /^\d{12}$/.test(branch) ? branch : null,
      level,
      nameId,
      sessionIndex: statement?.getAttribute("SessionIndex") || null,
    },
    audiences: byLocalName(assertion, "Audience").map(textOf),
    recipient: confirmation?.getAttribute("Recipient") || null,
    inResponseTo: confirmation?.getAttribute("InResponseTo") || null,
  };
}

/** The element children of an AttributeValue, serialised: a NameID or an EncryptedID. */
function childXml(value: Element): string {
  return Array.from(value.childNodes)
    .map((node) => String(node))
    .join("")
    .trim();
}

/**
 * The pseudonym in the ActingSubjectID: an EncryptedID decrypted with the SP's key (the
 * framework encrypts identifying attributes to the SP), or a plain NameID from an IdP that does
 * not encrypt. Undefined when it cannot be read.
 */
export async function readActingSubject(
  actingSubjectXml: string,
  privateKeyPem: string,
): Promise<string | undefined> {
  const document = new DOMParser().parseFromString(
    `<wrap xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${actingSubjectXml}</wrap>`,
    "text/xml",
  );
  const wrap = document.documentElement;
  if (!wrap) return undefined;
  const encrypted = byLocalName(wrap, "EncryptedData")[0];
  let nameIdXml: string;
  if (encrypted) {
    try {
      nameIdXml = await decrypt(encrypted.toString(), {
        key: privateKeyPem,
        disallowDecryptionWithInsecureAlgorithm: true,
      });
    } catch {
      return undefined;
    }
  } else {
    nameIdXml = actingSubjectXml;
  }
  const nameId = new DOMParser().parseFromString(nameIdXml, "text/xml").documentElement;
  const value = nameId?.localName === "NameID" ? textOf(nameId) : "";
  return value || undefined;
}
