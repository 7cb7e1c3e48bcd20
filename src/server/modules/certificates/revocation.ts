import { sql } from "drizzle-orm";
import { z } from "zod";
import type { CertificateSummary } from "#src/contracts/certificates.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import type { LoadedAuthority } from "./authority.ts";
import { toCertificateSummary } from "./certificate-state.ts";
import type { CertificatesDeps } from "./deps.ts";
import { buildCrl } from "./pki/crl.ts";
import { presignOcspResponse } from "./presigned-ocsp-responses.ts";
import {
  type CertificateRow,
  findCertificate,
  findRevocationList,
  listDueRevocations,
  listRevoked,
  markRevoked,
  saveRevocationList,
} from "./repository.ts";

const HOUR_MS = 60 * 60_000;
/** A CRL is valid a week, and renewed every six hours: days of margin before any expires. */
const CRL_VALIDITY_MS = 7 * 24 * HOUR_MS;
const CRL_RENEW_AFTER_MS = 6 * HOUR_MS;

export type RevocationReason = NonNullable<CertificateRow["revocationReason"]>;

/** Signs a new CRL for the authority with the next CRL number; pass the change's transaction. */
async function publishCrl(deps: CertificatesDeps, db: Database, authority: LoadedAuthority) {
  // One signer at a time per CA: numbers stay unique, and the list read next sees every
  // revocation committed before us (READ COMMITTED reads afresh per statement).
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`poort:crl:${authority.id}`}))`);
  const previous = await findRevocationList(db, authority.id);
  // Office certificates name the issuing CA; the root CA's list (of revoked sub-CAs) stays empty.
  const revoked = await listRevoked(db, authority.id);
  const thisUpdate = deps.clock.now();
  const crlNumber = (previous?.crlNumber ?? 0) + 1;
  const der = await buildCrl(authority, {
    crlNumber,
    thisUpdate,
    nextUpdate: new Date(thisUpdate.getTime() + CRL_VALIDITY_MS),
    revoked: revoked.map((entry) => ({
      serialNumber: entry.serialNumber,
      revokedAt: entry.revokedAt ?? thisUpdate,
      reason: entry.reason ?? "unspecified",
    })),
  });
  await saveRevocationList(db, {
    authorityId: authority.id,
    crlNumber,
    thisUpdate,
    nextUpdate: new Date(thisUpdate.getTime() + CRL_VALIDITY_MS),
    der,
  });
  return der;
}

/** The authority's current CRL, signed anew when there is none yet or it is due for renewal. */
export async function currentCrl(
  deps: CertificatesDeps,
  role: "root" | "issuing",
): Promise<Buffer> {
  const authority = (await deps.authorities.get())[role];
  const stored = await findRevocationList(deps.db, authority.id);
  const renewFrom = stored && stored.thisUpdate.getTime() + CRL_RENEW_AFTER_MS;
  if (stored && renewFrom && renewFrom > deps.clock.now().getTime()) return stored.der;
  return deps.db.transaction((tx) => publishCrl(deps, tx, authority));
}

/**
 * Revokes a certificate at once, and in the same change publishes the issuing CA's CRL and
 * signs the certificate's OCSP response anew.
 */
export async function revokeCertificate(
  deps: CertificatesDeps,
  certificateId: string,
  reason: RevocationReason,
  actor: AuditEvent["actor"],
): Promise<CertificateRow | undefined> {
  const { issuing } = await deps.authorities.get();
  return deps.db.transaction(async (tx) => {
    const revoked = await markRevoked(tx, certificateId, deps.clock.now(), reason);
    if (!revoked) return undefined;
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "certificate.revoked",
      subject: { type: "office-certificate", id: certificateId },
      details: { serialNumber: revoked.serialNumber, reason },
      officeId: revoked.officeId,
    });
    await publishCrl(deps, tx, issuing);
    // Its pre-signed OCSP response says "revoked" from the same commit on.
    if (revoked.authorityId === issuing.id) await presignOcspResponse(deps, tx, issuing, revoked);
    return revoked;
  });
}

/**
 * The servicedesk's revocation (e.g. key compromise): at once, and answered with the
 * certificate as it is now, also when it was revoked already; 404 for a certificate unknown.
 */
export async function revokeOnRequest(
  deps: CertificatesDeps,
  certificateId: string,
  reason: RevocationReason,
  actor: AuditEvent["actor"],
): Promise<CertificateSummary> {
  const existing = await findCertificate(deps.db, certificateId);
  if (!existing) throw new AppError("not_found");
  await revokeCertificate(deps, existing.id, reason, actor);
  const current = await findCertificate(deps.db, existing.id);
  return toCertificateSummary(current ?? existing, deps.clock.now());
}

const revocationRoundJob = defineJobType({
  name: "certificates.revocation-round",
  payload: z.object({}),
  maxAttempts: 3,
});

/**
 * Every hour: revoke the certificates whose replacement period is over (A8), and renew the
 * CRLs that are six hours old, so a CRL never runs out while Poort is up.
 */
export async function scheduleRevocationRounds(jobs: JobRunner, deps: CertificatesDeps) {
  jobs.handle(revocationRoundJob, async () => {
    for (const { id } of await listDueRevocations(deps.db, deps.clock.now())) {
      await revokeCertificate(deps, id, "superseded", { type: "system" });
    }
    await currentCrl(deps, "root");
    await currentCrl(deps, "issuing");
  });
  await jobs.schedule("certificates-revocation-round", "7 * * * *", revocationRoundJob, {});
}
