import type { FastifyReply } from "fastify";
import { errorBody } from "#src/server/error-answers.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import { requestedPart } from "./byte-range.ts";
import type { DocumentsDeps } from "./deps.ts";
import type { DocumentRow } from "./repository.ts";

export type Disposition = "attachment" | "inline";

/**
 * The Content-Disposition header with the file's own name: an ASCII fallback for old clients
 * and the exact UTF-8 name (RFC 6266 / RFC 8187) for the rest.
 */
export function contentDisposition(disposition: Disposition, fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Who reads a document, from where, and the Range header of the request, if any. */
export interface DocumentReader {
  actor: AuditEvent["actor"];
  ip: string;
  range?: string | undefined;
}

/**
 * Streams a document from the blob store with its real type and name, after auditing who
 * fetched it; a request for one byte range (a PDF viewer, a resumed download) gets just those
 * bytes, and only those chunks are read and opened in the store. A read that includes the
 * first byte is audited, so every reading of a whole document is, without one event per range
 * a viewer asks for. Never cached: a later reader on the same computer must not find it.
 */
export async function sendDocumentContent(
  deps: DocumentsDeps,
  reply: FastifyReply,
  document: DocumentRow,
  disposition: Disposition,
  reader: DocumentReader,
) {
  const part = requestedPart(reader.range, document.size);
  reply
    .header("accept-ranges", "bytes")
    .header("content-disposition", contentDisposition(disposition, document.fileName))
    .header("cache-control", "private, no-store");
  if (part.kind === "unsatisfiable") {
    return reply
      .code(416)
      .header("content-range", `bytes */${document.size}`)
      .send(errorBody(reply.request, new AppError("range_not_satisfiable")));
  }
  const range = part.kind === "range" ? part.range : undefined;
  const content = await deps.blobs.get(document.blobKey, range);
  if (!range || range.start === 0) {
    await recordAuditEvent(deps.db, deps.clock, {
      actor: reader.actor,
      action: "document.downloaded",
      subject: { type: "document", id: document.id },
      ip: reader.ip,
      details: { dossierId: document.dossierId, disposition },
      officeId: document.officeId,
    });
  }
  reply.header("content-type", document.contentType);
  if (!range) return reply.header("content-length", document.size).send(content);
  return reply
    .code(206)
    .header("content-range", `bytes ${range.start}-${range.end}/${document.size}`)
    .header("content-length", range.end - range.start + 1)
    .send(content);
}
