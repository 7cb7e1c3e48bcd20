import type { RequestConfirmation } from "#src/contracts/certificates.ts";
import type { Office } from "#src/contracts/offices.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import { auditActor } from "#src/server/modules/accounts/request-actors.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { hashToken, newToken } from "#src/server/platform/security/random-secrets.ts";
import type { CertificatesDeps } from "./deps.ts";
import {
  addressOnOfficeDomain,
  type CertificateChoices,
  issueCertificate,
  toConfirmation,
} from "./issue-certificate.ts";
import { hasOpenReissueDemand } from "./reissues.ts";
import { completeRequest, insertRequest, lockRequest } from "./repository.ts";

/** How long the request form of one login stays usable. */
const REQUEST_TTL_MS = 30 * 60_000;

/**
 * The office that asks for its new certificate in the self-service: in its own view, and with
 * the certificate it presented, to which each form is bound.
 */
export interface Requester {
  office: Office;
  scope: OfficeScope;
  certificate: { serialNumber: string };
}

/**
 * Opens the request form of a self-service login by a staff member of the office; returns its
 * token, usable once and for 30 minutes. Pass the login's transaction.
 */
export async function openCertificateRequest(
  deps: Pick<CertificatesDeps, "clock">,
  db: Database,
  requester: Requester,
  accountId: string,
): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await insertRequest(db, requester.scope, {
    tokenHash: hashToken(token),
    accountId,
    presentedSerial: requester.certificate.serialNumber,
    expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
    createdAt: now,
  });
  return token;
}

/**
 * Submits the form: the new certificate is issued at once, exactly once per form (the form's
 * row is locked, so a double submit waits and is then refused), in the name of the staff
 * member who logged in.
 */
export async function submitCertificateRequest(
  deps: CertificatesDeps,
  requester: Requester,
  choices: CertificateChoices & { requestToken: string },
): Promise<RequestConfirmation> {
  const { office, scope } = requester;
  return deps.db.transaction(async (tx) => {
    const form = await lockRequest(tx, scope, hashToken(choices.requestToken));
    if (!form || form.presentedSerial !== requester.certificate.serialNumber) {
      throw new AppError("request_expired");
    }
    if (form.certificateId) throw new AppError("request_already_submitted");
    if (form.expiresAt <= deps.clock.now()) throw new AppError("request_expired");
    const issued = await issueCertificate(deps, tx, {
      office,
      sentTo: addressOnOfficeDomain(office, choices.emailLocalPart),
      mobile: choices.mobile,
      legacyPkcs12: choices.legacyPkcs12,
      via: "self-service",
      actor: auditActor({ id: form.accountId, kind: "staff" }),
      // A demanded reissue (A11) means the old certificate must go, as after A8.
      revokePrevious: await hasOpenReissueDemand(tx, scope),
    });
    await completeRequest(tx, form.id, issued.certificate.id);
    return toConfirmation(office, issued);
  });
}
