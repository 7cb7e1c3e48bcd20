import type { RequestConfirmation } from "#src/contracts/certificates.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { auditActor } from "#src/server/modules/accounts/request-actors.ts";
import { getOffice } from "#src/server/modules/offices/service.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { CertificatesDeps } from "./deps.ts";
import {
  addressOnOfficeDomain,
  type CertificateChoices,
  issueCertificate,
  toConfirmation,
} from "./issue-certificate.ts";
import { findOpenDemand, insertDemand } from "./repository.ts";

/** The platform staff member who demands: named in the demand and in the audit log. */
type StaffAccount = Parameters<typeof auditActor>[0];

/**
 * The servicedesk issues a new certificate when the office lost its password (A8): the old
 * certificates keep working 14 days, then they are revoked.
 */
export async function reissueCertificate(
  deps: CertificatesDeps,
  officeId: string,
  choices: CertificateChoices,
  actor: AuditEvent["actor"],
): Promise<RequestConfirmation> {
  // Made (on first use) outside the transaction below: PGlite has one connection.
  await deps.authorities.get();
  return deps.db.transaction(async (tx) => {
    const office = await getOffice(tx, officeId);
    const issued = await issueCertificate(deps, tx, {
      office,
      sentTo: addressOnOfficeDomain(office, choices.emailLocalPart),
      mobile: choices.mobile,
      legacyPkcs12: choices.legacyPkcs12,
      via: "servicedesk",
      actor,
      revokePrevious: true,
    });
    return toConfirmation(office, issued);
  });
}

/**
 * The servicedesk demands that the office replaces its certificate at once (A11): the office
 * sees the demand in the self-service, and its next certificate revokes the old ones.
 */
export async function demandReissue(
  deps: Pick<CertificatesDeps, "db" | "clock">,
  officeId: string,
  reason: string,
  by: StaffAccount,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const office = await getOffice(tx, officeId);
    await insertDemand(tx, {
      officeId: office.id,
      reason,
      demandedByAccountId: by.id,
      demandedAt: deps.clock.now(),
    });
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(by),
      action: "certificate.reissue-demanded",
      subject: { type: "office", id: office.id },
      details: { reason },
      officeId: office.id,
    });
  });
}

/** Whether the servicedesk demanded a reissue that the office has not met yet. */
export async function hasOpenReissueDemand(db: Database, scope: OfficeScope): Promise<boolean> {
  return (await findOpenDemand(db, scope)) !== undefined;
}
