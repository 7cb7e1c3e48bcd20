import type {
  AdminProvider,
  CreateService,
  UpdateService,
} from "#src/contracts/eherkenning/catalogue.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { serviceIdOfRow } from "./catalogue-views.ts";
import type { CatalogueDeps } from "./deps.ts";
import { providerDetails } from "./provider-admin.ts";
import {
  findServiceWithProvider,
  insertService,
  lockProvider,
  markServiceWithdrawn,
  type ServiceWithProvider,
  updateService as updateServiceRow,
} from "./repository.ts";

type Deps = Pick<CatalogueDeps, "db" | "clock" | "platformOin">;

/** Adds a service to a provider; its index must be new there (409 `service_index_taken`). */
export async function addService(
  deps: Deps,
  providerId: string,
  input: CreateService,
  actor: AuditEvent["actor"],
): Promise<AdminProvider> {
  return deps.db.transaction(async (tx) => {
    const provider = await lockProvider(tx, providerId);
    if (!provider) throw new AppError("not_found");
    const service = await insertService(tx, {
      ...input,
      providerId,
      createdAt: deps.clock.now(),
    });
    if (!service) {
      throw new AppError("service_index_taken", [
        { path: "body.serviceIndex", code: "taken", message: "The provider has this index" },
      ]);
    }
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "catalogue.service-added",
      subject: { type: "catalogue-service", id: service.id },
      details: { serviceId: serviceIdOfRow(provider, service), level: service.level },
    });
    return providerDetails(deps, providerId, tx);
  });
}

/**
 * The service, locked for the change; 404 for an unknown one, 409 for a client portal, whose
 * name follows its office and whose level the office sets.
 */
async function serviceToChange(tx: Database, serviceId: string): Promise<ServiceWithProvider> {
  const found = await findServiceWithProvider(tx, serviceId, true);
  if (!found) throw new AppError("not_found");
  if (found.service.officeId) throw new AppError("office_portal_service_managed");
  return found;
}

/** Changes a service's names, descriptions and level; its index (and so its ServiceID) stays. */
export async function updateService(
  deps: Deps,
  serviceId: string,
  input: UpdateService,
  actor: AuditEvent["actor"],
): Promise<AdminProvider> {
  return deps.db.transaction(async (tx) => {
    const { service, provider } = await serviceToChange(tx, serviceId);
    await updateServiceRow(tx, serviceId, input);
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "catalogue.service-updated",
      subject: { type: "catalogue-service", id: serviceId },
      details: {
        serviceId: serviceIdOfRow(provider, service),
        ...(service.level === input.level
          ? {}
          : { level: { from: service.level, to: input.level } }),
      },
    });
    return providerDetails(deps, provider.id, tx);
  });
}

/**
 * Takes a service out of the catalogue: no new applications or authorizations name it, and the
 * public overview leaves it out. It stays in the database, as authorizations and the audit log
 * refer to it, and its index is never given to another service. A client portal may be withdrawn
 * too (e.g. when an office leaves), and is then not registered again at the next start.
 */
export async function withdrawService(
  deps: Deps,
  serviceId: string,
  actor: AuditEvent["actor"],
): Promise<AdminProvider> {
  return deps.db.transaction(async (tx) => {
    const found = await findServiceWithProvider(tx, serviceId, true);
    if (!found) throw new AppError("not_found");
    const { service, provider } = found;
    if (service.withdrawnAt) throw new AppError("conflict");
    await markServiceWithdrawn(tx, serviceId, deps.clock.now());
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "catalogue.service-withdrawn",
      subject: { type: "catalogue-service", id: serviceId },
      details: { serviceId: serviceIdOfRow(provider, service), officeId: service.officeId },
    });
    return providerDetails(deps, provider.id, tx);
  });
}
