import { z } from "zod";
import { type Level, levelSchema, serves } from "./levels.ts";

/**
 * What an authorization (machtiging) lets its holder do for the company: which services, up to
 * which level, for the whole company or one branch, and for how long.
 */

/** An organisatie-identificatienummer: 20 digits, the government's number of an organisation. */
export const oinSchema = z.string().regex(/^\d{20}$/, { error: "invalid_oin" });

const SERVICE_ID = /^urn:etoegang:DV:(\d{20}):services:(\d+)$/;
/** The highest `AttributeConsumingServiceIndex` SAML allows (an unsignedShort). */
const MAX_SERVICE_INDEX = 65_535;

/** A service's ServiceID in the catalogue: its provider's OIN and the SP's index of it. */
export function serviceIdOf(oin: string, index: number): string {
  return `urn:etoegang:DV:${oin}:services:${index}`;
}

export function parseServiceId(serviceId: string): { oin: string; index: number } | undefined {
  const match = SERVICE_ID.exec(serviceId);
  if (!match?.[1] || !match[2]) return undefined;
  const index = Number(match[2]);
  // A leading zero would be a second name for the same service, which scopes compare by name.
  if (index > MAX_SERVICE_INDEX || String(index) !== match[2]) return undefined;
  return { oin: match[1], index };
}

export const serviceIdSchema = z
  .string()
  .refine((value) => parseServiceId(value) !== undefined, { error: "invalid_service_id" });

export const authorizationScopeSchema = z.discriminatedUnion("kind", [
  /** One service. */
  z.object({ kind: z.literal("service"), serviceId: serviceIdSchema }),
  /** Every service of one provider. */
  z.object({ kind: z.literal("provider"), providerOin: oinSchema }),
  /** Every service that demands at most this level. */
  z.object({ kind: z.literal("level"), level: levelSchema }),
]);
export type AuthorizationScope = z.infer<typeof authorizationScopeSchema>;

/** The longest an authorization may run, as the afsprakenstelsel allows. */
export const MAX_AUTHORIZATION_YEARS = 5;

/**
 * The latest end of an authorization starting at `start`. On 29 February it ends on 28 February,
 * as the date five years on does not exist and 1 March would be a day too long.
 */
export function authorizationEnd(start: Date): Date {
  const end = new Date(start);
  end.setUTCFullYear(start.getUTCFullYear() + MAX_AUTHORIZATION_YEARS);
  // Date rolled 29 February over into March: day 0 of March is the last day of February.
  if (end.getUTCDate() !== start.getUTCDate()) end.setUTCDate(0);
  return end;
}

export interface Authorization {
  scope: AuthorizationScope;
  /** Limits the authorization to one branch; without it, it holds for every branch. */
  branchNumber?: string;
  /** The highest level it may be used at. */
  level: Level;
  validFrom: Date;
  /** Exclusive: the authorization no longer holds at this moment. */
  validUntil: Date;
  revokedAt?: Date;
}

export interface AuthorizationRequest {
  serviceId: string;
  providerOin: string;
  demandedLevel: Level;
  /** The branch the user acts for; absent when acting for the whole company. */
  branchNumber?: string;
  at: Date;
}

function scopeMatches(scope: AuthorizationScope, request: AuthorizationRequest): boolean {
  switch (scope.kind) {
    case "service":
      return scope.serviceId === request.serviceId;
    case "provider":
      return scope.providerOin === request.providerOin;
    case "level":
      return serves(scope.level, request.demandedLevel);
  }
}

/** Whether the authorization lets its holder use the requested service at the moment asked. */
export function authorizationCovers(
  authorization: Authorization,
  request: AuthorizationRequest,
): boolean {
  const at = request.at.getTime();
  return (
    scopeMatches(authorization.scope, request) &&
    serves(authorization.level, request.demandedLevel) &&
    authorization.validFrom.getTime() <= at &&
    at < authorization.validUntil.getTime() &&
    (authorization.revokedAt === undefined || at < authorization.revokedAt.getTime()) &&
    (authorization.branchNumber === undefined ||
      authorization.branchNumber === request.branchNumber)
  );
}
