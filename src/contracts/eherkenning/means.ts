import { z } from "zod";
import { multiLineText } from "../text.ts";
import { levelSchema } from "./levels.ts";

/**
 * An issued eHerkenning means and its authorizations (C6), as its holder ("Mijn eHerkenning")
 * and the supplier's reviewers see them.
 */

/** How an authorization stands today: computed when shown, never stored. */
export const authorizationStateSchema = z.enum(["active", "expired", "revoked"]);
export type AuthorizationState = z.infer<typeof authorizationStateSchema>;

export const authorizationViewSchema = z.object({
  id: z.uuid(),
  scopeKind: z.enum(["service", "provider", "level"]),
  /** The service's or provider's name; absent for "all services at the level". */
  scopeName: z.string().nullable(),
  level: levelSchema,
  kvkNumber: z.string(),
  companyName: z.string(),
  branchNumber: z.string().nullable(),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  revokedReason: z.string().nullable(),
  state: authorizationStateSchema,
  /** The holder may extend it now: active, and within the renewal window. */
  renewable: z.boolean(),
});
export type AuthorizationView = z.infer<typeof authorizationViewSchema>;

export const meansViewSchema = z.object({
  id: z.uuid(),
  level: levelSchema,
  issuedAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  revokedReason: z.string().nullable(),
  authorizations: z.array(authorizationViewSchema),
});
export type MeansView = z.infer<typeof meansViewSchema>;

/** The holder's own page: their means, or none (e.g. not issued to this login). */
export const myMeansSchema = z.object({ means: meansViewSchema.nullable() });

/** The supplier's search by the holder's e-mail address. */
export const meansSearchQuerySchema = z.object({
  email: z.string().trim().toLowerCase().max(320).optional(),
});
export const supplierMeansSchema = meansViewSchema.extend({
  holderName: z.string(),
  holderEmail: z.string(),
  /** The holder's login: invited until the activation is done. */
  holderStatus: z.enum(["invited", "active", "deactivated"]),
});
export type SupplierMeans = z.infer<typeof supplierMeansSchema>;
export const meansSearchResultSchema = z.object({ means: z.array(supplierMeansSchema) });

/** Revoking a means or one authorization: the reason is mailed to the holder. */
export const revokeMeansSchema = z.object({
  reason: multiLineText(1000).pipe(z.string().min(1)),
});
export type RevokeMeans = z.infer<typeof revokeMeansSchema>;

/** Days before the end of an authorization that the reminder goes and "Verlengen" opens. */
export const RENEWAL_WINDOW_DAYS = 30;
