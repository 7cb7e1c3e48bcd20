import { z } from "zod";
import { officeApi } from "#src/contracts/api/office.ts";
import type { OfficeDocument } from "#src/contracts/dossiers.ts";
import { ApiError, currentCsrfToken } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";

/** The error body, read leniently: a refusal by a proxy or the body limit may lack details. */
const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .default([]),
  }),
});

export interface PublishFields {
  /** "message": a new attachment of a message still to be sent, a draft until it goes. */
  category: "correspondence" | "documents" | "message";
  title: string;
  /** Publish at once; otherwise the document stays a draft. */
  publish: boolean;
}

/**
 * Sends one document of the office to a dossier as multipart/form-data. The text fields go
 * first and the file last, because the server streams the file and reads the fields before it.
 * Throws an `ApiError` with the server's message (in the user's language) when refused.
 */
export async function uploadDossierDocument(
  dossierId: string,
  fields: PublishFields,
  file: File,
): Promise<OfficeDocument> {
  const form = new FormData();
  form.append("category", fields.category);
  form.append("title", fields.title);
  form.append("publish", fields.publish ? "true" : "false");
  form.append("file", file, file.name);
  const path = pathOf(officeApi.addDocument, { params: { dossierId } });
  const response = await fetch(path, {
    method: "POST",
    headers: { accept: "application/json", "x-csrf-token": await currentCsrfToken() },
    body: form,
    credentials: "same-origin",
  });
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(data);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(response.status, "unknown", `${path} answered ${response.status}`);
  }
  return officeApi.addDocument.response.parse(data);
}
