import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  documentCategoryQuerySchema,
  documentContentQuerySchema,
  portalDocumentListSchema,
  portalDossierListSchema,
  portalDossierQuerySchema,
  portalDossierSchema,
  portalOverviewSchema,
} from "#src/contracts/dossiers.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { allowedDocumentTypes } from "#src/server/platform/files/content-type.ts";
import { requireClient } from "../accounts/request-actors.ts";
import { openActionsCount } from "../actions/client-actions.ts";
import {
  clientDossierDocuments,
  documentTabCounts,
  markRead,
  remainingSupplies,
  requireClientDocument,
  unreadByDossier,
  unreadDocumentsTotal,
} from "../documents/client-documents.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { sendDocumentContent } from "../documents/document-content.ts";
import { statusOf } from "../dossiers/dossier-status.ts";
import {
  clientDossierCounts,
  clientDossierList,
  progressOf,
  requireDossier,
} from "../dossiers/service.ts";
import {
  messageTabCounts,
  unreadMessagesByDossier,
  unreadMessagesTotal,
} from "../messages/client-messages.ts";
import { leavesPortalOn } from "../retention/dossier-retention.ts";

const errors = errorResponses(401, 403, 404, 409);
const dossierParams = z.object({ dossierId: z.uuid() });
const documentParams = z.object({ documentId: z.uuid() });

/**
 * The client portal's dossiers (B3–B8): only ever the dossiers shared with the logged-in
 * client, of its own office; anything else is "not found", never "forbidden", so ids reveal
 * nothing.
 */
export const portalRoutes: FastifyPluginAsyncZod<{ deps: DocumentsDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["portal: dossiers"];
  const { db } = deps;

  app.get(
    "/api/portal/overview",
    {
      schema: {
        tags,
        summary: "Home: the counts on the tiles",
        response: { 200: portalOverviewSchema, ...errors },
      },
    },
    async (request) => {
      const client = requireClient(request);
      const [dossiers, documents, messages, openActions] = await Promise.all([
        clientDossierCounts(deps, client),
        unreadDocumentsTotal(db, client),
        unreadMessagesTotal(db, client),
        openActionsCount(db, client),
      ]);
      return {
        dossiers,
        actions: { open: openActions },
        unread: { documents, messages },
      };
    },
  );

  app.get(
    "/api/portal/dossiers",
    {
      schema: {
        tags,
        summary: "The client's dossiers, searched by number or description, filtered by status",
        querystring: portalDossierQuerySchema,
        response: { 200: portalDossierListSchema, ...errors },
      },
    },
    async (request) => {
      const client = requireClient(request);
      const list = await clientDossierList(deps, client, request.query);
      const dossierIds = list.dossiers.map((dossier) => dossier.id);
      // "Ongelezen": the documents and the messages this login has not read.
      const [documents, messages] = await Promise.all([
        unreadByDossier(db, client, dossierIds),
        unreadMessagesByDossier(db, client, dossierIds),
      ]);
      return {
        statuses: list.statuses,
        dossiers: list.dossiers.map((dossier) => ({
          ...dossier,
          unread: (documents.get(dossier.id) ?? 0) + (messages.get(dossier.id) ?? 0),
        })),
      };
    },
  );

  app.get(
    "/api/portal/dossiers/:dossierId",
    {
      schema: {
        tags,
        summary: "A dossier: progress, and per tab the number of items and unread items",
        params: dossierParams,
        response: { 200: portalDossierSchema, ...errors },
      },
    },
    async (request) => {
      const client = requireClient(request);
      const dossier = await requireDossier(db, client.scope, request.params.dossierId);
      const [progress, tabs, messages, remainingFiles, leaving] = await Promise.all([
        progressOf(db, dossier),
        documentTabCounts(db, client, dossier.id),
        messageTabCounts(db, client, dossier),
        remainingSupplies(deps, client, dossier),
        leavesPortalOn(deps, dossier),
      ]);
      return {
        id: dossier.id,
        number: dossier.number,
        description: dossier.description,
        status: statusOf(dossier),
        officeName: dossier.officeName,
        handlerName: dossier.handlerName,
        progress,
        tabs: { ...tabs, messages },
        uploads: {
          maxFileBytes: deps.limits.maxFileBytes,
          remainingFiles,
          extensions: [...new Set(allowedDocumentTypes.flatMap((type) => type.extensions))],
        },
        leavesPortalOn: leaving,
      };
    },
  );

  app.get(
    "/api/portal/dossiers/:dossierId/documents",
    {
      schema: {
        tags,
        summary: "The documents of one tab of the dossier",
        params: dossierParams,
        querystring: documentCategoryQuerySchema,
        response: { 200: portalDocumentListSchema, ...errors },
      },
    },
    async (request) => ({
      documents: await clientDossierDocuments(
        db,
        requireClient(request),
        request.params.dossierId,
        request.query.category,
      ),
    }),
  );

  app.post(
    "/api/portal/documents/:documentId/read",
    {
      schema: {
        tags,
        summary: "Mark a document read",
        params: documentParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await markRead(deps, requireClient(request), request.params.documentId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/portal/documents/:documentId/content",
    {
      schema: {
        tags,
        summary: "Download (or open) a document; it counts as read",
        params: documentParams,
        querystring: documentContentQuerySchema,
        response: errors,
      },
    },
    async (request, reply) => {
      const client = requireClient(request);
      const document = await requireClientDocument(db, client, request.params.documentId);
      await markRead(deps, client, document.id);
      return sendDocumentContent(deps, reply, document, request.query.disposition, {
        actor: { type: "client", id: client.account.id },
        ip: request.ip,
        range: request.headers.range,
      });
    },
  );
};
