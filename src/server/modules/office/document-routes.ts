import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import multipart, { type MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  documentContentQuerySchema,
  officeDocumentSchema,
  publishDocumentFieldsSchema,
} from "#src/contracts/dossiers.ts";
import { errorResponses } from "#src/contracts/error.ts";
import { AppError, validationFailed } from "#src/server/errors.ts";
import { requireStaff } from "../accounts/request-actors.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { sendDocumentContent } from "../documents/document-content.ts";
import {
  addOfficeDocument,
  requireOfficeDocument,
  setPublication,
} from "../documents/office-documents.ts";
import type { WaitingUpload } from "../documents/receive-upload.ts";
import { requireDossier } from "../dossiers/service.ts";

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 503);
const dossierParams = z.object({ dossierId: z.uuid() });
const documentParams = z.object({ documentId: z.uuid() });

/**
 * The form parser (busboy) throws plain errors, without a code, for a body it cannot read: no
 * boundary or a bad one, a part header it cannot parse, a form that breaks off. Those are the
 * client's fault and answer 400; any other error (ours, the disk's) stays what it is.
 */
function asMalformedForm(error: unknown): unknown {
  const fromFormParser = error instanceof Error && !("code" in error);
  return fromFormParser ? new AppError("malformed_request", [], { cause: error }) : error;
}

/** The form's file part, after the text fields that came before it. */
async function readFilePart(request: FastifyRequest): Promise<MultipartFile> {
  if (!request.isMultipart()) throw new AppError("unsupported_media_type");
  const part = await request.file().catch((error: unknown) => {
    throw asMalformedForm(error);
  });
  if (!part) {
    throw new AppError("validation_failed", [
      { path: "body.file", code: "required", message: "a file is required" },
    ]);
  }
  return part;
}

/** The text fields that came before the file in the form, checked against their contract. */
function fieldsOf(part: MultipartFile) {
  const values = Object.fromEntries(
    Object.entries(part.fields).flatMap(([name, field]) =>
      field && !Array.isArray(field) && field.type === "field" ? [[name, field.value]] : [],
    ),
  );
  const parsed = publishDocumentFieldsSchema.safeParse(values);
  if (!parsed.success) {
    throw validationFailed("body", parsed.error.issues);
  }
  return parsed.data;
}

/**
 * Whether the file part's stream was closed before its end. When the form breaks off (the body
 * ends without a valid closing boundary, or the uploader hangs up), busboy reports "Unexpected
 * end of multipart data" to @fastify/multipart, which destroys the file part's stream without
 * an error, often before the route has the part in hand; busboy then ends the destroyed stream.
 * `pipeline` reads such a stream, closed and ended, as one whose 'end' is still to come, and
 * waits for it forever: the request would never be answered.
 */
const closedBeforeItsEnd = (file: Readable) => file.destroyed && !file.readableEnded;

/** Streams the form's file to local disk, where the checks read it; over the limit: 413. */
async function saveFilePart(part: MultipartFile, directory: string): Promise<WaitingUpload> {
  await mkdir(directory, { recursive: true });
  // Checked, and watched, from the moment nothing is awaited any more before the writing: the
  // stream may close at any await before (the request's end comes while the route waits).
  if (closedBeforeItsEnd(part.file)) throw new AppError("malformed_request");
  const filePath = path.join(directory, randomUUID());
  // A file part closed while it is written: the writing stops (and the file goes) at once.
  const brokenOff = new AbortController();
  const onClose = () => {
    if (closedBeforeItsEnd(part.file)) brokenOff.abort();
  };
  part.file.once("close", onClose);
  try {
    await pipeline(part.file, createWriteStream(filePath), { signal: brokenOff.signal });
    if (part.file.truncated) throw new AppError("file_too_large");
  } catch (error) {
    await rm(filePath, { force: true });
    if (brokenOff.signal.aborted) throw new AppError("malformed_request", [], { cause: error });
    throw asMalformedForm(error);
  } finally {
    part.file.off("close", onClose);
  }
  // A part is a file by its content type too (application/octet-stream), with or without a
  // filename: without one, the file gets the name a nameless upload gets ("document").
  return { filePath, declaredName: part.filename ?? "" };
}

/** The office publishes letters and documents to a dossier's clients, and reads what they sent. */
export const documentRoutes: FastifyPluginAsyncZod<{ deps: DocumentsDeps }> = async (
  app,
  { deps },
) => {
  const tags = ["office: documents"];
  await app.register(multipart, {
    limits: { fileSize: deps.limits.maxFileBytes, files: 1, fields: 10, fieldSize: 1_000 },
  });

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
      const part = await readFilePart(request);
      const fields = fieldsOf(part);
      const upload = await saveFilePart(part, path.join(deps.uploadDir, "office"));
      const document = await addOfficeDocument(
        deps,
        staff,
        dossier,
        { category: fields.category, title: fields.title, publish: fields.publish === "true" },
        upload,
      );
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
    async (request, reply) => {
      const staff = requireStaff(request);
      const { document } = await requireOfficeDocument(deps.db, staff, request.params.documentId);
      return sendDocumentContent(deps, reply, document, request.query.disposition, {
        actor: { type: "staff", id: staff.account.id },
        ip: request.ip,
      });
    },
  );
};
