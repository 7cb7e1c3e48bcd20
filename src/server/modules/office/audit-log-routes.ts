import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  auditPageSchema,
  officeAuditExportQuerySchema,
  officeAuditQuerySchema,
} from "#src/contracts/audit-log.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { requireOfficeAdmin } from "#src/server/modules/accounts/request-actors.ts";
import {
  exportOfficeAuditLog,
  officeAuditPage,
} from "#src/server/modules/audit-log/office-audit-log.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { requestLocale } from "#src/server/request-locale.ts";

const tags = ["office: audit log"];
const errors = errorResponses(400, 401, 403);

/**
 * The office's "Auditlog" (issue 19), for its admins only: the office comes from the admin's
 * session, never from the request, so the filters only narrow the office's own events.
 */
export const officeAuditLogRoutes: FastifyPluginAsyncZod<{
  deps: { db: Database; clock: Clock };
}> = async (app, { deps }) => {
  app.get(
    "/api/office/audit-log",
    {
      schema: {
        tags,
        summary: "The office's audit events, newest first, by person, dossier, kind and period",
        querystring: officeAuditQuerySchema,
        response: { 200: auditPageSchema, ...errors },
      },
    },
    async (request) => officeAuditPage(deps.db, requireOfficeAdmin(request).scope, request.query),
  );

  app.get(
    "/api/office/audit-log.csv",
    {
      schema: {
        tags,
        summary: "The same events as CSV (UTF-8 with BOM, semicolons), streamed",
        querystring: officeAuditExportQuerySchema,
      },
    },
    async (request, reply) => {
      const admin = requireOfficeAdmin(request);
      const locale = requestLocale(request);
      const file = await exportOfficeAuditLog(deps, admin, request.query, locale, request.ip);
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="auditlog-${day}.csv"`)
        .header("cache-control", "no-store")
        .send(file);
    },
  );
};
