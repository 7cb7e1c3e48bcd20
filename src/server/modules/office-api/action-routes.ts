import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  officeActionAnswersSchema,
  officeActionListSchema,
  officeActionSchema,
  sendActionSchema,
} from "#src/contracts/actions.ts";
import { documentContentQuerySchema } from "#src/contracts/dossiers.ts";
import { errorResponses } from "#src/contracts/error.ts";
import {
  questionnaireTemplateListSchema,
  questionnaireTemplateQuerySchema,
  questionnaireTemplateSchema,
} from "#src/contracts/questionnaire-templates.ts";
import { sendAnswersFile, sendAnswersPdf } from "../actions/answer-exports.ts";
import {
  officeAction,
  officeActionAnswers,
  officeDossierActions,
  remindAction,
  sendActions,
  withdrawAction,
} from "../actions/office-actions.ts";
import { documentReadOf } from "../documents/office-files.ts";
import { listQuestionnaireTemplates, questionnaireTemplate } from "../questionnaires/templates.ts";
import { requireApiCaller } from "./api-actor.ts";
import type { OfficeApiDeps } from "./deps.ts";

const errors = errorResponses(400, 401, 403, 404, 409, 422, 429);
const dossierParams = z.object({ dossierId: z.uuid() });
const actionParams = z.object({ actionId: z.uuid() });
const templateParams = z.object({ templateId: z.uuid() });
const tags = ["office API: actions"];

/**
 * Actions by the office API, as the back office has them: the questionnaire templates to send
 * (the office's own, not archived; the starter library's are listed for reference, and become
 * sendable only when staff copy one), sending a questionnaire or an upload request to clients of
 * a dossier, following them up (state, progress, the files delivered per item), the answers as
 * data, CSV and JSON, the completed questionnaire's PDF, reminding, and withdrawing one sent in
 * error.
 */
export const actionRoutes: FastifyPluginAsyncZod<{ deps: OfficeApiDeps }> = async (
  app,
  { deps },
) => {
  const documents = deps.documents;

  app.get(
    "/api/office/v1/questionnaire-templates",
    {
      schema: {
        tags,
        summary:
          "The questionnaire templates: the office's own (archived ones on request), then the starter library's",
        querystring: questionnaireTemplateQuerySchema,
        response: { 200: questionnaireTemplateListSchema, ...errors },
      },
    },
    async (request) => ({
      templates: await listQuestionnaireTemplates(
        documents.db,
        requireApiCaller(request).software,
        request.query,
      ),
    }),
  );

  app.get(
    "/api/office/v1/questionnaire-templates/:templateId",
    {
      schema: {
        tags,
        summary:
          "One template: its newest definition (what a questionnaire sent now asks) and its versions",
        params: templateParams,
        response: { 200: questionnaireTemplateSchema, ...errors },
      },
    },
    async (request) =>
      questionnaireTemplate(
        documents.db,
        requireApiCaller(request).software,
        request.params.templateId,
      ),
  );

  app.get(
    "/api/office/v1/dossiers/:dossierId/actions",
    {
      schema: {
        tags,
        summary:
          "The dossier's actions, newest first, each with its state, progress and deliveries",
        params: dossierParams,
        response: { 200: officeActionListSchema, ...errors },
      },
    },
    async (request) => ({
      actions: await officeDossierActions(
        documents,
        requireApiCaller(request).software,
        request.params.dossierId,
      ),
    }),
  );

  app.post(
    "/api/office/v1/dossiers/:dossierId/actions",
    {
      schema: {
        tags,
        summary:
          "Send a questionnaire (a template's newest version) or an upload request, one action per client of the dossier",
        params: dossierParams,
        body: sendActionSchema,
        response: { 201: officeActionListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { software } = requireApiCaller(request);
      const actions = await sendActions(
        documents,
        software,
        request.params.dossierId,
        request.body,
      );
      return reply.code(201).send({ actions });
    },
  );

  app.get(
    "/api/office/v1/actions/:actionId",
    {
      schema: {
        tags,
        summary: "One action: state, progress, due date, reminders, the files delivered per item",
        params: actionParams,
        response: { 200: officeActionSchema, ...errors },
      },
    },
    async (request) =>
      officeAction(documents, requireApiCaller(request).software, request.params.actionId),
  );

  app.get(
    "/api/office/v1/actions/:actionId/answers",
    {
      schema: {
        tags,
        summary: "A questionnaire's answers, with the definition it was sent with and who answered",
        params: actionParams,
        response: { 200: officeActionAnswersSchema, ...errors },
      },
    },
    async (request) =>
      officeActionAnswers(documents, requireApiCaller(request).software, request.params.actionId),
  );

  for (const [format, summary] of [
    ["csv", "Download the answers as CSV (semicolons, UTF-8 with BOM), one row per answer"],
    ["json", "Download the answers as a JSON file: stored values, texts, and who answered"],
  ] as const) {
    app.get(
      `/api/office/v1/actions/:actionId/answers.${format}`,
      { schema: { tags, summary, params: actionParams, response: errors } },
      async (request, reply) =>
        sendAnswersFile(
          documents,
          reply,
          requireApiCaller(request).software,
          request.params.actionId,
          format,
        ),
    );
  }

  app.get(
    "/api/office/v1/actions/:actionId/answers.pdf",
    {
      schema: {
        tags,
        summary:
          "Download the completed questionnaire's PDF (the document filed under the client's supplied ones)",
        params: actionParams,
        querystring: documentContentQuerySchema,
        response: errors,
      },
    },
    async (request, reply) =>
      sendAnswersPdf(
        documents,
        reply,
        requireApiCaller(request).software,
        request.params.actionId,
        documentReadOf(request),
      ),
  );

  app.post(
    "/api/office/v1/actions/:actionId/reminder",
    {
      schema: {
        tags,
        summary: "Remind the client with the bundled notice, which names nothing of the action",
        params: actionParams,
        response: { 200: officeActionSchema, ...errors },
      },
    },
    async (request) =>
      remindAction(documents, requireApiCaller(request).software, request.params.actionId),
  );

  app.post(
    "/api/office/v1/actions/:actionId/withdrawal",
    {
      schema: {
        tags,
        summary: "Withdraw an action sent in error: gone for the client, kept for the office",
        params: actionParams,
        response: { 200: officeActionSchema, ...errors },
      },
    },
    async (request) =>
      withdrawAction(documents, requireApiCaller(request).software, request.params.actionId),
  );
};
