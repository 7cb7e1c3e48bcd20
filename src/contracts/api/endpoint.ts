import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API call: its method, its path exactly as the server registers it (`:name` marks a
 * parameter), and the contracts of its query string, JSON body and JSON answer. An endpoint
 * without `response` answers something else than JSON: a file, a page, the tus protocol.
 */
export interface Endpoint {
  readonly method: HttpMethod;
  readonly path: string;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
}

/** Keeps the literal method and path of a definition, so its parameters are known by type. */
export function defineEndpoint<const E extends Endpoint>(endpoint: E): E {
  return endpoint;
}

/** The names of the `:name` parameters of a path template. */
export type PathParamName<Path extends string> =
  Path extends `${string}:${infer Name}/${infer Rest}`
    ? Name | PathParamName<Rest>
    : Path extends `${string}:${infer Name}`
      ? Name
      : never;

/** The values of an endpoint's path parameters, before encoding. */
export type PathParams<E extends Endpoint> = { [Name in PathParamName<E["path"]>]: string };

/** What the caller puts in the query string: the input of its contract. */
export type QueryInput<E extends Endpoint> = E extends { query: infer Q extends z.ZodType }
  ? z.input<Q>
  : never;

/** What the caller sends as the body: the input of its contract (defaults may be left out). */
export type BodyInput<E extends Endpoint> = E extends { body: infer B extends z.ZodType }
  ? z.input<B>
  : never;

/** The answer once checked against its contract. */
export type ResponseOutput<E extends Endpoint> = E extends { response: infer R extends z.ZodType }
  ? z.output<R>
  : unknown;
