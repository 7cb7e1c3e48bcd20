import { serviceIdOf } from "#src/contracts/eherkenning/authorization-scope.ts";
import type { Level } from "#src/contracts/eherkenning/levels.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { findServiceWithProvider } from "./repository.ts";

/** A catalogue service as a SAML login names it. */
export interface LoginService {
  id: string;
  serviceId: string;
  serviceUuid: string;
  serviceIndex: number;
  providerOin: string;
  level: Level;
  nameNl: string;
  nameEn: string;
  withdrawn: boolean;
}

/** The catalogue services with these ids (unknown ids are left out), for the IdP (issue 15). */
export async function loginServices(db: Database, ids: readonly string[]): Promise<LoginService[]> {
  const found = await Promise.all(ids.map((id) => findServiceWithProvider(db, id)));
  return found.flatMap((row) =>
    row
      ? [
          {
            id: row.service.id,
            serviceId: serviceIdOf(row.provider.oin, row.service.serviceIndex),
            serviceUuid: row.service.serviceUuid,
            serviceIndex: row.service.serviceIndex,
            providerOin: row.provider.oin,
            level: row.service.level,
            nameNl: row.service.nameNl,
            nameEn: row.service.nameEn,
            withdrawn: row.service.withdrawnAt !== null,
          },
        ]
      : [],
  );
}
