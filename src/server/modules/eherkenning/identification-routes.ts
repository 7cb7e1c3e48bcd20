import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  identificationDetailSchema,
  identificationListSchema,
  planAppointmentSchema,
  recordIdentificationSchema,
} from "#src/contracts/eherkenning/review.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { requireSupplier } from "#src/server/modules/accounts/request-actors.ts";
import type { EherkenningDeps } from "#src/server/modules/means-applications/deps.ts";
import {
  identificationDetail,
  openIdentifications,
  planAppointment,
  recordIdentification,
} from "#src/server/modules/means-applications/identification.ts";

const agents = ["partner-agent"] as const;
const identificationParams = z.object({ identificationId: z.uuid() });

/**
 * The identification partner's screen (C5): open identifications, planning the appointment and
 * recording the check of the original ID. Partner agents only; reviewers see an
 * identification's state, read-only, on the application.
 */
export const identificationRoutes: FastifyPluginAsyncZod<{ deps: EherkenningDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["eherkenning: identification"];
  const errors = errorResponses(400, 401, 403, 404, 409);

  app.get(
    "/api/eherkenning/beheer/identifications",
    {
      schema: {
        tags,
        summary: "Identifications not yet recorded, the one due first on top",
        response: { 200: identificationListSchema, ...errors },
      },
    },
    async (request) => {
      requireSupplier(request, agents);
      return openIdentifications(deps);
    },
  );

  app.get(
    "/api/eherkenning/beheer/identifications/:identificationId",
    {
      schema: {
        tags,
        summary: "One identification: whom to meet, the appointment, what was recorded",
        params: identificationParams,
        response: { 200: identificationDetailSchema, ...errors },
      },
    },
    async (request) => {
      requireSupplier(request, agents);
      return identificationDetail(deps, request.params.identificationId);
    },
  );

  app.put(
    "/api/eherkenning/beheer/identifications/:identificationId/appointment",
    {
      schema: {
        tags,
        summary: "Plan (or move) the appointment: a moment within the window, and a place",
        params: identificationParams,
        body: planAppointmentSchema,
        response: { 200: identificationDetailSchema, ...errors },
      },
    },
    async (request) => {
      const account = requireSupplier(request, agents);
      return planAppointment(deps, request.params.identificationId, request.body, account);
    },
  );

  app.post(
    "/api/eherkenning/beheer/identifications/:identificationId/record",
    {
      schema: {
        tags,
        summary: "Record the check of the original ID; verified issues the means",
        params: identificationParams,
        body: recordIdentificationSchema,
        response: { 200: identificationDetailSchema, ...errors },
      },
    },
    async (request) => {
      const account = requireSupplier(request, agents);
      return recordIdentification(deps, request.params.identificationId, request.body, account);
    },
  );
};
