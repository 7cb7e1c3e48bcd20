import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { documentContentQuerySchema } from "#src/contracts/dossiers.ts";
import { errorResponses } from "#src/contracts/error.ts";
import {
  draftAttachmentListSchema,
  portalMessageListSchema,
  portalMessageSchema,
  sendMessageSchema,
} from "#src/contracts/messages.ts";
import { requireClient } from "../accounts/request-actors.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { sendDocumentContent } from "../documents/document-content.ts";
import {
  clientDraftAttachments,
  removeClientDraftAttachment,
} from "../documents/message-attachments.ts";
import {
  clientDossierMessages,
  clientMessage,
  markClientMessageRead,
  openClientMessageAttachment,
  sendClientMessage,
} from "../messages/client-messages.ts";

const errors = errorResponses(400, 401, 403, 404, 409);
const dossierParams = z.object({ dossierId: z.uuid() });
const messageParams = z.object({ messageId: z.uuid() });
const attachmentParams = z.object({ messageId: z.uuid(), documentId: z.uuid() });
const documentParams = z.object({ documentId: z.uuid() });

/**
 * The Berichten tab of the client's dossier (B9): the dossier's messages, reading one, a new
 * message and an answer with attachments. Files for a message are uploaded first with tus
 * (`purpose: message-attachment`) and wait as this login's drafts until the message is sent.
 * Anything the client does not see is "not found"; a sent message has no way to be changed.
 */
export const portalMessageRoutes: FastifyPluginAsyncZod<{ deps: DocumentsDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["portal: messages"];
  const { db } = deps;

  app.get(
    "/api/portal/dossiers/:dossierId/messages",
    {
      schema: {
        tags,
        summary: "The dossier's messages, incoming and outgoing, newest first",
        params: dossierParams,
        response: { 200: portalMessageListSchema, ...errors },
      },
    },
    async (request) => ({
      messages: await clientDossierMessages(db, requireClient(request), request.params.dossierId),
    }),
  );

  app.get(
    "/api/portal/messages/:messageId",
    {
      schema: {
        tags,
        summary: "One message with its attachments",
        params: messageParams,
        response: { 200: portalMessageSchema, ...errors },
      },
    },
    async (request) => clientMessage(db, requireClient(request), request.params.messageId),
  );

  app.post(
    "/api/portal/messages/:messageId/read",
    {
      schema: {
        tags,
        summary: "Mark a message read (for this login)",
        params: messageParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await markClientMessageRead(deps, requireClient(request), request.params.messageId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/portal/dossiers/:dossierId/messages",
    {
      schema: {
        tags,
        summary: "Nieuw bericht: send a message to the office, with this login's draft attachments",
        params: dossierParams,
        body: sendMessageSchema,
        response: { 201: portalMessageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const message = await sendClientMessage(
        deps,
        requireClient(request),
        { dossierId: request.params.dossierId },
        request.body,
      );
      return reply.status(201).send(message);
    },
  );

  app.post(
    "/api/portal/messages/:messageId/replies",
    {
      schema: {
        tags,
        summary: "Beantwoorden: answer a message, with this login's draft attachments",
        params: messageParams,
        body: sendMessageSchema,
        response: { 201: portalMessageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const message = await sendClientMessage(
        deps,
        requireClient(request),
        { replyToMessageId: request.params.messageId },
        request.body,
      );
      return reply.status(201).send(message);
    },
  );

  app.get(
    "/api/portal/messages/:messageId/attachments/:documentId/content",
    {
      schema: {
        tags,
        summary: "Download (or open) an attachment of a message; the message counts as read",
        params: attachmentParams,
        querystring: documentContentQuerySchema,
        response: errors,
      },
    },
    async (request, reply) => {
      const client = requireClient(request);
      const { messageId, documentId } = request.params;
      const document = await openClientMessageAttachment(deps, client, messageId, documentId);
      return sendDocumentContent(deps, reply, document, request.query.disposition, {
        actor: { type: "client", id: client.account.id },
        ip: request.ip,
      });
    },
  );

  app.get(
    "/api/portal/dossiers/:dossierId/message-attachments",
    {
      schema: {
        tags,
        summary: "The files this login uploaded for a message in the dossier, not yet sent",
        params: dossierParams,
        response: { 200: draftAttachmentListSchema, ...errors },
      },
    },
    async (request) => ({
      attachments: await clientDraftAttachments(
        db,
        requireClient(request),
        request.params.dossierId,
      ),
    }),
  );

  app.delete(
    "/api/portal/message-attachments/:documentId",
    {
      schema: {
        tags,
        summary: "Remove a file from the message being written (only before it is sent)",
        params: documentParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeClientDraftAttachment(deps, requireClient(request), request.params.documentId);
      return reply.status(204).send(null);
    },
  );
};
