import { AppError } from "#src/server/errors.ts";
import type { AuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { loginServices } from "../service-catalogue/login-services.ts";
import type { SamlIdpDeps } from "./deps.ts";
import {
  insertServiceProvider,
  markServiceProviderWithdrawn,
  replaceServiceProviderServices,
  type ServiceProviderRow,
} from "./repository.ts";
import { readSpMetadata } from "./saml-entities.ts";

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
  let read: ReturnType<typeof readSpMetadata>;
  try {
    read = readSpMetadata(input.metadataXml);
  } catch {
    throw new AppError("saml_metadata_invalid");
  }
  if (!read.entityId || read.acsEndpoints.length === 0) throw new AppError("saml_metadata_invalid");
  const services = await loginServices(deps.db, input.catalogueServiceIds);
  if (services.length !== new Set(input.catalogueServiceIds).size) {
    throw new AppError("saml_service_not_allowed");
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await insertServiceProvider(tx, {
      entityId: read.entityId,
      name: input.name,
      metadataXml: input.metadataXml,
      acsEndpoints: JSON.stringify(read.acsEndpoints),
      sloEndpoints: JSON.stringify(read.sloEndpoints),
      signingCertificate: read.signingCertificate,
      encryptionCertificate: read.encryptionCertificate,
      authnRequestsSigned: read.authnRequestsSigned,
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
