import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  adminProviderListSchema,
  adminProviderSchema,
  catalogueOverviewSchema,
  createProviderSchema,
  createServiceSchema,
  updateProviderSchema,
  updateServiceSchema,
} from "#src/contracts/eherkenning/catalogue.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { auditActor, requireSupplier } from "#src/server/modules/accounts/request-actors.ts";
import { contentDisposition } from "#src/server/modules/documents/document-content.ts";
import type { EherkenningDeps } from "#src/server/modules/means-applications/deps.ts";
import { catalogueOverview } from "#src/server/modules/service-catalogue/catalogue-overview.ts";
import {
  createProvider,
  providerDetails,
  providerList,
  updateProvider,
} from "#src/server/modules/service-catalogue/provider-admin.ts";
import {
  addService,
  updateService,
  withdrawService,
} from "#src/server/modules/service-catalogue/service-admin.ts";
import { serviceCatalogFile } from "#src/server/modules/service-catalogue/service-catalog-xml.ts";
import { requestLocale } from "#src/server/request-locale.ts";

const errors = errorResponses(400, 401, 403, 404, 409);
const providerParams = z.object({ providerId: z.uuid() });
const serviceParams = z.object({ serviceId: z.uuid() });
const admin = ["admin"] as const;

/**
 * The eHerkenning service catalogue: the public overview of providers, services and demanded
 * levels (C1), and the supplier admin's upkeep of it (admins only).
 */
export const catalogueRoutes: FastifyPluginAsyncZod<{ deps: EherkenningDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["eherkenning: catalogue"];

  app.get(
    "/api/eherkenning/catalogue",
    {
      schema: {
        tags,
        summary: "Het overzicht van dienstverleners: providers, services and demanded levels",
        response: { 200: catalogueOverviewSchema },
      },
    },
    async (request) => catalogueOverview(deps.db, requestLocale(request)),
  );

  app.get(
    "/api/eherkenning/beheer/catalogue/providers",
    {
      schema: {
        tags,
        summary: "Every provider, with its number of services in the catalogue",
        response: { 200: adminProviderListSchema, ...errors },
      },
    },
    async (request) => {
      requireSupplier(request, admin);
      return { providers: await providerList(deps) };
    },
  );

  app.post(
    "/api/eherkenning/beheer/catalogue/providers",
    {
      schema: {
        tags,
        summary: "Adds a provider; its OIN must be new",
        body: createProviderSchema,
        response: { 201: adminProviderSchema, ...errors },
      },
    },
    async (request, reply) => {
      const account = requireSupplier(request, admin);
      const provider = await createProvider(deps, request.body, auditActor(account));
      return reply.code(201).send(provider);
    },
  );

  app.get(
    "/api/eherkenning/beheer/catalogue/providers/:providerId",
    {
      schema: {
        tags,
        summary: "One provider with all its services, withdrawn ones too",
        params: providerParams,
        response: { 200: adminProviderSchema, ...errors },
      },
    },
    async (request) => {
      requireSupplier(request, admin);
      return providerDetails(deps, request.params.providerId);
    },
  );

  app.put(
    "/api/eherkenning/beheer/catalogue/providers/:providerId",
    {
      schema: {
        tags,
        summary: "Changes a provider's name and website (not its OIN)",
        params: providerParams,
        body: updateProviderSchema,
        response: { 200: adminProviderSchema, ...errors },
      },
    },
    async (request) => {
      const account = requireSupplier(request, admin);
      return updateProvider(deps, request.params.providerId, request.body, auditActor(account));
    },
  );

  app.post(
    "/api/eherkenning/beheer/catalogue/providers/:providerId/services",
    {
      schema: {
        tags,
        summary: "Adds a service to the provider; its index must be new there",
        params: providerParams,
        body: createServiceSchema,
        response: { 201: adminProviderSchema, ...errors },
      },
    },
    async (request, reply) => {
      const account = requireSupplier(request, admin);
      const provider = await addService(
        deps,
        request.params.providerId,
        request.body,
        auditActor(account),
      );
      return reply.code(201).send(provider);
    },
  );

  app.put(
    "/api/eherkenning/beheer/catalogue/services/:serviceId",
    {
      schema: {
        tags,
        summary: "Changes a service's names, descriptions and level (not its index)",
        params: serviceParams,
        body: updateServiceSchema,
        response: { 200: adminProviderSchema, ...errors },
      },
    },
    async (request) => {
      const account = requireSupplier(request, admin);
      return updateService(deps, request.params.serviceId, request.body, auditActor(account));
    },
  );

  app.post(
    "/api/eherkenning/beheer/catalogue/services/:serviceId/withdrawal",
    {
      schema: {
        tags,
        summary: "Takes a service out of the catalogue: no new authorizations, no logins",
        params: serviceParams,
        response: { 200: adminProviderSchema, ...errors },
      },
    },
    async (request) => {
      const account = requireSupplier(request, admin);
      return withdrawService(deps, request.params.serviceId, auditActor(account));
    },
  );

  app.get(
    "/api/eherkenning/beheer/catalogue/services/:serviceId/catalogue.xml",
    {
      schema: {
        tags,
        summary: "The service's entry in the eHerkenning service catalogue (1.13), unsigned",
        params: serviceParams,
      },
    },
    async (request, reply) => {
      requireSupplier(request, admin);
      const file = await serviceCatalogFile(deps, request.params.serviceId);
      return reply
        .header("content-type", "application/xml; charset=utf-8")
        .header("content-disposition", contentDisposition("attachment", file.fileName))
        .header("cache-control", "no-store")
        .send(file.content);
    },
  );
};
