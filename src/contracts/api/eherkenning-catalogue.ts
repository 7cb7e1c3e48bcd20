import {
  adminProviderListSchema,
  adminProviderSchema,
  catalogueOverviewSchema,
  createProviderSchema,
  createServiceSchema,
  updateProviderSchema,
  updateServiceSchema,
} from "../eherkenning/catalogue.ts";
import { defineEndpoint } from "./endpoint.ts";

/** The eHerkenning service catalogue: the public overview (C1). */
export const eherkenningCatalogueApi = {
  overview: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/catalogue",
    response: catalogueOverviewSchema,
  }),
};

/**
 * The supplier's catalogue admin (admins only): providers, their services, withdrawing a
 * service and its entry in the eHerkenning service catalogue as XML.
 */
export const eherkenningCatalogueAdminApi = {
  providers: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/beheer/catalogue/providers",
    response: adminProviderListSchema,
  }),
  createProvider: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/beheer/catalogue/providers",
    body: createProviderSchema,
    response: adminProviderSchema,
  }),
  provider: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/beheer/catalogue/providers/:providerId",
    response: adminProviderSchema,
  }),
  updateProvider: defineEndpoint({
    method: "PUT",
    path: "/api/eherkenning/beheer/catalogue/providers/:providerId",
    body: updateProviderSchema,
    response: adminProviderSchema,
  }),
  createService: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/beheer/catalogue/providers/:providerId/services",
    body: createServiceSchema,
    response: adminProviderSchema,
  }),
  updateService: defineEndpoint({
    method: "PUT",
    path: "/api/eherkenning/beheer/catalogue/services/:serviceId",
    body: updateServiceSchema,
    response: adminProviderSchema,
  }),
  withdrawService: defineEndpoint({
    method: "POST",
    path: "/api/eherkenning/beheer/catalogue/services/:serviceId/withdrawal",
    response: adminProviderSchema,
  }),
  /** A file to download: the service's ServiceDefinition and ServiceInstance. */
  serviceXml: defineEndpoint({
    method: "GET",
    path: "/api/eherkenning/beheer/catalogue/services/:serviceId/catalogue.xml",
  }),
};
