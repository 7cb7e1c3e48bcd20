import type { RequestForm } from "#src/contracts/certificates.ts";
import { AppError } from "#src/server/errors.ts";
import type { AccountsDeps, RequestOrigin } from "#src/server/modules/accounts/deps.ts";
import { verifyCredentials } from "#src/server/modules/accounts/login.ts";
import { auditActor } from "#src/server/modules/accounts/request-actors.ts";
import { openCertificateRequest } from "#src/server/modules/certificates/certificate-requests.ts";
import type { CertificatesDeps } from "#src/server/modules/certificates/deps.ts";
import { hasOpenReissueDemand } from "#src/server/modules/certificates/reissues.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { OfficeActor } from "./office-actor.ts";

/**
 * The self-service login (A3): the office certificate AND the password of a staff member of
 * that same office, without an SMS step, since the certificate is the second factor (ADR 0008).
 * It opens the request form; both outcomes are audited.
 */
export async function logInToRequestForm(
  deps: { certificates: CertificatesDeps; accounts: AccountsDeps },
  actor: OfficeActor,
  credentials: { email: string; password: string },
  origin: RequestOrigin,
): Promise<RequestForm> {
  const { certificates } = deps;
  const { office, certificate } = actor;
  const account = await verifyCredentials(deps.accounts, { kind: "staff", ...credentials }, origin);
  const audit = (db: Database, action: string) =>
    recordAuditEvent(db, certificates.clock, {
      actor: auditActor(account),
      action,
      subject: { type: "office", id: office.id },
      ip: origin.ip,
      details: { certificateSerial: certificate.serialNumber, accountOfficeId: account.officeId },
      officeId: office.id,
    });
  if (account.officeId !== office.id) {
    await audit(certificates.db, "selfservice.login-office-mismatch");
    throw new AppError("certificate_office_mismatch");
  }
  const requestToken = await certificates.db.transaction(async (tx) => {
    await audit(tx, "selfservice.login");
    return openCertificateRequest(certificates, tx, actor, account.id);
  });
  return {
    requestToken,
    officeName: office.name,
    debtorNumber: office.debtorNumber,
    currentNotAfter: certificate.notAfter.toISOString(),
    registeredEmail: office.email,
    emailDomain: office.email.split("@")[1] ?? "",
    reissueDemanded: await hasOpenReissueDemand(certificates.db, actor.scope),
    organisation: certificates.organisation,
  };
}
