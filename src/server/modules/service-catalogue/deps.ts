import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";

/** What the catalogue's services need. */
export interface CatalogueDeps {
  db: Database;
  clock: Clock;
  /** The OIN of the platform itself: the provider whose services the client portals are. */
  platformOin: string;
  /** The platform's name as a provider in the catalogue, when it is first registered. */
  platformName: string;
}

/** The catalogue's share of the platform services. */
export function catalogueDeps(services: {
  database: { db: Database };
  clock: Clock;
  config: { eherkenning: { platformOin: string }; organisation: { name: string } };
}): CatalogueDeps {
  return {
    db: services.database.db,
    clock: services.clock,
    platformOin: services.config.eherkenning.platformOin,
    platformName: services.config.organisation.name,
  };
}
