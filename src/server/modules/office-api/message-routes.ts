import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "#src/contracts/error.ts";
import {
  officeInboxQuerySchema,
  officeInboxSchema,
  officeMessageListSchema,
  officeMessageSchema,
  sendMessageSchema,
  sendOfficeMessageSchema,
} from "#src/contracts/messages.ts";
import { removeOfficeDraftAttachment } from "../documents/message-attachments.ts";
import {
  officeDossierMessages,
  officeInbox,
  officeMessage,
  sendOfficeMessage,
  setOfficeMessageHandled,
  withdrawOfficeMessage,
} from "../messages/office-messages.ts";
import { requireApiCaller } from "./api-actor.ts";
import type { OfficeApiDeps } from "./deps.ts";

const errors = errorResponses(400, 401, 403, 404, 409, 422, 429);
const dossierParams = z.object({ dossierId: z.uuid() });
const messageParams = z.object({ messageId: z.uuid() });
const documentParams = z.object({ documentId: z.uuid() });
const tags = ["office API: messages"];

/**
 * Messages by the office API, as the back office has them: the inbox of clients' messages, a
 * dossier's messages, one message; sending to the dossier's clients (or one) and answering, with
 * the dossier's documents or new files (uploaded first through
 * `POST /api/office/v1/dossiers/:dossierId/documents` with category "message", then sent by
 * their ids; one not sent is removed here, or swept after a day), "handled" for the office, and
 * withdrawing a message sent in error.
 */
export const messageRoutes: FastifyPluginAsyncZod<{ deps: OfficeApiDeps }> = async (
  app,
  { deps },
) => {
  const documents = deps.documents;
  const { db } = documents;

  app.get(
    "/api/office/v1/messages",
    {
      schema: {
        tags,
        summary:
          "The inbox: clients' messages over all dossiers, unread first; by handler, dossier, read state, open or handled",
        querystring: officeInboxQuerySchema,
        response: { 200: officeInboxSchema, ...errors },
      },
    },
    async (request) => officeInbox(db, requireApiCaller(request).software, request.query),
  );

  app.get(
    "/api/office/v1/dossiers/:dossierId/messages",
    {
      schema: {
        tags,
        summary: "Every message of the dossier, both ways, withdrawn ones too, newest first",
        params: dossierParams,
        response: { 200: officeMessageListSchema, ...errors },
      },
    },
    async (request) => ({
      messages: await officeDossierMessages(
        db,
        requireApiCaller(request).software,
        request.params.dossierId,
      ),
    }),
  );

  app.get(
    "/api/office/v1/messages/:messageId",
    {
      schema: {
        tags,
        summary: "One message with its attachments",
        params: messageParams,
        response: { 200: officeMessageSchema, ...errors },
      },
    },
    async (request) =>
      officeMessage(db, requireApiCaller(request).software, request.params.messageId),
  );

  app.post(
    "/api/office/v1/dossiers/:dossierId/messages",
    {
      schema: {
        tags,
        summary:
          "Send a message to the dossier's clients (or, with clientId, one of them), with attachments",
        params: dossierParams,
        body: sendOfficeMessageSchema,
        response: { 201: officeMessageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { clientId, ...input } = request.body;
      const message = await sendOfficeMessage(
        documents,
        requireApiCaller(request).software,
        { dossierId: request.params.dossierId, clientId },
        input,
      );
      return reply.status(201).send(message);
    },
  );

  app.post(
    "/api/office/v1/messages/:messageId/replies",
    {
      schema: {
        tags,
        summary: "Answer a message: to the client whose conversation it is, with attachments",
        params: messageParams,
        body: sendMessageSchema,
        response: { 201: officeMessageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const message = await sendOfficeMessage(
        documents,
        requireApiCaller(request).software,
        { replyToMessageId: request.params.messageId },
        request.body,
      );
      return reply.status(201).send(message);
    },
  );

  for (const [method, handled, summary] of [
    ["POST", true, "Mark a client's message handled, for the whole office"],
    ["DELETE", false, "Open a handled message again"],
  ] as const) {
    app.route({
      method,
      url: "/api/office/v1/messages/:messageId/handled",
      schema: {
        tags,
        summary,
        params: messageParams,
        response: { 200: officeMessageSchema, ...errors },
      },
      handler: async (request) =>
        setOfficeMessageHandled(
          documents,
          requireApiCaller(request).software,
          request.params.messageId,
          handled,
        ),
    });
  }

  app.post(
    "/api/office/v1/messages/:messageId/withdraw",
    {
      schema: {
        tags,
        summary: "Withdraw a message the office sent in error: the clients no longer see it",
        params: messageParams,
        response: { 200: officeMessageSchema, ...errors },
      },
    },
    async (request) =>
      withdrawOfficeMessage(
        documents,
        requireApiCaller(request).software,
        request.params.messageId,
      ),
  );

  app.delete(
    "/api/office/v1/message-attachments/:documentId",
    {
      schema: {
        tags,
        summary: "Remove a new file uploaded for a message not yet sent",
        params: documentParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeOfficeDraftAttachment(
        documents,
        requireApiCaller(request).software,
        request.params.documentId,
      );
      return reply.status(204).send(null);
    },
  );
};
