import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  officeActionAnswersSchema,
  officeActionListSchema,
  officeActionSchema,
  sendActionSchema,
} from "#src/contracts/actions.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { requireStaff } from "../accounts/request-actors.ts";
import { sendAnswersFile } from "../actions/answer-exports.ts";
import {
  officeAction,
  officeActionAnswers,
  officeDossierActions,
  remindAction,
  sendActions,
  withdrawAction,
} from "../actions/office-actions.ts";
import type { DocumentsDeps } from "../documents/deps.ts";

const errors = errorResponses(400, 401, 403, 404, 409);
const dossierParams = z.object({ dossierId: z.uuid() });
const actionParams = z.object({ actionId: z.uuid() });

/**
 * The back office's actions (issue 13): sending a questionnaire or an upload request to clients
 * of a dossier, following them up, the answers (as data, CSV and JSON; the PDF is a document of
 * the dossier), reminders, and withdrawing one sent in error. Every staff role, in the office's
 * own dossiers.
 */
export const officeActionRoutes: FastifyPluginAsyncZod<{ deps: DocumentsDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["office: actions"];

  app.get(
    "/api/office/dossiers/:dossierId/actions",
    {
      schema: {
        tags,
        summary: "The dossier's actions, newest first, each with its state and progress",
        params: dossierParams,
        response: { 200: officeActionListSchema, ...errors },
      },
    },
    async (request) => ({
      actions: await officeDossierActions(deps, requireStaff(request), request.params.dossierId),
    }),
  );

  app.post(
    "/api/office/dossiers/:dossierId/actions",
    {
      schema: {
        tags,
        summary: "Sends a questionnaire or an upload request to one or more clients of the dossier",
        params: dossierParams,
        body: sendActionSchema,
        response: { 201: officeActionListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const actions = await sendActions(deps, staff, request.params.dossierId, request.body);
      return reply.code(201).send({ actions });
    },
  );

  app.get(
    "/api/office/actions/:actionId",
    {
      schema: {
        tags,
        summary: "One action: state, progress, due date, reminders, delivered files",
        params: actionParams,
        response: { 200: officeActionSchema, ...errors },
      },
    },
    async (request) => officeAction(deps, requireStaff(request), request.params.actionId),
  );

  app.get(
    "/api/office/actions/:actionId/answers",
    {
      schema: {
        tags,
        summary: "A questionnaire's answers, with the definition it was sent with and who answered",
        params: actionParams,
        response: { 200: officeActionAnswersSchema, ...errors },
      },
    },
    async (request) => officeActionAnswers(deps, requireStaff(request), request.params.actionId),
  );

  for (const [format, summary] of [
    ["csv", "The answers as CSV (semicolons, UTF-8 with BOM), one row per answer"],
    ["json", "The answers as a JSON file: stored values, texts, and who answered"],
  ] as const) {
    app.get(
      `/api/office/actions/:actionId/answers.${format}`,
      { schema: { tags, summary, params: actionParams } },
      async (request, reply) =>
        sendAnswersFile(deps, reply, requireStaff(request), request.params.actionId, format),
    );
  }

  app.post(
    "/api/office/actions/:actionId/reminder",
    {
      schema: {
        tags,
        summary: "Reminds the client with the bundled notice, which names nothing of the action",
        params: actionParams,
        response: { 200: officeActionSchema, ...errors },
      },
    },
    async (request) => remindAction(deps, requireStaff(request), request.params.actionId),
  );

  app.post(
    "/api/office/actions/:actionId/withdrawal",
    {
      schema: {
        tags,
        summary: "Withdraws an action sent in error: gone for the client, kept for the office",
        params: actionParams,
        response: { 200: officeActionSchema, ...errors },
      },
    },
    async (request) => withdrawAction(deps, requireStaff(request), request.params.actionId),
  );
};
