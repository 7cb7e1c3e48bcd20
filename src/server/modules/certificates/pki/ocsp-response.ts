import type { CaMaterial } from "./ca-material.ts";
import {
  algorithmIdentifier,
  enumerated,
  explicit,
  extension,
  generalizedTime,
  implicitPrimitive,
  implicitSequence,
  integer,
  nullValue,
  objectIdentifier,
  octetString,
  sequence,
  sequenceOf,
} from "./der.ts";
import { type OcspCertId, ocspHashAlgorithmOids, publicKeyHash } from "./ocsp-cert-id.ts";
import { nonceOid } from "./ocsp-request.ts";
import { type RevocationReason, revocationReasonCodes } from "./revocation-reasons.ts";
import { serialNumberBytes } from "./serial-numbers.ts";
import { signDer } from "./signed-der.ts";

/** What the responder says about one certificate. */
export type OcspCertStatus =
  | { kind: "good" }
  | { kind: "revoked"; revokedAt: Date; reason: RevocationReason }
  | { kind: "unknown" };

/** The answer for one certificate of the request. */
export interface OcspSingleResponse {
  certId: OcspCertId;
  status: OcspCertStatus;
  thisUpdate: Date;
  nextUpdate: Date;
}

/** The whole answer: when it was made, one entry per requested certificate, the nonce if sent. */
export interface OcspResponseOptions {
  producedAt: Date;
  responses: OcspSingleResponse[];
  nonce?: Buffer;
}

/** OCSPResponseStatus values other than success (RFC 6960, 4.2.1). */
export type OcspErrorStatus = "malformedRequest" | "internalError" | "unauthorized";

const errorStatusCodes: Record<OcspErrorStatus, number> = {
  malformedRequest: 1,
  internalError: 2,
  unauthorized: 6,
};

const idPkixOcspBasic = "1.3.6.1.5.5.7.48.1.1";

/**
 * A successful OCSP response in DER: a BasicOCSPResponse signed by the issuing CA itself, so
 * no delegated responder certificate is needed (RFC 6960, 4.2.2.2), naming itself by key hash.
 */
export async function buildOcspResponse(
  responder: CaMaterial,
  options: OcspResponseOptions,
): Promise<Buffer> {
  const responseExtensions = options.nonce
    ? [explicit(1, sequence(extension(nonceOid, octetString(options.nonce))))]
    : [];
  const responseData = sequence(
    explicit(2, octetString(publicKeyHash(responder.certificate))), // responderID byKey
    generalizedTime(options.producedAt),
    sequenceOf(options.responses.map(singleResponse)),
    ...responseExtensions,
  );
  const basicResponse = await signDer(responder, responseData);
  return sequence(
    enumerated(0), // successful
    explicit(0, sequence(objectIdentifier(idPkixOcspBasic), octetString(basicResponse))),
  );
}

/** An unsuccessful OCSP response: only the status, unsigned, as RFC 6960 prescribes. */
export function ocspErrorResponse(status: OcspErrorStatus): Buffer {
  return sequence(enumerated(errorStatusCodes[status]));
}

function singleResponse(response: OcspSingleResponse): Buffer {
  return sequence(
    certIdDer(response.certId),
    certStatus(response.status),
    generalizedTime(response.thisUpdate),
    explicit(0, generalizedTime(response.nextUpdate)),
  );
}

// The request's CertID repeated, so the client can pair answers with questions.
function certIdDer(certId: OcspCertId): Buffer {
  return sequence(
    algorithmIdentifier(ocspHashAlgorithmOids[certId.hashAlgorithm], nullValue()),
    octetString(certId.issuerNameHash),
    octetString(certId.issuerKeyHash),
    integer(serialNumberBytes(certId.serialNumber)),
  );
}

// good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL.
function certStatus(status: OcspCertStatus): Buffer {
  switch (status.kind) {
    case "good":
      return implicitPrimitive(0, Buffer.alloc(0));
    case "unknown":
      return implicitPrimitive(2, Buffer.alloc(0));
    case "revoked":
      return implicitSequence(
        1,
        generalizedTime(status.revokedAt),
        explicit(0, enumerated(revocationReasonCodes[status.reason])),
      );
  }
}
