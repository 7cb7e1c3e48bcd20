import { DerError, DerReader, objectIdentifierOf, readOnly, tags } from "./der-reader.ts";
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
  try {
    return readOcspRequest(Buffer.from(der.buffer, der.byteOffset, der.byteLength));
  } catch (error) {
    if (error instanceof DerError) {
      throw new OcspRequestError(`not a DER OCSP request: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

// OCSPRequest ::= SEQUENCE { tbsRequest, optionalSignature [0] EXPLICIT Signature OPTIONAL }
// TBSRequest ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1, requestorName [1] EXPLICIT
//   GeneralName OPTIONAL, requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT
//   Extensions OPTIONAL }
function readOcspRequest(der: Buffer): OcspRequest {
  const ocspRequest = new DerReader(readOnly(der, tags.sequence));
  const tbsRequest = new DerReader(ocspRequest.read(tags.sequence));
  ocspRequest.readOptional(tags.context(0)); // the signature: not checked, see above
  ocspRequest.end();

  const version = tbsRequest.readOptional(tags.context(0));
  if (version && !readOnly(version, tags.integer).equals(Buffer.of(0))) {
    throw new OcspRequestError("only version 1 requests are answered");
  }
  tbsRequest.readOptional(tags.context(1)); // the requestor's name: who asks does not matter
  const requestList = new DerReader(tbsRequest.read(tags.sequence));
  const extensions = tbsRequest.readOptional(tags.context(2));
  tbsRequest.end();

  const certIds: OcspCertId[] = [];
  // Request ::= SEQUENCE { reqCert CertID, singleRequestExtensions [0] EXPLICIT OPTIONAL }
  while (!requestList.done) {
    const request = new DerReader(requestList.read(tags.sequence));
    certIds.push(certId(request.read(tags.sequence)));
    request.readOptional(tags.context(0));
    request.end();
  }
  if (certIds.length === 0) throw new OcspRequestError("the request lists no certificates");
  const nonce = extensions && nonceOf(extensions);
  return { certIds, ...(nonce ? { nonce } : {}) };
}

// CertID ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, issuerNameHash OCTET STRING,
//   issuerKeyHash OCTET STRING, serialNumber INTEGER }
function certId(contents: Buffer): OcspCertId {
  const fields = new DerReader(contents);
  const algorithm = new DerReader(fields.read(tags.sequence));
  const oid = objectIdentifierOf(algorithm.read(tags.objectIdentifier));
  // Parameters NULL or absent, as RFC 5754 allows for the SHA family.
  algorithm.readOptional(tags.null);
  algorithm.end();
  const hashAlgorithm = hashAlgorithmsByOid.get(oid);
  if (!hashAlgorithm) throw new OcspRequestError(`unsupported hash ${oid}`);
  const issuerNameHash = fields.read(tags.octetString);
  const issuerKeyHash = fields.read(tags.octetString);
  const serial = fields.read(tags.integer);
  fields.end();
  // RFC 5280 caps serials at 20 octets; anything else is no certificate of ours to answer for.
  if (serial.length < 1 || serial.length > 21 || (serial.length === 21 && serial[0] !== 0)) {
    throw new OcspRequestError("the serial number must be 1–20 octets");
  }
  return {
    serialNumber: serialHex(serial),
    issuerNameHash,
    issuerKeyHash,
    hashAlgorithm,
  };
}

// Without the sign byte a positive INTEGER may start with, so it compares to issued serials.
function serialHex(bytes: Buffer): string {
  const start = bytes.length > 1 && bytes[0] === 0 ? 1 : 0;
  return bytes.subarray(start).toString("hex");
}

// Extensions ::= SEQUENCE OF Extension; Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER,
//   critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
function nonceOf(explicitExtensions: Buffer): Buffer | undefined {
  const extensions = new DerReader(readOnly(explicitExtensions, tags.sequence));
  let nonce: Buffer | undefined;
  while (!extensions.done) {
    const extension = new DerReader(extensions.read(tags.sequence));
    const oid = objectIdentifierOf(extension.read(tags.objectIdentifier));
    extension.readOptional(tags.boolean);
    const value = extension.read(tags.octetString);
    extension.end();
    if (oid === nonceOid) nonce ??= nonceValue(value);
  }
  return nonce;
}

function nonceValue(extnValue: Buffer): Buffer {
  const nonce = readOnly(extnValue, tags.octetString);
  if (nonce.length < 1 || nonce.length > 32) {
    throw new OcspRequestError("the nonce must be an OCTET STRING of 1–32 octets");
  }
  return Buffer.from(nonce);
}
