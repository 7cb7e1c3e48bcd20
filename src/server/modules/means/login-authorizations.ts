import { type Authorization, serviceIdOf } from "#src/contracts/eherkenning/authorization-scope.ts";
import type { Level } from "#src/contracts/eherkenning/levels.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { findMeansOfAccount, listAuthorizationsForLogin } from "./repository.ts";

/** An authorization as a login at the IdP weighs it, with the company it acts for. */
export interface LoginAuthorization extends Authorization {
  id: string;
  kvkNumber: string;
  rsin: string | null;
  companyName: string;
}

export interface MeansAtLogin {
  meansId: string;
  level: Level;
  revoked: boolean;
  authorizations: LoginAuthorization[];
}

/**
 * The means of a holder's account and its authorizations in the shape `authorizationCovers`
 * takes, for the IdP (issue 15); none when the account holds no means.
 */
export async function meansAtLogin(
  db: Database,
  accountId: string,
): Promise<MeansAtLogin | undefined> {
  const held = await findMeansOfAccount(db, accountId);
  if (!held) return undefined;
  const rows = await listAuthorizationsForLogin(db, held.id);
  const authorizations = rows.flatMap(({ authorization: row, serviceIndex, providerOin }) => {
    const scope =
      row.scopeKind === "service" && providerOin && serviceIndex !== null
        ? { kind: "service" as const, serviceId: serviceIdOf(providerOin, serviceIndex) }
        : row.scopeKind === "provider" && providerOin
          ? { kind: "provider" as const, providerOin }
          : row.scopeKind === "level"
            ? { kind: "level" as const, level: row.level }
            : undefined;
    // A scope whose service or provider is gone covers nothing.
    if (!scope) return [];
    return [
      {
        id: row.id,
        scope,
        level: row.level,
        validFrom: row.validFrom,
        validUntil: row.validUntil,
        ...(row.branchNumber ? { branchNumber: row.branchNumber } : {}),
        ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}),
        kvkNumber: row.kvkNumber,
        rsin: row.rsin,
        companyName: row.companyName,
      },
    ];
  });
  return {
    meansId: held.id,
    level: held.level,
    revoked: held.revokedAt !== null,
    authorizations,
  };
}
