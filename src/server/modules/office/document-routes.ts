import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { documentContentQuerySchema, officeDocumentSchema } from "#src/contracts/dossiers.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { requireStaff } from "../accounts/request-actors.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { setPublication } from "../documents/office-documents.ts";
import {
  documentReadOf,
  officeUploadLimits,
  sendOfficeDocument,
  uploadOfficeDocument,
} from "../documents/office-files.ts";
import { requireDossier } from "../dossiers/service.ts";

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 503);
const dossierParams = z.object({ dossierId: z.uuid() });
const documentParams = z.object({ documentId: z.uuid() });

/** The office publishes letters and documents to a dossier's clients, and reads what they sent. */
export const documentRoutes: FastifyPluginAsyncZod<{ deps: DocumentsDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["office: documents"];
  await app.register(multipart, { limits: officeUploadLimits(deps) });

  app.post(
    "/api/office/dossiers/:dossierId/documents",
    {
      schema: {
        tags,
        summary: "Add a letter or document (multipart: category, title, publish, then file)",
        consumes: ["multipart/form-data"],
        params: dossierParams,
        response: { 201: officeDocumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      // Before a byte of the body is read: a dossier the staff member cannot see (unknown, or
      // another office's) must not cost any disk.
      const dossier = await requireDossier(deps.db, staff.scope, request.params.dossierId);
      const document = await uploadOfficeDocument(deps, staff, dossier, request);
      return reply.status(201).send(document);
    },
  );

  const publicationOf = { publish: "published", unpublish: "unpublished" } as const;
  for (const action of ["publish", "unpublish"] as const) {
    app.post(
      `/api/office/documents/:documentId/${action}`,
      {
        schema: {
          tags,
          summary:
            action === "publish"
              ? "Publish a draft or withdrawn document to the dossier's clients"
              : "Withdraw a published document from the portal",
          params: documentParams,
          response: { 200: officeDocumentSchema, ...errors },
        },
      },
      async (request) =>
        setPublication(
          deps,
          requireStaff(request),
          request.params.documentId,
          publicationOf[action],
        ),
    );
  }

  app.get(
    "/api/office/documents/:documentId/content",
    {
      schema: {
        tags,
        summary: "Download (or open) a document of the office's dossiers",
        params: documentParams,
        querystring: documentContentQuerySchema,
        response: errors,
      },
    },
    async (request, reply) =>
      sendOfficeDocument(
        deps,
        reply,
        requireStaff(request),
        request.params.documentId,
        documentReadOf(request),
      ),
  );
};
