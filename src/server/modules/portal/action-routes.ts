import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  deliverItemSchema,
  portalActionListSchema,
  portalActionSchema,
  portalQuestionnaireSchema,
  savePageSchema,
} from "#src/contracts/actions.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { idSchema } from "#src/contracts/questionnaires/definition.ts";
import { requireClient } from "../accounts/request-actors.ts";
import {
  clientAction,
  clientActions,
  clientQuestionnaire,
  saveQuestionnairePage,
} from "../actions/client-actions.ts";
import { completeQuestionnaire } from "../actions/complete-questionnaire.ts";
import { deliverUploadItem } from "../actions/deliver-upload.ts";
import type { DocumentsDeps } from "../documents/deps.ts";

const errors = errorResponses(400, 401, 403, 404, 409);
const actionParams = z.object({ actionId: z.uuid() });

/**
 * "Acties" of the client portal (B10): the list, filling in a questionnaire page by page
 * ("Invullen", "Volgende", "Vorige", "Bevestigen"), and an upload request's items, each
 * answered with a file uploaded first with tus (`purpose: message-attachment`, a draft of this
 * login's). Another client's action, or one in a dossier no longer shared, is not found.
 */
export const portalActionRoutes: FastifyPluginAsyncZod<{ deps: DocumentsDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["portal: actions"];

  app.get(
    "/api/portal/actions",
    {
      schema: {
        tags,
        summary: "The client's actions over all its dossiers: open ones first, soonest due first",
        response: { 200: portalActionListSchema, ...errors },
      },
    },
    async (request) => ({ actions: await clientActions(deps, requireClient(request)) }),
  );

  app.get(
    "/api/portal/actions/:actionId",
    {
      schema: {
        tags,
        summary: "One action, with an upload request's items",
        params: actionParams,
        response: { 200: portalActionSchema, ...errors },
      },
    },
    async (request) => clientAction(deps, requireClient(request), request.params.actionId),
  );

  app.get(
    "/api/portal/actions/:actionId/questionnaire",
    {
      schema: {
        tags,
        summary: "Invullen: the questionnaire as sent, the answers so far and the page to resume",
        params: actionParams,
        response: { 200: portalQuestionnaireSchema, ...errors },
      },
    },
    async (request) => clientQuestionnaire(deps, requireClient(request), request.params.actionId),
  );

  app.put(
    "/api/portal/actions/:actionId/pages/:pageId",
    {
      schema: {
        tags,
        summary:
          "Volgende / Vorige: checks and saves the page's answers and moves to the next or previous page",
        params: actionParams.extend({ pageId: idSchema }),
        body: savePageSchema,
        response: { 200: portalQuestionnaireSchema, ...errors },
      },
    },
    async (request) =>
      saveQuestionnairePage(
        deps,
        requireClient(request),
        request.params.actionId,
        request.params.pageId,
        request.body,
      ),
  );

  app.post(
    "/api/portal/actions/:actionId/completion",
    {
      schema: {
        tags,
        summary:
          "Bevestigen: completes the questionnaire and files its PDF under Door mij aangeleverd",
        params: actionParams,
        response: { 200: portalActionSchema, ...errors },
      },
    },
    async (request) => completeQuestionnaire(deps, requireClient(request), request.params.actionId),
  );

  app.put(
    "/api/portal/actions/:actionId/items/:itemId",
    {
      schema: {
        tags,
        summary: "Answers an upload request's item with a file this login uploaded as a draft",
        params: actionParams.extend({ itemId: z.uuid() }),
        body: deliverItemSchema,
        response: { 200: portalActionSchema, ...errors },
      },
    },
    async (request) =>
      deliverUploadItem(
        deps,
        requireClient(request),
        request.params.actionId,
        request.params.itemId,
        request.body.documentId,
      ),
  );
};
