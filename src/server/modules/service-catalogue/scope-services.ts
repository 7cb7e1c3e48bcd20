import type { ApplicationScope } from "#src/contracts/eherkenning/applications.ts";
import { highestLevel, type Level } from "#src/contracts/eherkenning/levels.ts";
import { AppError } from "#src/server/errors.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { serviceIdOfRow } from "./catalogue-views.ts";
import { findProvider, listActiveServices } from "./repository.ts";

/** The lowest level issued today. */
const LOWEST_LEVEL: Level = "EH2+";

/** A service in the catalogue as an application or authorization needs it. */
export interface ScopedService {
  id: string;
  /** `urn:etoegang:DV:{OIN}:services:{index}`. */
  serviceId: string;
  serviceUuid: string;
  nameNl: string;
  nameEn: string;
  level: Level;
  provider: { id: string; oin: string; name: string };
  /** The notary office whose client portal it is; null for other services. */
  officeId: string | null;
}

/**
 * The services a step-1 choice ("Waarvoor") covers, now: the chosen services, every service of
 * the chosen provider, or every service in the catalogue. Withdrawn services are never covered;
 * a chosen service or provider that is unknown or withdrawn is refused (400 `unknown_service`),
 * as the applicant must choose again.
 */
export async function servicesOfScope(
  db: Database,
  scope: ApplicationScope,
): Promise<ScopedService[]> {
  switch (scope.kind) {
    case "services": {
      const wanted = new Set(scope.serviceIds);
      const rows = await listActiveServices(db, { serviceIds: [...wanted] });
      if (rows.length !== wanted.size) throw unknownService("serviceIds");
      return rows.map(toScopedService);
    }
    case "provider": {
      if (!(await findProvider(db, scope.providerId))) throw unknownService("providerId");
      return (await listActiveServices(db, { providerId: scope.providerId })).map(toScopedService);
    }
    case "all":
      return (await listActiveServices(db)).map(toScopedService);
  }
}

/**
 * The lowest level an application for the scope may ask: the highest any of its services
 * demands ("the level follows from the highest level demanded"). For all services it is the
 * lowest level issued: an authorization for all services holds for those demanding at most its
 * level (`authorizationCovers`), so there the chosen level decides what it reaches.
 */
export function levelDemandedBy(
  scope: ApplicationScope,
  services: readonly Pick<ScopedService, "level">[],
): Level {
  if (scope.kind === "all") return LOWEST_LEVEL;
  return highestLevel(services.map((service) => service.level)) ?? LOWEST_LEVEL;
}

function unknownService(field: string): AppError {
  return new AppError("unknown_service", [
    { path: `body.scope.${field}`, code: "unknown_service", message: "Not in the catalogue" },
  ]);
}

function toScopedService({
  service,
  provider,
}: Awaited<ReturnType<typeof listActiveServices>>[number]): ScopedService {
  return {
    id: service.id,
    serviceId: serviceIdOfRow(provider, service),
    serviceUuid: service.serviceUuid,
    nameNl: service.nameNl,
    nameEn: service.nameEn,
    level: service.level,
    provider: { id: provider.id, oin: provider.oin, name: provider.name },
    officeId: service.officeId,
  };
}
