import { keepServiceProviderRegistered } from "../saml-idp/service-providers.ts";
import { portalLoginOffices } from "../service-catalogue/office-portal-services.ts";
import type { PortalEherkenningDeps } from "./deps.ts";
import { spMetadataXml } from "./saml-parties.ts";

/**
 * With Poort's own IdP, the portal is one of its SPs, allowed every office's portal service:
 * kept so at start-up and before each login (a new office's portal joins then). With an
 * external IdP or broker, the portal is registered there, by its metadata, by whoever runs it.
 */
export async function keepPortalRegisteredAtOwnIdp(deps: PortalEherkenningDeps): Promise<void> {
  if (deps.idpMetadataSource) return;
  const portals = await portalLoginOffices(deps.db);
  await keepServiceProviderRegistered(deps.ownIdp, {
    name: `Klantenportaal (${deps.organisationName})`,
    metadataXml: await spMetadataXml(deps),
    catalogueServiceIds: portals.map((portal) => portal.catalogueServiceId),
  });
}
