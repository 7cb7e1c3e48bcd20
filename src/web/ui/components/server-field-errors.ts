import type { ApiError } from "../api/api-client.ts";

/**
 * The messages of a refused request per field of the form, from the details of
 * `validation_failed` (paths like `body.email`); the fields the form does not have are left out.
 */
export function serverFieldErrors<Field extends string>(
  error: ApiError | undefined,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  for (const detail of error?.details ?? []) {
    const field = detail.path.replace(/^body\./, "").split(".")[0] as Field;
    if (fields.includes(field) && !found[field]) found[field] = detail.message;
  }
  return found;
}
