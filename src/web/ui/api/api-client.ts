import type { z } from "zod";
import type { SessionState } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import type {
  BodyInput,
  Endpoint,
  HttpMethod,
  ResponseOutput,
} from "#src/contracts/api/endpoint.ts";
import { errorResponseSchema } from "#src/contracts/error.ts";
import { buildPath, type OptionalWhenEmpty, type PathParts } from "./endpoint-path.ts";

export interface ApiErrorDetail {
  path: string;
  code: string;
  message: string;
}

/** An error answer of the API; `message` is already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The CSRF token of the last session answer; it changes with the session (after login). */
let csrfToken: string | undefined;
/** The session request under way, if any: the newest one started. */
let sessionUnderWay: Promise<SessionState> | undefined;

/** Who is logged in, and a fresh CSRF token for the requests that follow. */
export function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  const request = callApi(accountApi.session, { signal }).then((session) => {
    // An older answer that arrives late does not overwrite a newer one's token.
    if (sessionUnderWay === request) csrfToken = session.csrfToken;
    return session;
  });
  sessionUnderWay = request;
  const settled = () => {
    if (sessionUnderWay === request) sessionUnderWay = undefined;
  };
  request.then(settled, settled);
  return request;
}

/** Forgets the CSRF token, e.g. after logout, so the next change asks for a new one. */
export function forgetCsrfToken(): void {
  csrfToken = undefined;
}

/**
 * The CSRF token for state-changing requests, fetched with the session when this page has
 * none yet; for requests not made through `callApi`, e.g. the tus and multipart uploads.
 * A session request already under way (the page's own, on loading) is waited for rather than
 * doubled: a browser without a token cookie yet gets a new token from each, keeps the cookie
 * of whichever answer comes last, and a change sent with the other token would be refused.
 */
export async function currentCsrfToken(signal?: AbortSignal): Promise<string> {
  if (!csrfToken && sessionUnderWay) await sessionUnderWay.catch(() => undefined);
  if (!csrfToken) await fetchSession(signal);
  return csrfToken ?? "";
}

const changesState = (method: string) => method !== "GET" && method !== "HEAD";

/** The options of `callApi`: where the call goes, its body when its contract has one. */
export type CallOptions<E extends Endpoint> = PathParts<E> &
  (E extends { body: z.ZodType } ? { body: BodyInput<E> } : { body?: undefined }) & {
    signal?: AbortSignal;
  };

/**
 * One call of an endpoint of `src/contracts/api`, its answer checked against the endpoint's
 * contract. Throws an `ApiError` for every error answer.
 */
export async function callApi<E extends Endpoint>(
  endpoint: E,
  ...[options]: OptionalWhenEmpty<CallOptions<E>>
): Promise<ResponseOutput<E>> {
  const answer = await apiRequest(endpoint.method, buildPath(endpoint, options), {
    body: options?.body,
    signal: options?.signal,
  });
  return (endpoint.response ? endpoint.response.parse(answer) : answer) as ResponseOutput<E>;
}

/**
 * One request with JSON in and out, to an address built from an endpoint (see `callApi`).
 * State-changing calls carry the CSRF token, fetched first when this page has none yet.
 * Throws an `ApiError` for every error answer.
 */
export async function apiRequest(
  method: HttpMethod,
  path: string,
  options: { body?: unknown; signal?: AbortSignal } = {},
): Promise<unknown> {
  try {
    return await sendOnce(method, path, options);
  } catch (error) {
    // The session changed since this page fetched its token (e.g. a login in another tab).
    // The server refused the change before acting on it, so it is sent once more with the
    // token of the session as it is now.
    if (!(error instanceof ApiError && error.code === "csrf_failed")) throw error;
    forgetCsrfToken();
    return sendOnce(method, path, options);
  }
}

async function sendOnce(
  method: HttpMethod,
  path: string,
  options: { body?: unknown; signal?: AbortSignal },
): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (changesState(method)) {
    const token = await currentCsrfToken(options.signal);
    if (token) headers["x-csrf-token"] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: "same-origin",
    signal: options.signal,
  });
  if (response.status === 204) return null;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const parsed = errorResponseSchema.safeParse(data);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(response.status, "unknown", `${path} answered ${response.status}`);
  }
  return data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The text to show for any failure: the server's message, or a general one. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.code !== "unknown" ? error.message : fallback;
}
