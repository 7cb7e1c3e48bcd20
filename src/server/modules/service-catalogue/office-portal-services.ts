import type { OfficeEherkenning } from "#src/contracts/eherkenning/catalogue.ts";
import type { Level } from "#src/contracts/eherkenning/levels.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { findOffice } from "../offices/service.ts";
import { serviceIdOfRow } from "./catalogue-views.ts";
import type { CatalogueDeps } from "./deps.ts";
import { type LoginService, loginServices } from "./login-services.ts";
import {
  findPortalServiceOfOffice,
  findProviderByOin,
  insertProvider,
  insertService,
  listActivePortalServices,
  lockProvider,
  nextServiceIndex,
  officesWithoutPortalService,
  type ProviderRow,
  type ServiceWithProvider,
  updateService,
} from "./repository.ts";

/** What a client portal demands until its office chooses: EH3, the level most portals ask. */
export const DEFAULT_PORTAL_LEVEL: Level = "EH3";

const system: AuditEvent["actor"] = { type: "system" };

/** The platform as a provider, registered under its OIN the first time; locked until commit. */
async function lockPlatformProvider(tx: Database, deps: CatalogueDeps): Promise<ProviderRow> {
  const created = await insertProvider(tx, {
    oin: deps.platformOin,
    name: deps.platformName,
    websiteUrl: null,
    createdAt: deps.clock.now(),
  });
  if (created) {
    await recordAuditEvent(tx, deps.clock, {
      actor: system,
      action: "catalogue.provider-created",
      subject: { type: "service-provider", id: created.id },
      details: { oin: created.oin, name: created.name, platform: true },
    });
  }
  const provider = created ?? (await findProviderByOin(tx, deps.platformOin));
  // Locked, so that two instances starting at once give out each index (and office) once.
  const locked = provider && (await lockProvider(tx, provider.id));
  if (!locked) throw new Error("the platform's provider row vanished while registering it");
  return locked;
}

/** Registers one office's client portal under the locked platform provider. */
async function registerPortalService(
  tx: Database,
  clock: Clock,
  provider: ProviderRow,
  office: { id: string; name: string },
): Promise<ServiceWithProvider> {
  const service = await insertService(tx, {
    providerId: provider.id,
    // The next free index is the office's for good: its ServiceID never changes.
    serviceIndex: await nextServiceIndex(tx, provider.id),
    nameNl: `Klantenportaal ${office.name}`,
    nameEn: `Client portal ${office.name}`,
    descriptionNl: `Uw dossiers, documenten en berichten bij ${office.name}.`,
    descriptionEn: `Your dossiers, documents and messages at ${office.name}.`,
    level: DEFAULT_PORTAL_LEVEL,
    officeId: office.id,
    createdAt: clock.now(),
  });
  if (!service) throw new Error("the next service index was taken under the provider's lock");
  await recordAuditEvent(tx, clock, {
    actor: system,
    action: "catalogue.portal-service-registered",
    subject: { type: "catalogue-service", id: service.id },
    details: { serviceId: serviceIdOfRow(provider, service), officeId: office.id },
  });
  return { service, provider };
}

/**
 * Makes every notary office's client portal a service of the platform, at EH3 until the office
 * chooses: at every start (like the starter library), after the CLI creates an office, and in
 * the demo data. Idempotent; a portal the supplier withdrew stays withdrawn. Returns how many
 * it registered.
 */
export async function registerOfficePortalServices(deps: CatalogueDeps): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const provider = await lockPlatformProvider(tx, deps);
    // Read under the lock: another instance's registrations are committed by now.
    const offices = await officesWithoutPortalService(tx);
    for (const office of offices) await registerPortalService(tx, deps.clock, provider, office);
    return offices.length;
  });
}

/**
 * The office's portal service, locked; registered first if the office is newer than this
 * process's start (an office the CLI created while the server ran).
 */
async function lockedPortalService(
  tx: Database,
  deps: CatalogueDeps,
  officeId: string,
): Promise<ServiceWithProvider> {
  const existing = await findPortalServiceOfOffice(tx, officeId, true);
  if (existing) return existing;
  const provider = await lockPlatformProvider(tx, deps);
  const office = await findOffice(tx, officeId);
  if (!office) throw new AppError("not_found");
  return registerPortalService(tx, deps.clock, provider, office);
}

function toSetting({ service, provider }: ServiceWithProvider): OfficeEherkenning {
  return {
    level: service.level,
    serviceId: serviceIdOfRow(provider, service),
    withdrawn: service.withdrawnAt !== null,
  };
}

/** The level the office's client portal demands of companies logging in with eHerkenning. */
export async function officeEherkenningSetting(
  deps: CatalogueDeps,
  scope: OfficeScope,
): Promise<OfficeEherkenning> {
  const found = await findPortalServiceOfOffice(deps.db, scope.officeId);
  if (found) return toSetting(found);
  return deps.db.transaction(async (tx) =>
    toSetting(await lockedPortalService(tx, deps, scope.officeId)),
  );
}

/**
 * The office's admin sets the level its portal demands: companies then log in with a means of
 * that level or higher. Authorizations already given stay; one below the new level no longer
 * reaches the portal (`authorizationCovers`).
 */
export async function setOfficePortalLevel(
  deps: CatalogueDeps,
  scope: OfficeScope,
  level: Level,
  actor: AuditEvent["actor"],
): Promise<OfficeEherkenning> {
  return deps.db.transaction(async (tx) => {
    const found = await lockedPortalService(tx, deps, scope.officeId);
    const before = found.service.level;
    if (before !== level) {
      await updateService(tx, found.service.id, { level });
      await recordAuditEvent(tx, deps.clock, {
        actor,
        action: "catalogue.portal-level-set",
        subject: { type: "catalogue-service", id: found.service.id },
        details: { officeId: scope.officeId, from: before, to: level },
      });
    }
    return toSetting({ ...found, service: { ...found.service, level } });
  });
}

/**
 * The offices a company can log in to with eHerkenning, for the portal's login page: every
 * office whose portal is an active service, with the level it demands. Public, as the
 * catalogue's overview is.
 */
export function portalLoginOffices(db: Database) {
  return listActivePortalServices(db);
}

/**
 * The office's portal service for a login with eHerkenning: registered first when the office is
 * newer than this process; undefined when the office is unknown or the supplier withdrew it.
 */
export async function portalLoginService(
  deps: CatalogueDeps,
  officeId: string,
): Promise<LoginService | undefined> {
  const found =
    (await findPortalServiceOfOffice(deps.db, officeId)) ??
    ((await findOffice(deps.db, officeId))
      ? await deps.db.transaction((tx) => lockedPortalService(tx, deps, officeId))
      : undefined);
  if (!found || found.service.withdrawnAt) return undefined;
  const [service] = await loginServices(deps.db, [found.service.id]);
  return service;
}
