import { type Level, levelSchema } from "#src/contracts/eherkenning/levels.ts";
import {
  type PortalEherkenningRefusal,
  portalEherkenningRefusalSchema,
} from "#src/contracts/eherkenning/portal-login.ts";

/** Why the last eHerkenning login was turned away, and for a level too low, the level asked. */
export interface EherkenningRefusal {
  refusal: PortalEherkenningRefusal;
  /** The level the office demands; only with "level-too-low". */
  level?: Level;
}

/**
 * The refusal the server's redirect put in the login page's address: `?eherkenning=<refusal>`,
 * with `&niveau=<level>` when the means' level was too low. Anything else in the address is no
 * refusal of ours, so nothing is said about it.
 */
export function refusalFromQuery(query: URLSearchParams): EherkenningRefusal | undefined {
  const refusal = portalEherkenningRefusalSchema.safeParse(query.get("eherkenning"));
  if (!refusal.success) return undefined;
  const level = levelSchema.safeParse(query.get("niveau"));
  if (refusal.data === "level-too-low" && level.success)
    return { refusal: refusal.data, level: level.data };
  return { refusal: refusal.data };
}
