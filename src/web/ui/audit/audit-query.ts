/**
 * The filters of an audit view as kept in the page's address: only what is set, so a link or
 * the back button brings the same view. Values that do not fit are dropped, never sent.
 */
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const cursorPattern = /^\d{1,15}\.\d{1,18}$/;

/** The text of a filter field from the address, or "". */
export function textParam(params: URLSearchParams, name: string, pattern?: RegExp): string {
  const value = params.get(name)?.trim() ?? "";
  return pattern && !pattern.test(value) ? "" : value;
}

export const dayParam = (params: URLSearchParams, name: string) => textParam(params, name, isoDay);
export const cursorParam = (params: URLSearchParams) => textParam(params, "cursor", cursorPattern);

/** The address's query string of these filters: the empty ones left out. */
export function writeParams(values: Record<string, string>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  return params;
}

/** The API's query of these filters: the empty ones left out. */
export function apiQuery<Values extends Record<string, string>>(values: Values) {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== "")) as {
    [Name in keyof Values]?: Exclude<Values[Name], "">;
  };
}
