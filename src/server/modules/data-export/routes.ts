import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { dataExportOverviewSchema, dataExportSchema } from "#src/contracts/data-export.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { requestOrigin } from "../accounts/deps.ts";
import { requireAccount } from "../accounts/session-plugin.ts";
import { contentDisposition } from "../documents/document-content.ts";
import { dataExportOverview, openDataExport, requestDataExport } from "./data-exports.ts";
import type { DataExportDeps } from "./deps.ts";

const errors = errorResponses(401, 403, 404, 409, 429);
// The login's own data, across all its offices: no choice of office is needed.
const clients = { kinds: ["client"] as const };

/** "Mijn gegevens downloaden" in the portal's Mijn gegevens (issue 19, ADR 0024). */
export const dataExportRoutes: FastifyPluginAsyncZod<{ deps: DataExportDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["my account"];

  app.get(
    "/api/me/data-export",
    {
      schema: {
        tags,
        summary: "The login's newest data export and how many more it may request today",
        response: { 200: dataExportOverviewSchema, ...errors },
      },
    },
    async (request) => dataExportOverview(deps, requireAccount(request, clients).account),
  );

  app.post(
    "/api/me/data-export",
    {
      schema: {
        tags,
        summary:
          "Request a download of everything Poort holds about the login; a mail says when it is ready",
        response: { 202: dataExportSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { account } = requireAccount(request, clients);
      return reply.status(202).send(await requestDataExport(deps, account, requestOrigin(request)));
    },
  );

  app.get(
    "/api/me/data-export/:exportId/content",
    {
      schema: {
        tags,
        summary: "Download the prepared archive (a ZIP file), until it expires",
        params: z.object({ exportId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { account } = requireAccount(request, clients);
      const archive = await openDataExport(
        deps,
        account,
        request.params.exportId,
        requestOrigin(request),
      );
      // A stream, not JSON: sent as it is read from the store, never whole in memory.
      return reply
        .header("content-type", "application/zip")
        .header("content-length", archive.size)
        .header("content-disposition", contentDisposition("attachment", archive.fileName))
        .header("cache-control", "private, no-store")
        .send(archive.content);
    },
  );
};
