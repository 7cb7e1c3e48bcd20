import type { CatalogueProvider } from "#src/contracts/eherkenning/catalogue.ts";

/** Lower case without accents, so "Rijksdienst" matches "rijksdienst" and "Zee" "zeë". */
function comparable(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("nl");
}

/**
 * The providers whose name, or the name of one of whose services, holds the query: a provider
 * that matches by name keeps all its services, one that matches by service only those services.
 * An empty query keeps everything.
 */
export function filterProviders(
  providers: readonly CatalogueProvider[],
  query: string,
): CatalogueProvider[] {
  const wanted = comparable(query.trim());
  if (!wanted) return [...providers];
  return providers.flatMap((provider) => {
    if (comparable(provider.name).includes(wanted)) return [provider];
    const services = provider.services.filter((service) =>
      comparable(service.name).includes(wanted),
    );
    return services.length > 0 ? [{ ...provider, services }] : [];
  });
}
