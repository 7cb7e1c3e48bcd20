import type { ApiError } from "#src/web/ui/api/api-client.ts";

/** Which fields of a form are wrong, by field name. */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** The fields a contract's issues point at, e.g. `["number"]` → "number". */
export function fieldsOfIssues<Field extends string>(
  issues: readonly { path: readonly PropertyKey[] }[],
  fields: readonly Field[],
): Field[] {
  const found = issues
    .map((issue) => String(issue.path[0] ?? ""))
    .filter((path): path is Field => (fields as readonly string[]).includes(path));
  return [...new Set(found)];
}

/**
 * The fields an API refusal points at: the details of `validation_failed` name them as
 * `body.number`, `body.clientIds.3` and so on.
 */
export function fieldsOfApiError<Field extends string>(
  error: ApiError,
  fields: readonly Field[],
): Field[] {
  const found = error.details
    .map((detail) => detail.path.replace(/^body\./, "").split(".")[0] ?? "")
    .filter((path): path is Field => (fields as readonly string[]).includes(path));
  return [...new Set(found)];
}
