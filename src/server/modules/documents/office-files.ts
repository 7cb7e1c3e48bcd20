import path from "node:path";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { OfficeDocument } from "#src/contracts/dossiers.ts";
import { publishDocumentFieldsSchema } from "#src/contracts/dossiers.ts";
import { validationFailed } from "#src/server/errors.ts";
import type { StaffActor } from "../accounts/request-actors.ts";
import type { DossierRef } from "../dossiers/service.ts";
import type { DocumentsDeps } from "./deps.ts";
import { type Disposition, sendDocumentContent } from "./document-content.ts";
import { formFields, readFilePart, saveFilePart } from "./multipart-upload.ts";
import { addOfficeDocument, requireOfficeDocument } from "./office-documents.ts";

/*
 * The office's files over HTTP, for both of its audiences: staff in the back office and the
 * office's practice software by the office API (issue 16) upload and download the same way,
 * with the same checks, so neither can do what the other may not.
 */

/** What @fastify/multipart may accept of an office upload form: one file and a few fields. */
export function officeUploadLimits(deps: DocumentsDeps) {
  return { fileSize: deps.limits.maxFileBytes, files: 1, fields: 10, fieldSize: 1_000 };
}

/** The text fields that came before the file in the form, checked against their contract. */
function fieldsOf(part: MultipartFile) {
  const parsed = publishDocumentFieldsSchema.safeParse(formFields(part));
  if (!parsed.success) {
    throw validationFailed("body", parsed.error.issues);
  }
  return parsed.data;
}

/**
 * An office upload form (category, title, publish, then the file) into the dossier: streamed to
 * disk, then checked (size, type by content, virus scan) by `addOfficeDocument`. The caller has
 * looked the dossier up in the office's scope before, so a wrong dossier costs no disk.
 */
export async function uploadOfficeDocument(
  deps: DocumentsDeps,
  staff: StaffActor,
  dossier: DossierRef,
  request: FastifyRequest,
): Promise<OfficeDocument> {
  const part = await readFilePart(request);
  const fields = fieldsOf(part);
  const upload = await saveFilePart(part, path.join(deps.uploadDir, "office"), deps.uploadRefusals);
  return addOfficeDocument(
    deps,
    staff,
    dossier,
    { category: fields.category, title: fields.title, publish: fields.publish === "true" },
    upload,
  );
}

/** How a request reads a document: opened or downloaded, from where, and which bytes. */
export interface DocumentRead {
  disposition: Disposition;
  ip: string;
  range: string | undefined;
}

/** The document read a download route's request asks for (`documentContentQuerySchema`). */
export function documentReadOf(request: {
  query: { disposition: Disposition };
  ip: string;
  headers: { range?: string | undefined };
}): DocumentRead {
  return { disposition: request.query.disposition, ip: request.ip, range: request.headers.range };
}

/** Streams a document of the office's dossiers (not found for another office's), audited. */
export async function sendOfficeDocument(
  deps: DocumentsDeps,
  reply: FastifyReply,
  staff: StaffActor,
  documentId: string,
  read: DocumentRead,
) {
  const { document } = await requireOfficeDocument(deps.db, staff, documentId);
  return sendDocumentContent(deps, reply, document, read.disposition, {
    actor: { type: "staff", id: staff.account.id },
    ip: read.ip,
    range: read.range,
  });
}
