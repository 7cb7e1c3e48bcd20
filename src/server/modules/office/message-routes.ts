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
import { requireStaff } from "../accounts/request-actors.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { removeOfficeDraftAttachment } from "../documents/message-attachments.ts";
import {
  officeDossierMessages,
  officeInbox,
  officeMessage,
  sendOfficeMessage,
  setOfficeMessageHandled,
  setOfficeMessageRead,
  withdrawOfficeMessage,
} from "../messages/office-messages.ts";

const errors = errorResponses(400, 401, 403, 404, 409);
const dossierParams = z.object({ dossierId: z.uuid() });
const messageParams = z.object({ messageId: z.uuid() });
const documentParams = z.object({ documentId: z.uuid() });

/**
 * The back office's messages (B13): one inbox over the office's dossiers, a dossier's messages,
 * writing and answering with the dossier's documents or new files (uploaded first through
 * `POST /api/office/dossiers/:dossierId/documents` with category "message"), read state per
 * staff member, "handled" for the whole office, and withdrawing a message sent in error.
 */
export const officeMessageRoutes: FastifyPluginAsyncZod<{ deps: DocumentsDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["office: messages"];
  const { db } = deps;

  app.get(
    "/api/office/messages",
    {
      schema: {
        tags,
        summary:
          "The inbox: clients' messages over all dossiers, unread first; by handler, dossier, read state, open or handled",
        querystring: officeInboxQuerySchema,
        response: { 200: officeInboxSchema, ...errors },
      },
    },
    async (request) => officeInbox(db, requireStaff(request), request.query),
  );

  app.get(
    "/api/office/dossiers/:dossierId/messages",
    {
      schema: {
        tags,
        summary: "Every message of the dossier, both ways, withdrawn ones too, newest first",
        params: dossierParams,
        response: { 200: officeMessageListSchema, ...errors },
      },
    },
    async (request) => ({
      messages: await officeDossierMessages(db, requireStaff(request), request.params.dossierId),
    }),
  );

  app.get(
    "/api/office/messages/:messageId",
    {
      schema: {
        tags,
        summary: "One message with its attachments and this staff member's read state",
        params: messageParams,
        response: { 200: officeMessageSchema, ...errors },
      },
    },
    async (request) => officeMessage(db, requireStaff(request), request.params.messageId),
  );

  for (const [method, read] of [
    ["POST", true],
    ["DELETE", false],
  ] as const) {
    app.route({
      method,
      url: "/api/office/messages/:messageId/read",
      schema: {
        tags,
        summary: read
          ? "Mark a message read (for this staff member)"
          : "Mark a message unread again (for this staff member)",
        params: messageParams,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await setOfficeMessageRead(deps, requireStaff(request), request.params.messageId, read);
        return reply.status(204).send(null);
      },
    });
  }

  for (const [method, handled] of [
    ["POST", true],
    ["DELETE", false],
  ] as const) {
    app.route({
      method,
      url: "/api/office/messages/:messageId/handled",
      schema: {
        tags,
        summary: handled
          ? "Mark a client's message handled, for the whole office"
          : "Open a handled message again",
        params: messageParams,
        response: { 200: officeMessageSchema, ...errors },
      },
      handler: async (request) =>
        setOfficeMessageHandled(deps, requireStaff(request), request.params.messageId, handled),
    });
  }

  app.post(
    "/api/office/messages/:messageId/withdraw",
    {
      schema: {
        tags,
        summary: "Withdraw a message the office sent in error: the clients no longer see it",
        params: messageParams,
        response: { 200: officeMessageSchema, ...errors },
      },
    },
    async (request) => withdrawOfficeMessage(deps, requireStaff(request), request.params.messageId),
  );

  app.post(
    "/api/office/dossiers/:dossierId/messages",
    {
      schema: {
        tags,
        summary: "Send a message to the dossier's clients (or one of them), with attachments",
        params: dossierParams,
        body: sendOfficeMessageSchema,
        response: { 201: officeMessageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { clientId, ...input } = request.body;
      const message = await sendOfficeMessage(
        deps,
        requireStaff(request),
        { dossierId: request.params.dossierId, clientId },
        input,
      );
      return reply.status(201).send(message);
    },
  );

  app.post(
    "/api/office/messages/:messageId/replies",
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
        deps,
        requireStaff(request),
        { replyToMessageId: request.params.messageId },
        request.body,
      );
      return reply.status(201).send(message);
    },
  );

  app.delete(
    "/api/office/message-attachments/:documentId",
    {
      schema: {
        tags,
        summary: "Remove a new file from a message not yet sent",
        params: documentParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeOfficeDraftAttachment(deps, requireStaff(request), request.params.documentId);
      return reply.status(204).send(null);
    },
  );
};
