import type { FastifyReply } from "fastify";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
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

/**
 * Streams a document from the blob store with its real type and name, after auditing who
 * fetched it. Never cached: a later reader on the same computer must not find it.
 */
export async function sendDocumentContent(
  deps: DocumentsDeps,
  reply: FastifyReply,
  document: DocumentRow,
  disposition: Disposition,
  reader: { actor: AuditEvent["actor"]; ip: string },
) {
  const content = await deps.blobs.get(document.blobKey);
  await recordAuditEvent(deps.db, deps.clock, {
    actor: reader.actor,
    action: "document.downloaded",
    subject: { type: "document", id: document.id },
    ip: reader.ip,
    details: { dossierId: document.dossierId, disposition },
  });
  return reply
    .header("content-type", document.contentType)
    .header("content-length", document.size)
    .header("content-disposition", contentDisposition(disposition, document.fileName))
    .header("cache-control", "private, no-store")
    .send(content);
}
