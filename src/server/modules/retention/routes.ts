import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "#src/contracts/error.ts";
import { officeSettingsSchema, setOfficeSettingsSchema } from "#src/contracts/office-settings.ts";
import {
  auditActor,
  requireOfficeAdmin,
  requireStaff,
} from "#src/server/modules/accounts/request-actors.ts";
import { type OfficeSettingsDeps, officeSettings, setOfficeSettings } from "./office-settings.ts";

const errors = errorResponses(400, 401, 403, 404);

/**
 * The office's settings (its back office's "Instellingen"): how long a closed dossier stays in
 * the client portal. Every staff member reads them; only the office's admins change them.
 */
export const officeSettingsRoutes: FastifyPluginAsyncZod<{ deps: OfficeSettingsDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["office: settings"];

  app.get(
    "/api/office/settings",
    {
      schema: {
        tags,
        summary: "The office's settings: months a closed dossier stays in the client portal",
        response: { 200: officeSettingsSchema, ...errors },
      },
    },
    async (request) => officeSettings(deps, requireStaff(request).scope),
  );

  app.put(
    "/api/office/settings",
    {
      schema: {
        tags,
        summary: "Changes the office's settings (admins)",
        body: setOfficeSettingsSchema,
        response: { 200: officeSettingsSchema, ...errors },
      },
    },
    async (request) => {
      const admin = requireOfficeAdmin(request);
      return setOfficeSettings(deps, admin.scope, request.body, auditActor(admin.account));
    },
  );
};
