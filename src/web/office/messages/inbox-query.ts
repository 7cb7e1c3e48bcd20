import type { QueryInput } from "#src/contracts/api/endpoint.ts";
import type { officeApi } from "#src/contracts/api/office.ts";

/** The inbox's filters and page, as kept in the browser's query string. */
export interface InboxQuery {
  /** A handler's id, "none" for dossiers without one, or "" for all. */
  handler: string;
  /** A dossier's id, or "" for all. */
  dossierId: string;
  read: "" | "read" | "unread";
  state: "" | "open" | "handled";
  page: number;
}

export const inboxPageSize = 25;

const oneOf = <T extends string>(value: string | null, options: readonly T[]): T | "" =>
  options.find((option) => option === value) ?? "";

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the inbox's state from the page's query string; anything odd falls back to a default. */
export function readInboxQuery(params: URLSearchParams): InboxQuery {
  const page = Number.parseInt(params.get("page") ?? "", 10);
  const handler = params.get("handler") ?? "";
  const dossierId = params.get("dossierId") ?? "";
  return {
    handler: handler === "none" || uuidLike.test(handler) ? handler : "",
    dossierId: uuidLike.test(dossierId) ? dossierId : "",
    read: oneOf(params.get("read"), ["read", "unread"] as const),
    state: oneOf(params.get("state"), ["open", "handled"] as const),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The page's query string for this state: only what differs from the defaults. */
export function writeInboxQuery(query: InboxQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.handler) params.set("handler", query.handler);
  if (query.dossierId) params.set("dossierId", query.dossierId);
  if (query.read) params.set("read", query.read);
  if (query.state) params.set("state", query.state);
  if (query.page > 1) params.set("page", String(query.page));
  return params;
}

/** The API's query for this state of the inbox, 25 messages to a page. */
export function inboxApiQuery(query: InboxQuery): QueryInput<typeof officeApi.inbox> {
  return {
    handler: query.handler || undefined,
    dossierId: query.dossierId || undefined,
    read: query.read || undefined,
    state: query.state || undefined,
    page: query.page,
    pageSize: inboxPageSize,
  };
}
