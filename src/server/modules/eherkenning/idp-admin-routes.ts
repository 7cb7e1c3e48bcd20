import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  registeredServiceProviderSchema,
  registerServiceProviderSchema,
  serviceProviderAdminSchema,
} from "#src/contracts/eherkenning/idp.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { auditActor, requireSupplier } from "#src/server/modules/accounts/request-actors.ts";
import type { SamlIdpDeps } from "../saml-idp/deps.ts";
import {
  registerServiceProviderFrom,
  serviceProviderAdmin,
  withdrawServiceProvider,
} from "../saml-idp/service-providers.ts";

const admin = ["admin"] as const;
const errors = errorResponses(400, 401, 403, 404, 409, 413, 502);
const params = z.object({ serviceProviderId: z.uuid() });

/**
 * The SAML service providers of Poort's IdP in the supplier's back office (issue 15, admins
 * only): the list, registration by metadata (URL or file) with the catalogue services each may
 * ask for, and withdrawal.
 */
export const idpAdminRoutes: FastifyPluginAsyncZod<{ deps: SamlIdpDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["eherkenning idp"];

  app.get(
    "/api/eherkenning/beheer/service-providers",
    {
      schema: {
        tags,
        summary: "The registered SAML service providers, and the services to allow",
        response: { 200: serviceProviderAdminSchema, ...errors },
      },
    },
    async (request) => {
      requireSupplier(request, admin);
      return serviceProviderAdmin(deps);
    },
  );

  app.post(
    "/api/eherkenning/beheer/service-providers",
    {
      schema: {
        tags,
        summary: "Register a SAML service provider by its metadata (URL or file)",
        body: registerServiceProviderSchema,
        response: { 201: registeredServiceProviderSchema, ...errors },
      },
    },
    async (request, reply) => {
      const account = requireSupplier(request, admin);
      const registered = await registerServiceProviderFrom(deps, request.body, auditActor(account));
      return reply.status(201).send(registered);
    },
  );

  app.post(
    "/api/eherkenning/beheer/service-providers/:serviceProviderId/withdrawal",
    {
      schema: {
        tags,
        summary: "Withdraw a SAML service provider: its requests are refused from now on",
        params,
        response: { 200: serviceProviderAdminSchema, ...errors },
      },
    },
    async (request) => {
      const account = requireSupplier(request, admin);
      await withdrawServiceProvider(deps, request.params.serviceProviderId, auditActor(account));
      return serviceProviderAdmin(deps);
    },
  );
};
