import type {
  IdpServiceOption,
  RegisteredServiceProvider,
  RegisterServiceProvider,
  ServiceProviderAdmin,
} from "#src/contracts/eherkenning/idp.ts";
import { AppError } from "#src/server/errors.ts";
import type { AuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { loginServices } from "../service-catalogue/login-services.ts";
import { servicesOfScope } from "../service-catalogue/scope-services.ts";
import type { SamlIdpDeps } from "./deps.ts";
import { fetchMetadata } from "./fetch-metadata.ts";
import {
  allowedCatalogueServiceIds,
  findServiceProviderByEntityId,
  insertServiceProvider,
  listServiceProviders,
  markServiceProviderWithdrawn,
  replaceServiceProviderServices,
  type ServiceProviderRow,
  updateServiceProvider,
} from "./repository.ts";
import { parseEndpoints, readSpMetadata } from "./saml-entities.ts";

/** What Poort keeps of SP metadata; refused when it is not SP metadata with an ACS. */
function readUsableSpMetadata(metadataXml: string) {
  let read: ReturnType<typeof readSpMetadata>;
  try {
    read = readSpMetadata(metadataXml);
  } catch {
    throw new AppError("saml_metadata_invalid");
  }
  if (!read.entityId || read.acsEndpoints.length === 0) throw new AppError("saml_metadata_invalid");
  return read;
}

/** The stored columns of an SP that its name and metadata decide. */
function storedFields(
  input: { name: string; metadataXml: string },
  read: ReturnType<typeof readSpMetadata>,
) {
  return {
    name: input.name,
    metadataXml: input.metadataXml,
    acsEndpoints: JSON.stringify(read.acsEndpoints),
    sloEndpoints: JSON.stringify(read.sloEndpoints),
    signingCertificate: read.signingCertificate,
    encryptionCertificate: read.encryptionCertificate,
    authnRequestsSigned: read.authnRequestsSigned,
  };
}

/**
 * Registers an SP from its metadata (SPEC C7), with the catalogue services it may ask for:
 * what Poort keeps is read from the metadata once, and the row with its services and the audit
 * event are written in one transaction.
 */
export async function registerServiceProvider(
  deps: SamlIdpDeps,
  input: { name: string; metadataXml: string; catalogueServiceIds: string[] },
  actor: AuditEvent["actor"],
): Promise<ServiceProviderRow> {
  const read = readUsableSpMetadata(input.metadataXml);
  const services = await loginServices(deps.db, input.catalogueServiceIds);
  if (services.length !== new Set(input.catalogueServiceIds).size) {
    throw new AppError("saml_service_not_allowed");
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await insertServiceProvider(tx, {
      entityId: read.entityId,
      ...storedFields(input, read),
      createdAt: now,
    });
    if (!row) throw new AppError("saml_service_provider_exists");
    await replaceServiceProviderServices(tx, row.id, input.catalogueServiceIds);
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "saml.service-provider-registered",
      subject: { type: "saml-service-provider", id: row.id },
      details: { entityId: row.entityId, services: input.catalogueServiceIds },
    });
    return row;
  });
}

/** Withdraws an SP: its requests are refused from now on. */
export async function withdrawServiceProvider(
  deps: SamlIdpDeps,
  id: string,
  actor: AuditEvent["actor"],
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await markServiceProviderWithdrawn(tx, id, deps.clock.now()))) {
      throw new AppError("not_found");
    }
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "saml.service-provider-withdrawn",
      subject: { type: "saml-service-provider", id },
    });
  });
}

/**
 * The back office's page of SPs: every registered one (withdrawn ones too, so the admin sees
 * what was there) with the services it may ask for, and the catalogue's active services to
 * choose from for a new one.
 */
export async function serviceProviderAdmin(deps: SamlIdpDeps): Promise<ServiceProviderAdmin> {
  const active = await servicesOfScope(deps.db, { kind: "all" });
  const options = new Map<string, IdpServiceOption>(
    active.map((service) => [
      service.id,
      {
        id: service.id,
        serviceId: service.serviceId,
        nameNl: service.nameNl,
        nameEn: service.nameEn,
        providerName: service.provider.name,
        level: service.level,
      },
    ]),
  );
  const rows = await listServiceProviders(deps.db);
  const serviceProviders = await Promise.all(
    rows.map(async (row): Promise<RegisteredServiceProvider> => {
      const allowed = await allowedCatalogueServiceIds(deps.db, row.id);
      return {
        id: row.id,
        name: row.name,
        entityId: row.entityId,
        acsUrls: parseEndpoints(row.acsEndpoints).map((endpoint) => endpoint.url),
        signsRequests: row.authnRequestsSigned,
        encrypts: row.encryptionCertificate !== null,
        // A service withdrawn from the catalogue since is no longer offered, nor listed here.
        services: allowed.flatMap((id) => {
          const option = options.get(id);
          return option ? [option] : [];
        }),
        registeredAt: row.createdAt.toISOString(),
        withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
      };
    }),
  );
  return { serviceProviders, serviceOptions: [...options.values()] };
}

/**
 * The back office's registration: the metadata from its URL (fetched now, once: what is
 * registered is what the admin saw succeed) or from the uploaded file, then as
 * `registerServiceProvider`. Only active catalogue services may be allowed.
 */
export async function registerServiceProviderFrom(
  deps: SamlIdpDeps,
  input: RegisterServiceProvider,
  actor: AuditEvent["actor"],
): Promise<RegisteredServiceProvider> {
  const metadataXml =
    input.metadata.source === "url"
      ? await fetchMetadata(input.metadata.url, { allowHttp: deps.allowHttpMetadata })
      : input.metadata.xml;
  const active = new Set((await servicesOfScope(deps.db, { kind: "all" })).map((s) => s.id));
  if (!input.catalogueServiceIds.every((id) => active.has(id))) {
    throw new AppError("saml_service_not_allowed");
  }
  const row = await registerServiceProvider(
    deps,
    { name: input.name, metadataXml, catalogueServiceIds: input.catalogueServiceIds },
    actor,
  );
  const listed = (await serviceProviderAdmin(deps)).serviceProviders.find((sp) => sp.id === row.id);
  if (!listed) throw new AppError("not_found");
  return listed;
}

/**
 * Keeps an SP of Poort's own registered with these services: the client portal, at every start
 * and before each of its logins, so that a new office's portal can be asked for at once
 * (ADR 0017). Registered when absent, brought up to date when its metadata or services changed;
 * an SP the supplier withdrew stays withdrawn. Changes are audited.
 */
export async function keepServiceProviderRegistered(
  deps: SamlIdpDeps,
  input: { name: string; metadataXml: string; catalogueServiceIds: string[] },
): Promise<void> {
  const actor: AuditEvent["actor"] = { type: "system" };
  const read = readUsableSpMetadata(input.metadataXml);
  const existing = await findServiceProviderByEntityId(deps.db, read.entityId);
  if (!existing) {
    try {
      await registerServiceProvider(deps, input, actor);
    } catch (error) {
      // Another instance registered it meanwhile: the next call brings it up to date.
      if (!(error instanceof AppError && error.code === "saml_service_provider_exists"))
        throw error;
    }
    return;
  }
  if (existing.withdrawnAt) return;
  const allowed = new Set(await allowedCatalogueServiceIds(deps.db, existing.id));
  const wanted = new Set(input.catalogueServiceIds);
  const sameServices = allowed.size === wanted.size && [...wanted].every((id) => allowed.has(id));
  if (sameServices && existing.metadataXml === input.metadataXml) return;
  await deps.db.transaction(async (tx) => {
    await updateServiceProvider(tx, existing.id, storedFields(input, read));
    await replaceServiceProviderServices(tx, existing.id, [...wanted]);
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "saml.service-provider-updated",
      subject: { type: "saml-service-provider", id: existing.id },
      details: { entityId: existing.entityId, services: [...wanted] },
    });
  });
}
