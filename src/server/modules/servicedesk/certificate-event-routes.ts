import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  certificateAuditQuerySchema,
  certificateEventPageSchema,
} from "#src/contracts/audit-log.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError } from "#src/server/errors.ts";
import { requirePlatformStaff } from "#src/server/modules/accounts/request-actors.ts";
import { certificateEventPage } from "#src/server/modules/audit-log/certificate-events.ts";
import type { Database } from "#src/server/platform/db/database.ts";

/**
 * The servicedesk's "Certificaatgebeurtenissen" (issue 19): the certificate events of every
 * office. Platform staff with the servicedesk role only; that check is what lets the query
 * look across offices.
 */
export const servicedeskCertificateEventRoutes: FastifyPluginAsyncZod<{
  deps: { db: Database };
}> = async (app, { deps }) => {
  app.get(
    "/api/servicedesk/certificate-events",
    {
      schema: {
        tags: ["servicedesk: certificates"],
        summary: "Certificate events across offices, newest first, by office and period",
        querystring: certificateAuditQuerySchema,
        response: { 200: certificateEventPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      if (requirePlatformStaff(request).role !== "servicedesk") throw new AppError("forbidden");
      return certificateEventPage(deps.db, request.query);
    },
  );
};
