import { createHash } from "node:crypto";
import { levelFacts } from "#src/contracts/eherkenning/levels.ts";
import { AppError } from "#src/server/errors.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { serviceIdOfRow } from "./catalogue-views.ts";
import { findServiceWithProvider, type ServiceWithProvider } from "./repository.ts";
import { element, renderXml, type XmlElement } from "./xml-document.ts";

export const SERVICE_CATALOG_NAMESPACE = "urn:etoegang:1.13:service-catalog";
const SAML_ASSERTION_NAMESPACE = "urn:oasis:names:tc:SAML:2.0:assertion";
/** Companies act through eHerkenning by their KvK number. */
const KVK_NUMBER_ENTITY = "urn:etoegang:1.9:EntityConcernedID:KvKnr";

/**
 * The namespace of the definitions' UUIDs (RFC 4122 name-based, version 5): a service's
 * definition UUID is derived from its instance's, so it is the same in every export without a
 * column of its own.
 */
const DEFINITION_NAMESPACE = "6f6e2f3c-8a1e-5b0e-9d8c-706f6f72742d";

function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name)
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The ServiceDefinition's UUID of a service instance. */
export function definitionUuidOf(serviceUuid: string): string {
  return nameBasedUuid(DEFINITION_NAMESPACE, serviceUuid);
}

const inLanguage = (name: string, nl: string, en: string): XmlElement[] => [
  element(name, { "xml:lang": "nl" }, nl),
  ...(en ? [element(name, { "xml:lang": "en" }, en)] : []),
];

/**
 * A service's entry in the eHerkenning service catalogue (afsprakenstelsel 1.13): its provider,
 * the ServiceDefinition (names, descriptions, the demanded level as `AuthnContextClassRef`, the
 * KvK number as the entity concerned) and the ServiceInstance (ServiceID, its own UUID, the
 * definition it instantiates, and where the service lives). A client portal's address is the
 * platform's portal; another provider's is its website when known.
 *
 * Unsigned, and without the SP's encryption certificate: the catalogue is signed with the IdP's
 * key and names the SP's certificate, which arrive with the login in part 2 of eHerkenning.
 */
export function serviceCatalogXml({ service, provider }: ServiceWithProvider, publicUrl: string) {
  const definitionUuid = definitionUuidOf(service.serviceUuid);
  const serviceUrl = service.officeId ? `${publicUrl}/portal` : provider.websiteUrl;
  const definition = element(
    "esc:ServiceDefinition",
    { "esc:IsPublic": "true" },
    element("esc:ServiceUUID", {}, definitionUuid),
    ...inLanguage("esc:ServiceName", service.nameNl, service.nameEn),
    ...inLanguage("esc:ServiceDescription", service.descriptionNl, service.descriptionEn),
    element("saml:AuthnContextClassRef", {}, levelFacts[service.level].urn),
    element("esc:EntityConcernedTypesAllowed", { "esc:setNumber": "1" }, KVK_NUMBER_ENTITY),
  );
  const instance = element(
    "esc:ServiceInstance",
    { "esc:IsPublic": "true" },
    element("esc:ServiceID", {}, serviceIdOfRow(provider, service)),
    element("esc:ServiceUUID", {}, service.serviceUuid),
    element("esc:InstanceOfService", {}, definitionUuid),
    ...(serviceUrl ? [element("esc:ServiceURL", { "xml:lang": "nl" }, serviceUrl)] : []),
  );
  return renderXml(
    element(
      "esc:ServiceCatalogue",
      { "xmlns:esc": SERVICE_CATALOG_NAMESPACE, "xmlns:saml": SAML_ASSERTION_NAMESPACE },
      element(
        "esc:ServiceProvider",
        { "esc:IsPublic": "true" },
        element("esc:ServiceProviderID", {}, provider.oin),
        element("esc:OrganizationDisplayName", { "xml:lang": "nl" }, provider.name),
        definition,
        instance,
      ),
    ),
  );
}

/** The service's catalogue entry as a file to download; 404 for an unknown service. */
export async function serviceCatalogFile(
  deps: { db: Database; publicUrl: string },
  serviceId: string,
): Promise<{ fileName: string; content: string }> {
  const found = await findServiceWithProvider(deps.db, serviceId);
  if (!found) throw new AppError("not_found");
  return {
    fileName: `dienstencatalogus-${found.provider.oin}-${found.service.serviceIndex}.xml`,
    content: serviceCatalogXml(found, deps.publicUrl),
  };
}
