import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { type OcspCertId, type OcspHashAlgorithm, ocspHashAlgorithmOids } from "./ocsp-cert-id.ts";

/** A request that cannot be read; answer it with `ocspErrorResponse("malformedRequest")`. */
export class OcspRequestError extends Error {
  override name = "OcspRequestError";
}

/** What an OCSP request asks: the certificates, and the nonce to echo if it sent one. */
export interface OcspRequest {
  certIds: OcspCertId[];
  /** The nonce's own octets (RFC 8954), without the OCTET STRING around them. */
  nonce?: Buffer;
}

/** The OCSP nonce extension (RFC 8954), which responses echo. */
export const nonceOid = "1.3.6.1.5.5.7.48.1.2";

const hashAlgorithmsByOid = new Map(
  Object.entries(ocspHashAlgorithmOids).map(([name, oid]) => [oid, name as OcspHashAlgorithm]),
);

/**
 * Reads a DER OCSP request (RFC 6960, 4.1). Throws `OcspRequestError` for anything that is
 * not one, has no certificates, uses another hash than SHA-1/SHA-2, or carries a nonce
 * outside RFC 8954's 1–32 octets. A signature on the request is ignored: Poort's answers
 * are public, so it does not ask who is asking.
 */
export function parseOcspRequest(der: Uint8Array): OcspRequest {
  let request: pkijs.OCSPRequest;
  try {
    request = pkijs.OCSPRequest.fromBER(new Uint8Array(der));
  } catch (error) {
    throw new OcspRequestError("not a DER OCSP request", { cause: error });
  }
  const { requestList, requestExtensions } = request.tbsRequest;
  if (requestList.length === 0) throw new OcspRequestError("the request lists no certificates");
  const nonce = requestExtensions?.find((extension) => extension.extnID === nonceOid);
  return {
    certIds: requestList.map(({ reqCert }) => certId(reqCert)),
    ...(nonce ? { nonce: nonceValue(nonce.extnValue.valueBlock.valueHexView) } : {}),
  };
}

function certId(reqCert: pkijs.CertID): OcspCertId {
  const hashAlgorithm = hashAlgorithmsByOid.get(reqCert.hashAlgorithm.algorithmId);
  if (!hashAlgorithm) {
    throw new OcspRequestError(`unsupported hash ${reqCert.hashAlgorithm.algorithmId}`);
  }
  const serial = reqCert.serialNumber.valueBlock.valueHexView;
  // RFC 5280 caps serials at 20 octets; anything else is no certificate of ours to answer for.
  if (serial.length < 1 || serial.length > 21 || (serial.length === 21 && serial[0] !== 0)) {
    throw new OcspRequestError("the serial number must be 1–20 octets");
  }
  return {
    serialNumber: serialHex(serial),
    issuerNameHash: Buffer.from(reqCert.issuerNameHash.valueBlock.valueHexView),
    issuerKeyHash: Buffer.from(reqCert.issuerKeyHash.valueBlock.valueHexView),
    hashAlgorithm,
  };
}

// Without the sign byte a positive INTEGER may start with, so it compares to issued serials.
function serialHex(bytes: Uint8Array): string {
  const start = bytes.length > 1 && bytes[0] === 0 ? 1 : 0;
  return Buffer.from(bytes.subarray(start)).toString("hex");
}

function nonceValue(extnValue: Uint8Array): Buffer {
  const parsed = asn1js.fromBER(extnValue);
  const nonce = parsed.result;
  if (
    parsed.offset !== extnValue.length ||
    !(nonce instanceof asn1js.OctetString) ||
    nonce.valueBlock.valueHexView.length < 1 ||
    nonce.valueBlock.valueHexView.length > 32
  ) {
    throw new OcspRequestError("the nonce must be an OCTET STRING of 1–32 octets");
  }
  return Buffer.from(nonce.valueBlock.valueHexView);
}
