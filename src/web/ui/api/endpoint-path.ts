import type { z } from "zod";
import type {
  Endpoint,
  PathParamName,
  PathParams,
  QueryInput,
} from "#src/contracts/api/endpoint.ts";

/** The arguments after the endpoint: optional when nothing in them is required. */
export type OptionalWhenEmpty<Options> =
  Partial<Options> extends Options ? [options?: Options] : [options: Options];

/** An object type with its key optional when nothing in its value is required. */
type OptionalKeyWhenEmpty<Key extends string, Value> =
  Partial<Value> extends Value ? { [K in Key]?: Value } : { [K in Key]: Value };

/**
 * Where a call goes: the values of the path's parameters, when it has any, and the query,
 * when its contract takes one (required when the contract requires a value in it).
 */
export type PathParts<E extends Endpoint> = ([PathParamName<E["path"]>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<E> }) &
  (E extends { query: z.ZodType }
    ? OptionalKeyWhenEmpty<"query", QueryInput<E>>
    : { query?: undefined });

/**
 * The address of an endpoint: its parameters encoded into the path, and its query string with
 * the values that are set, in the order given (`URLSearchParams` encoding).
 */
export function pathOf<E extends Endpoint>(
  endpoint: E,
  ...[parts]: OptionalWhenEmpty<PathParts<E>>
): string {
  return buildPath(endpoint, parts);
}

/** `pathOf` for callers that hold the parts in a wider type, such as `callApi`'s options. */
export function buildPath(
  endpoint: Endpoint,
  parts: { params?: Record<string, string>; query?: object } | undefined,
): string {
  const path = endpoint.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = parts?.params?.[name];
    if (value === undefined) throw new Error(`${endpoint.path} needs the parameter "${name}"`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parts?.query ?? {})) {
    if (value !== undefined) query.set(name, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
