import { eherkenningApplyApi } from "#src/contracts/api/eherkenning-apply.ts";
import type { ApplicationAttachment, IdCopyFields } from "#src/contracts/eherkenning/wizard.ts";
import { errorResponseSchema } from "#src/contracts/error.ts";
import { ApiError, currentCsrfToken } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";

/**
 * Sends the copy of the user's ID as multipart/form-data: the text fields first and the file
 * last, because the server reads the fields before it streams the file. Throws an `ApiError`
 * with the server's message (in the user's language) when refused.
 */
export async function uploadIdCopy(
  fields: IdCopyFields,
  file: File,
): Promise<ApplicationAttachment> {
  const form = new FormData();
  form.append("documentType", fields.documentType);
  form.append("expiresOn", fields.expiresOn);
  form.append("file", file, file.name);
  const path = pathOf(eherkenningApplyApi.addIdCopy);
  const response = await fetch(path, {
    method: "POST",
    headers: { accept: "application/json", "x-csrf-token": await currentCsrfToken() },
    body: form,
    credentials: "same-origin",
  });
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorResponseSchema.safeParse(data);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details);
    }
    // A refusal before Poort read the body (a proxy's size limit) has no error body of ours.
    throw new ApiError(response.status, response.status === 413 ? "file_too_large" : "unknown", "");
  }
  return eherkenningApplyApi.addIdCopy.response.parse(data);
}
