import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createDossierSchema,
  dossierOptionsSchema,
  officeDossierListSchema,
  officeDossierQuerySchema,
  officeDossierSchema,
  progressSchema,
  replaceProgressSchema,
  updateDossierSchema,
} from "#src/contracts/dossiers.ts";
import { errorResponses } from "#src/contracts/error.ts";
import {
  createDossier,
  dossierOptions,
  replaceProgress,
  searchDossiers,
  updateDossier,
} from "../dossiers/service.ts";
import { officeDossier } from "../office/office-dossier.ts";
import { requireApiCaller } from "./api-actor.ts";
import type { OfficeApiDeps } from "./deps.ts";

const errors = errorResponses(400, 401, 403, 404, 409, 422, 429);
const dossierParams = z.object({ dossierId: z.uuid() });
const tags = ["office API: dossiers"];

/** Dossiers by the office API: list, create, read, change (status, handler, clients), progress. */
export const dossierRoutes: FastifyPluginAsyncZod<{ deps: OfficeApiDeps }> = async (
  app,
  { deps },
) => {
  const dossiers = deps.documents;

  app.get(
    "/api/office/v1/dossiers",
    {
      schema: {
        tags,
        summary:
          "Search the office's dossiers by number, description or client name, a page at a time",
        querystring: officeDossierQuerySchema,
        response: { 200: officeDossierListSchema, ...errors },
      },
    },
    async (request) => searchDossiers(dossiers, requireApiCaller(request).software, request.query),
  );

  app.get(
    "/api/office/v1/dossier-options",
    {
      schema: {
        tags,
        summary:
          "The office's statuses, handlers, clients and progress templates, to fill a dossier with",
        response: { 200: dossierOptionsSchema, ...errors },
      },
    },
    async (request) => dossierOptions(dossiers, requireApiCaller(request).software),
  );

  app.post(
    "/api/office/v1/dossiers",
    {
      schema: {
        tags,
        summary: "Create a dossier, optionally with a progress list from a template",
        body: createDossierSchema,
        response: { 201: officeDossierSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { software } = requireApiCaller(request);
      const id = await createDossier(dossiers, software, request.body);
      return reply.status(201).send(await officeDossier(dossiers, software, id));
    },
  );

  app.get(
    "/api/office/v1/dossiers/:dossierId",
    {
      schema: {
        tags,
        summary: "A dossier with its clients, progress and documents",
        params: dossierParams,
        response: { 200: officeDossierSchema, ...errors },
      },
    },
    async (request) =>
      officeDossier(dossiers, requireApiCaller(request).software, request.params.dossierId),
  );

  app.patch(
    "/api/office/v1/dossiers/:dossierId",
    {
      schema: {
        tags,
        summary: "Change a dossier's number, description, status, handler or clients",
        params: dossierParams,
        body: updateDossierSchema,
        response: { 200: officeDossierSchema, ...errors },
      },
    },
    async (request) => {
      const { software } = requireApiCaller(request);
      await updateDossier(dossiers, software, request.params.dossierId, request.body);
      return officeDossier(dossiers, software, request.params.dossierId);
    },
  );

  app.put(
    "/api/office/v1/dossiers/:dossierId/progress",
    {
      schema: {
        tags,
        summary: "Replace the dossier's progress list (ordered steps, each done on a date or not)",
        params: dossierParams,
        body: replaceProgressSchema,
        response: { 200: progressSchema, ...errors },
      },
    },
    async (request) =>
      replaceProgress(
        dossiers,
        requireApiCaller(request).software,
        request.params.dossierId,
        request.body,
      ),
  );
};
