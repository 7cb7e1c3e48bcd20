import type { QueryInput } from "#src/contracts/api/endpoint.ts";
import type { officeApi } from "#src/contracts/api/office.ts";

/** The dossier list's search, filters and page, as kept in the browser's query string. */
export interface DossierListQuery {
  q: string;
  /** A status key, or "" for all statuses. */
  status: string;
  /** A handler's id, "none" for dossiers without one, or "" for all. */
  handler: string;
  page: number;
}

export const dossierPageSize = 25;

/** Reads the list's state from the page's query string; anything odd falls back to a default. */
export function readDossierQuery(params: URLSearchParams): DossierListQuery {
  const page = Number.parseInt(params.get("page") ?? "", 10);
  return {
    q: (params.get("q") ?? "").trim(),
    status: params.get("status") ?? "",
    handler: params.get("handler") ?? "",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The page's query string for this state: only what differs from the defaults. */
export function writeDossierQuery(query: DossierListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set("q", query.q.trim());
  if (query.status) params.set("status", query.status);
  if (query.handler) params.set("handler", query.handler);
  if (query.page > 1) params.set("page", String(query.page));
  return params;
}

/** The API's query for this state of the list: always naming the page, 25 dossiers to it. */
export function dossierApiQuery(query: DossierListQuery): QueryInput<typeof officeApi.dossiers> {
  return {
    ...Object.fromEntries(writeDossierQuery(query)),
    page: query.page,
    pageSize: dossierPageSize,
  };
}

/** How many pages the list has; at least one, also when nothing was found. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** Today in the browser's time zone as an ISO date, e.g. "2026-05-12". */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
