import type { CertificatesDeps } from "./deps.ts";
import {
  buildOcspResponse,
  matchesIssuer,
  OcspRequestError,
  ocspErrorResponse,
  parseOcspRequest,
} from "./pki/ocsp.ts";
import { findCertificateBySerial } from "./repository.ts";

/** Responses are fresh for an hour; clients ask again after that. */
const RESPONSE_VALIDITY_MS = 60 * 60_000;

/**
 * Answers an OCSP request (RFC 6960) from the database, which is the source of truth: revoked
 * as soon as the revocation is committed, "unknown" for a serial this CA never issued.
 */
export async function answerOcspRequest(deps: CertificatesDeps, der: Buffer): Promise<Buffer> {
  let request: ReturnType<typeof parseOcspRequest>;
  try {
    request = parseOcspRequest(der);
  } catch (error) {
    if (error instanceof OcspRequestError) return ocspErrorResponse("malformedRequest");
    throw error;
  }
  const { issuing } = await deps.authorities.get();
  const now = deps.clock.now();
  const nextUpdate = new Date(now.getTime() + RESPONSE_VALIDITY_MS);
  const responses = await Promise.all(
    request.certIds.map(async (certId) => {
      const ours = await matchesIssuer(certId, issuing.certificate);
      const found = ours ? await findCertificateBySerial(deps.db, certId.serialNumber) : undefined;
      const status =
        !found || found.authorityId !== issuing.id
          ? ({ kind: "unknown" } as const)
          : found.revokedAt
            ? ({
                kind: "revoked",
                revokedAt: found.revokedAt,
                reason: found.revocationReason ?? "unspecified",
              } as const)
            : ({ kind: "good" } as const);
      return { certId, status, thisUpdate: now, nextUpdate };
    }),
  );
  return buildOcspResponse(issuing, {
    producedAt: now,
    responses,
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
}
