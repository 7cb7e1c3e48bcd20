import type { LoadedAuthority } from "./authority.ts";
import type { CertificatesDeps } from "./deps.ts";
import {
  buildOcspResponse,
  matchesIssuer,
  type OcspCertId,
  type OcspRequest,
  OcspRequestError,
  ocspErrorResponse,
  parseOcspRequest,
} from "./pki/ocsp.ts";
import {
  certificateStatus,
  PRESIGNED_HASH,
  presignOcspResponse,
} from "./presigned-ocsp-responses.ts";
import { findCertificatesForOcsp, normaliseSerial } from "./repository.ts";

/** Responses signed for one request (with a nonce, say) are fresh for an hour. */
const LIVE_VALIDITY_MS = 60 * 60_000;

type FoundCertificate = Awaited<ReturnType<typeof findCertificatesForOcsp>>[number];

/**
 * Answers an OCSP request (RFC 6960) from the database, which is the source of truth: revoked
 * as soon as the revocation is committed, "unknown" for a serial this CA never issued. The
 * common request, one certificate by SHA-1 without a nonce, gets the certificate's pre-signed
 * response, so it costs no signature; any other request is signed as it comes.
 */
export async function answerOcspRequest(deps: CertificatesDeps, der: Buffer): Promise<Buffer> {
  let request: OcspRequest;
  try {
    request = parseOcspRequest(der);
  } catch (error) {
    if (error instanceof OcspRequestError) return ocspErrorResponse("malformedRequest");
    throw error;
  }
  const { issuing } = await deps.authorities.get();
  const certificates = await findIssuedBy(deps, issuing, request.certIds);
  const [certificate] = certificates;
  if (
    certificate &&
    certificates.length === 1 &&
    !request.nonce &&
    request.certIds[0]?.hashAlgorithm === PRESIGNED_HASH
  ) {
    return presignedResponse(deps, issuing, certificate);
  }
  return signedNow(deps, issuing, request, certificates);
}

/** Per CertID, the certificate it names if `issuing` issued it: one query for them all. */
async function findIssuedBy(
  deps: CertificatesDeps,
  issuing: LoadedAuthority,
  certIds: OcspCertId[],
): Promise<Array<FoundCertificate | undefined>> {
  const ours = certIds.filter((certId) => matchesIssuer(certId, issuing.certificate));
  // Requests about another CA's certificates cost no query.
  const found = ours.length
    ? await findCertificatesForOcsp(
        deps.db,
        ours.map((certId) => certId.serialNumber),
      )
    : [];
  const bySerial = new Map(
    found
      .filter((certificate) => certificate.authorityId === issuing.id)
      .map((certificate) => [certificate.serialNumber, certificate]),
  );
  return certIds.map((certId) =>
    ours.includes(certId) ? bySerial.get(normaliseSerial(certId.serialNumber)) : undefined,
  );
}

/**
 * The stored response while it is valid and says what the certificate row says; otherwise
 * (none yet, expired, or a revocation it missed) one signed and stored now.
 */
function presignedResponse(
  deps: CertificatesDeps,
  issuing: LoadedAuthority,
  certificate: FoundCertificate,
): Buffer | Promise<Buffer> {
  const { stored } = certificate;
  const usable =
    stored !== null &&
    stored.authorityId === issuing.id &&
    stored.nextUpdate > deps.clock.now() &&
    stored.status === certificateStatus(certificate).kind;
  return usable ? stored.der : presignOcspResponse(deps, deps.db, issuing, certificate);
}

function signedNow(
  deps: CertificatesDeps,
  issuing: LoadedAuthority,
  request: OcspRequest,
  certificates: Array<FoundCertificate | undefined>,
): Promise<Buffer> {
  const now = deps.clock.now();
  const nextUpdate = new Date(now.getTime() + LIVE_VALIDITY_MS);
  return buildOcspResponse(issuing, {
    producedAt: now,
    responses: request.certIds.map((certId, index) => {
      const certificate = certificates[index];
      return {
        certId,
        status: certificate ? certificateStatus(certificate) : { kind: "unknown" },
        thisUpdate: now,
        nextUpdate,
      };
    }),
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
}
