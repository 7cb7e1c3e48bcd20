// OCSP (RFC 6960) for the responder: read a request, check whose certificates it asks about,
// answer it. One entry point for the three files that each do one of these.
export {
  certIdOf,
  matchesIssuer,
  type OcspCertId,
  type OcspHashAlgorithm,
} from "./ocsp-cert-id.ts";
export { type OcspRequest, OcspRequestError, parseOcspRequest } from "./ocsp-request.ts";
export {
  buildOcspResponse,
  type OcspCertStatus,
  type OcspErrorStatus,
  type OcspResponseOptions,
  type OcspSingleResponse,
  ocspErrorResponse,
} from "./ocsp-response.ts";
