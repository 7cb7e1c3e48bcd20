import { serviceIdOf } from "#src/contracts/eherkenning/authorization-scope.ts";
import type {
  AdminProvider,
  AdminProviderSummary,
  AdminService,
} from "#src/contracts/eherkenning/catalogue.ts";
import type { ProviderRow, ServiceRow } from "./repository.ts";

/** A service's ServiceID: its provider's OIN and its index. */
export function serviceIdOfRow(provider: Pick<ProviderRow, "oin">, service: ServiceRow): string {
  return serviceIdOf(provider.oin, service.serviceIndex);
}

export function toAdminService(provider: ProviderRow, service: ServiceRow): AdminService {
  return {
    id: service.id,
    serviceId: serviceIdOfRow(provider, service),
    serviceUuid: service.serviceUuid,
    serviceIndex: service.serviceIndex,
    nameNl: service.nameNl,
    nameEn: service.nameEn,
    descriptionNl: service.descriptionNl,
    descriptionEn: service.descriptionEn,
    level: service.level,
    officeId: service.officeId,
    withdrawnAt: service.withdrawnAt?.toISOString() ?? null,
    createdAt: service.createdAt.toISOString(),
  };
}

export function toAdminProviderSummary(
  provider: ProviderRow,
  activeServices: number,
  platformOin: string,
): AdminProviderSummary {
  return {
    id: provider.id,
    oin: provider.oin,
    name: provider.name,
    websiteUrl: provider.websiteUrl,
    isPlatform: provider.oin === platformOin,
    activeServices,
    createdAt: provider.createdAt.toISOString(),
  };
}

export function toAdminProvider(
  provider: ProviderRow,
  services: readonly ServiceRow[],
  platformOin: string,
): AdminProvider {
  const activeServices = services.filter((service) => !service.withdrawnAt).length;
  return {
    ...toAdminProviderSummary(provider, activeServices, platformOin),
    services: services.map((service) => toAdminService(provider, service)),
  };
}
