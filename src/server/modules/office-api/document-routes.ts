import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  documentContentQuerySchema,
  officeDocumentListSchema,
  officeDocumentSchema,
} from "#src/contracts/dossiers.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { listOfficeDossierDocuments, setPublication } from "../documents/office-documents.ts";
import {
  documentReadOf,
  officeUploadLimits,
  sendOfficeDocument,
  uploadOfficeDocument,
} from "../documents/office-files.ts";
import { requireDossier } from "../dossiers/service.ts";
import { requireApiCaller } from "./api-actor.ts";
import type { OfficeApiDeps } from "./deps.ts";

const errors = errorResponses(400, 401, 403, 404, 409, 422, 429);
/** An upload may also be too large, of a type not allowed, or wait on a scanner that is down. */
const uploadErrors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503);
const dossierParams = z.object({ dossierId: z.uuid() });
const documentParams = z.object({ documentId: z.uuid() });
const tags = ["office API: documents"];

/**
 * Documents by the office API: the practice software uploads a letter or document to a dossier
 * (the staff upload form, with its checks: size, type by content, virus scan), publishes it to
 * the dossier's clients or withdraws it, lists the dossier's documents (the clients' supplied
 * ones too) and downloads any of them. A file for a message is uploaded here with category
 * "message" and sent by its id with the message.
 */
export const documentRoutes: FastifyPluginAsyncZod<{ deps: OfficeApiDeps }> = async (
  app,
  { deps },
) => {
  const documents = deps.documents;
  await app.register(multipart, { limits: officeUploadLimits(documents) });

  app.post(
    "/api/office/v1/dossiers/:dossierId/documents",
    {
      schema: {
        tags,
        summary:
          "Upload a letter or document (multipart: category, title, publish, then the file), published at once or as a draft",
        consumes: ["multipart/form-data"],
        params: dossierParams,
        response: { 201: officeDocumentSchema, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const { software } = requireApiCaller(request);
      // Before a byte of the body is read: another office's dossier must not cost any disk.
      const dossier = await requireDossier(documents.db, software.scope, request.params.dossierId);
      const document = await uploadOfficeDocument(documents, software, dossier, request);
      return reply.status(201).send(document);
    },
  );

  app.get(
    "/api/office/v1/dossiers/:dossierId/documents",
    {
      schema: {
        tags,
        summary:
          "The dossier's documents: drafts, published, withdrawn, and what the clients supplied",
        params: dossierParams,
        response: { 200: officeDocumentListSchema, ...errors },
      },
    },
    async (request) => {
      const { software } = requireApiCaller(request);
      const dossier = await requireDossier(documents.db, software.scope, request.params.dossierId);
      return { documents: await listOfficeDossierDocuments(documents.db, dossier) };
    },
  );

  for (const [action, state, summary] of [
    ["publish", "published", "Publish a draft or withdrawn document to the dossier's clients"],
    ["unpublish", "unpublished", "Withdraw a published document from the portal (kept here)"],
  ] as const) {
    app.post(
      `/api/office/v1/documents/:documentId/${action}`,
      {
        schema: {
          tags,
          summary,
          params: documentParams,
          response: { 200: officeDocumentSchema, ...errors },
        },
      },
      async (request) =>
        setPublication(
          documents,
          requireApiCaller(request).software,
          request.params.documentId,
          state,
        ),
    );
  }

  app.get(
    "/api/office/v1/documents/:documentId/content",
    {
      schema: {
        tags,
        summary: "Download a document of the office's dossiers, with its own type and file name",
        params: documentParams,
        querystring: documentContentQuerySchema,
        response: errors,
      },
    },
    async (request, reply) =>
      sendOfficeDocument(
        documents,
        reply,
        requireApiCaller(request).software,
        request.params.documentId,
        documentReadOf(request),
      ),
  );
};
