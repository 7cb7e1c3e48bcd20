import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createDossierSchema,
  createDossierStatusSchema,
  dossierOptionsSchema,
  dossierStatusSchema,
  officeDossierListSchema,
  officeDossierQuerySchema,
  officeDossierSchema,
  progressSchema,
  replaceProgressSchema,
  updateDossierSchema,
} from "#src/contracts/dossiers.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { requireOfficeAdmin, requireStaff } from "../accounts/request-actors.ts";
import {
  createDossier,
  createOfficeStatus,
  type DossiersDeps,
  dossierOptions,
  replaceProgress,
  searchDossiers,
  updateDossier,
} from "../dossiers/service.ts";
import { officeDossier } from "./office-dossier.ts";

const errors = errorResponses(400, 401, 403, 404, 409);
const dossierParams = z.object({ dossierId: z.uuid() });

/** The back office's dossiers (B13), always of the staff member's own office. */
export const dossierRoutes: FastifyPluginAsyncZod<{ deps: DossiersDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["office: dossiers"];

  app.get(
    "/api/office/dossiers",
    {
      schema: {
        tags,
        summary: "Search the office's dossiers by number, description or client name",
        querystring: officeDossierQuerySchema,
        response: { 200: officeDossierListSchema, ...errors },
      },
    },
    async (request) => searchDossiers(deps, requireStaff(request), request.query),
  );

  app.get(
    "/api/office/dossier-options",
    {
      schema: {
        tags,
        summary: "Statuses, handlers, clients and progress templates for the dossier forms",
        response: { 200: dossierOptionsSchema, ...errors },
      },
    },
    async (request) => dossierOptions(deps, requireStaff(request)),
  );

  app.post(
    "/api/office/dossiers",
    {
      schema: {
        tags,
        summary: "Create a dossier, optionally with a progress list from a template",
        body: createDossierSchema,
        response: { 201: officeDossierSchema, ...errors },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const id = await createDossier(deps, staff, request.body);
      return reply.status(201).send(await officeDossier(deps, staff, id));
    },
  );

  app.get(
    "/api/office/dossiers/:dossierId",
    {
      schema: {
        tags,
        summary: "A dossier with its clients, progress and documents",
        params: dossierParams,
        response: { 200: officeDossierSchema, ...errors },
      },
    },
    async (request) => officeDossier(deps, requireStaff(request), request.params.dossierId),
  );

  app.patch(
    "/api/office/dossiers/:dossierId",
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
      const staff = requireStaff(request);
      await updateDossier(deps, staff, request.params.dossierId, request.body);
      return officeDossier(deps, staff, request.params.dossierId);
    },
  );

  app.put(
    "/api/office/dossiers/:dossierId/progress",
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
      replaceProgress(deps, requireStaff(request), request.params.dossierId, request.body),
  );

  app.post(
    "/api/office/dossier-statuses",
    {
      schema: {
        tags,
        summary: "Add a status of the office's own (admins)",
        body: createDossierStatusSchema,
        response: { 201: dossierStatusSchema, ...errors },
      },
    },
    async (request, reply) => {
      const status = await createOfficeStatus(
        deps,
        requireOfficeAdmin(request),
        request.body.label,
      );
      return reply.status(201).send(status);
    },
  );
};
