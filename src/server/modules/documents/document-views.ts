import type { OfficeDocument, PortalDocument } from "#src/contracts/dossiers.ts";
import type { DocumentRow } from "./repository.ts";

export function toOfficeDocument(
  document: DocumentRow,
  addedBy: { name: string; kind: "client" | "staff" },
): OfficeDocument {
  return {
    id: document.id,
    category: document.category,
    title: document.title,
    fileName: document.fileName,
    contentType: document.contentType,
    size: document.size,
    state: document.state,
    publishedAt: document.publishedAt?.toISOString() ?? null,
    createdAt: document.createdAt.toISOString(),
    addedBy: { kind: addedBy.kind, name: addedBy.name },
    scan: document.scanStatus,
  };
}

export function toPortalDocument(
  document: DocumentRow,
  readAt: Date | null,
  addedByName: string,
): PortalDocument {
  return {
    id: document.id,
    title: document.title,
    fileName: document.fileName,
    contentType: document.contentType,
    size: document.size,
    date: (document.publishedAt ?? document.createdAt).toISOString(),
    read: readAt !== null,
    suppliedBy: document.category === "supplied" ? addedByName : null,
  };
}
