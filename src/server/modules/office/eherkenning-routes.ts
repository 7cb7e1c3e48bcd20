import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  officeEherkenningSchema,
  setOfficeLevelSchema,
} from "#src/contracts/eherkenning/catalogue.ts";
import { errorResponses } from "#src/contracts/error.ts";
import {
  auditActor,
  requireOfficeAdmin,
  requireStaff,
} from "#src/server/modules/accounts/request-actors.ts";
import type { CatalogueDeps } from "#src/server/modules/service-catalogue/deps.ts";
import {
  officeEherkenningSetting,
  setOfficePortalLevel,
} from "#src/server/modules/service-catalogue/office-portal-services.ts";

const errors = errorResponses(400, 401, 403, 404);

/**
 * The office's eHerkenning setting: the level its client portal demands of companies that log
 * in with eHerkenning. Every staff member sees it; only the office's admins change it.
 */
export const officeEherkenningRoutes: FastifyPluginAsyncZod<{ deps: CatalogueDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["office: eherkenning"];

  app.get(
    "/api/office/eherkenning",
    {
      schema: {
        tags,
        summary: "The level the office's client portal demands, and its ServiceID",
        response: { 200: officeEherkenningSchema, ...errors },
      },
    },
    async (request) => officeEherkenningSetting(deps, requireStaff(request).scope),
  );

  app.put(
    "/api/office/eherkenning",
    {
      schema: {
        tags,
        summary: "Sets the level the office's client portal demands (admins)",
        body: setOfficeLevelSchema,
        response: { 200: officeEherkenningSchema, ...errors },
      },
    },
    async (request) => {
      const admin = requireOfficeAdmin(request);
      return setOfficePortalLevel(deps, admin.scope, request.body.level, auditActor(admin.account));
    },
  );
};
