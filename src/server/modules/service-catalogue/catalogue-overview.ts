import type { CatalogueOverview, CatalogueProvider } from "#src/contracts/eherkenning/catalogue.ts";
import type { Locale } from "#src/contracts/locale.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { serviceIdOfRow } from "./catalogue-views.ts";
import { listActiveServices, listAllProviders } from "./repository.ts";

/**
 * "Het overzicht van dienstverleners" (C1): every provider with its services in the catalogue
 * and the level each demands, in the reader's language. Withdrawn services are left out, as no
 * one can be authorized for them any more; a provider with none left still shows, so that a
 * reader who looks for it learns it offers nothing through eHerkenning now.
 */
export async function catalogueOverview(db: Database, locale: Locale): Promise<CatalogueOverview> {
  const [providers, services] = await Promise.all([listAllProviders(db), listActiveServices(db)]);
  const byProvider = new Map<string, CatalogueProvider>(
    providers.map((provider) => [
      provider.id,
      {
        id: provider.id,
        oin: provider.oin,
        name: provider.name,
        websiteUrl: provider.websiteUrl,
        services: [],
      },
    ]),
  );
  for (const { provider, service } of services) {
    byProvider.get(provider.id)?.services.push({
      id: service.id,
      serviceId: serviceIdOfRow(provider, service),
      serviceUuid: service.serviceUuid,
      name: locale === "nl" ? service.nameNl : service.nameEn,
      description: locale === "nl" ? service.descriptionNl : service.descriptionEn,
      level: service.level,
    });
  }
  return { providers: [...byProvider.values()] };
}
