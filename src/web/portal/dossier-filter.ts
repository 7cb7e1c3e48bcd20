import { dossierStatusKeySchema, type PortalDossierList } from "#src/contracts/dossiers.ts";

const inProgress = "in-progress";

/**
 * The statuses chosen in the address (`?status=a,b`), unknown keys left out; undefined when the
 * address chooses none, so the default applies. `?status=` is an empty choice.
 */
export function statusesInUrl(searchParams: URLSearchParams): string[] | undefined {
  const value = searchParams.get("status");
  if (value === null) return undefined;
  return value.split(",").filter((key) => dossierStatusKeySchema.safeParse(key).success);
}

/** Without a choice in the address: the dossiers in progress, or all when there are none. */
export function defaultStatuses(statuses: PortalDossierList["statuses"]): string[] {
  const keys = statuses.map((status) => status.key);
  return keys.includes(inProgress) ? [inProgress] : keys;
}

/** The address of a search: the text (when any) and always the statuses, in the offered order. */
export function filterSearchParams(
  text: string,
  chosen: string[],
  offered: PortalDossierList["statuses"],
): URLSearchParams {
  const next = new URLSearchParams();
  if (text.trim()) next.set("q", text.trim());
  const keys = offered.map((status) => status.key).filter((key) => chosen.includes(key));
  next.set("status", keys.join(","));
  return next;
}
