import type {
  AdminProvider,
  AdminProviderSummary,
  CreateProvider,
  UpdateProvider,
} from "#src/contracts/eherkenning/catalogue.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { toAdminProvider, toAdminProviderSummary } from "./catalogue-views.ts";
import type { CatalogueDeps } from "./deps.ts";
import {
  findProvider,
  insertProvider,
  listProvidersWithActiveCounts,
  listServicesOfProvider,
  updateProvider as updateProviderRow,
} from "./repository.ts";

type Deps = Pick<CatalogueDeps, "db" | "clock" | "platformOin">;

/** The catalogue admin's list of providers, by name. */
export async function providerList(deps: Deps): Promise<AdminProviderSummary[]> {
  const rows = await listProvidersWithActiveCounts(deps.db);
  return rows.map(({ provider, activeServices }) =>
    toAdminProviderSummary(provider, activeServices, deps.platformOin),
  );
}

/** One provider with all its services, withdrawn ones too; 404 for an unknown id. */
export async function providerDetails(
  deps: Pick<Deps, "db" | "platformOin">,
  providerId: string,
  db: Database = deps.db,
): Promise<AdminProvider> {
  const provider = await findProvider(db, providerId);
  if (!provider) throw new AppError("not_found");
  return toAdminProvider(provider, await listServicesOfProvider(db, providerId), deps.platformOin);
}

/** Adds a provider; its OIN must be new (409 `provider_oin_taken`). */
export async function createProvider(
  deps: Deps,
  input: CreateProvider,
  actor: AuditEvent["actor"],
): Promise<AdminProvider> {
  return deps.db.transaction(async (tx) => {
    const provider = await insertProvider(tx, { ...input, createdAt: deps.clock.now() });
    if (!provider) {
      throw new AppError("provider_oin_taken", [
        { path: "body.oin", code: "taken", message: "A provider with this OIN exists" },
      ]);
    }
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "catalogue.provider-created",
      subject: { type: "service-provider", id: provider.id },
      details: { oin: provider.oin, name: provider.name },
    });
    return toAdminProvider(provider, [], deps.platformOin);
  });
}

/** Changes a provider's name and website; its OIN stays, as ServiceIDs and authorizations name it. */
export async function updateProvider(
  deps: Deps,
  providerId: string,
  input: UpdateProvider,
  actor: AuditEvent["actor"],
): Promise<AdminProvider> {
  return deps.db.transaction(async (tx) => {
    const before = await findProvider(tx, providerId);
    if (!before) throw new AppError("not_found");
    await updateProviderRow(tx, providerId, input);
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "catalogue.provider-updated",
      subject: { type: "service-provider", id: providerId },
      details: {
        from: { name: before.name, websiteUrl: before.websiteUrl },
        to: { name: input.name, websiteUrl: input.websiteUrl },
      },
    });
    return providerDetails(deps, providerId, tx);
  });
}
