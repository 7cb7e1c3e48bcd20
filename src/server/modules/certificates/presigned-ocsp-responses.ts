import { z } from "zod";
import type { Database } from "#src/server/platform/db/database.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import type { LoadedAuthority } from "./authority.ts";
import type { CertificatesDeps } from "./deps.ts";
import { buildOcspResponse, certIdOf, type OcspCertStatus } from "./pki/ocsp.ts";
import { listOcspResponsesDue, type OcspSubject, saveOcspResponse } from "./repository.ts";

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A pre-signed response is valid four days from its signing and renewed after two, its
 * half-life, by the hourly job: a job that fails is retried and noticed for two days before any
 * response runs out, and even then the responder signs anew rather than serve an expired one.
 * This keeps within the CA/Browser Forum's bounds for OCSP (valid 8 hours to 10 days, renewed
 * at least 8 hours before nextUpdate and within 4 days of thisUpdate), and below the week a CRL
 * is valid: a relying party that caches either learns of a revocation no later than through the
 * CRL. Poort itself never relies on a cached answer; it reads the database (ADR 0008).
 */
export const PRESIGNED_VALIDITY_MS = 4 * DAY_MS;
export const PRESIGNED_RENEW_AFTER_MS = 2 * DAY_MS;
/**
 * Pre-signed responses name the certificate by a SHA-1 CertID, which browsers, openssl and the
 * lightweight profile (RFC 5019) send; a request by another hash is answered by live signing.
 */
export const PRESIGNED_HASH = "SHA-1";
/** Certificates renewed per query of the job. */
const RENEWAL_PAGE = 200;

/** What an OCSP response says of a certificate Poort issued. */
export function certificateStatus(certificate: OcspSubject): OcspCertStatus {
  return certificate.revokedAt
    ? {
        kind: "revoked",
        revokedAt: certificate.revokedAt,
        reason: certificate.revocationReason ?? "unspecified",
      }
    : { kind: "good" };
}

/**
 * Signs `certificate`'s response without a nonce as `issuer`, the CA that issued it, stores it
 * (in `db`, the caller's transaction where there is one) and returns it.
 */
export async function presignOcspResponse(
  deps: CertificatesDeps,
  db: Database,
  issuer: LoadedAuthority,
  certificate: OcspSubject,
): Promise<Buffer> {
  if (certificate.authorityId !== issuer.id) {
    throw new Error("only the CA that issued a certificate answers for it");
  }
  const thisUpdate = deps.clock.now();
  const nextUpdate = new Date(thisUpdate.getTime() + PRESIGNED_VALIDITY_MS);
  const status = certificateStatus(certificate);
  const der = await buildOcspResponse(issuer, {
    producedAt: thisUpdate,
    responses: [
      {
        certId: certIdOf(issuer.certificate, certificate.serialNumber, PRESIGNED_HASH),
        status,
        thisUpdate,
        nextUpdate,
      },
    ],
  });
  await saveOcspResponse(db, {
    certificateId: certificate.id,
    authorityId: issuer.id,
    status: status.kind === "revoked" ? "revoked" : "good",
    thisUpdate,
    nextUpdate,
    der,
  });
  return der;
}

/**
 * Signs the responses that are due: of every unexpired certificate of the current issuing CA
 * whose response is missing (issued before pre-signing, or a failed store), past its half-life,
 * or at odds with the certificate row. Returns how many it signed.
 */
export async function renewOcspResponses(deps: CertificatesDeps): Promise<number> {
  const { issuing } = await deps.authorities.get();
  const now = deps.clock.now();
  const renewBefore = new Date(now.getTime() - PRESIGNED_RENEW_AFTER_MS);
  let renewed = 0;
  let afterId: string | undefined;
  for (;;) {
    const due = await listOcspResponsesDue(deps.db, {
      authorityId: issuing.id,
      now,
      renewBefore,
      limit: RENEWAL_PAGE,
      ...(afterId ? { afterId } : {}),
    });
    for (const certificate of due) {
      await presignOcspResponse(deps, deps.db, issuing, certificate);
    }
    renewed += due.length;
    afterId = due.at(-1)?.id;
    if (due.length < RENEWAL_PAGE) return renewed;
  }
}

const ocspRenewalJob = defineJobType({
  name: "certificates.ocsp-renewal",
  payload: z.object({}),
  maxAttempts: 3,
});

/** Every hour, so a response is renewed within an hour of its half-life. */
export async function scheduleOcspRenewal(jobs: JobRunner, deps: CertificatesDeps) {
  jobs.handle(ocspRenewalJob, async () => {
    await renewOcspResponses(deps);
  });
  await jobs.schedule("certificates-ocsp-renewal", "37 * * * *", ocspRenewalJob, {});
}
