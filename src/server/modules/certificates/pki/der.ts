/**
 * A small DER writer for the structures built here byte by byte: CRLs (where the libraries
 * take seconds to minutes for 100,000 entries), OCSP responses and PKCS#12 files. Every
 * function returns one complete encoding, so structures read like their ASN.1 definitions.
 */

/** One tag-length-value; the length in the shortest form, as DER demands. */
export function tlv(tag: number, ...contents: Buffer[]): Buffer {
  let length = 0;
  for (const content of contents) length += content.length;
  // Written into one buffer, not concatenated twice: an OCSP answer signed live has dozens.
  const lengthSize =
    length < 0x80 ? 0 : length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
  const encoding = Buffer.allocUnsafe(2 + lengthSize + length);
  encoding[0] = tag;
  if (lengthSize === 0) encoding[1] = length;
  else {
    encoding[1] = 0x80 | lengthSize;
    encoding.writeUIntBE(length, 2, lengthSize);
  }
  let offset = 2 + lengthSize;
  for (const content of contents) offset += content.copy(encoding, offset);
  return encoding;
}

/** The big-endian bytes of a non-negative number, without leading zeros (at least one byte). */
function unsignedBytes(value: bigint): Buffer {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, "hex");
}

/** SEQUENCE */
export const sequence = (...items: Buffer[]): Buffer => tlv(0x30, ...items);

/** SEQUENCE OF a list of any length: spreading 100,000 items as arguments overflows the stack. */
export const sequenceOf = (items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));

/** SET OF, its elements sorted by their encodings as DER requires. */
export const setOf = (...items: Buffer[]): Buffer => tlv(0x31, ...[...items].sort(Buffer.compare));

/** `[n] EXPLICIT`: the tagged value wrapped whole. */
export const explicit = (tagNumber: number, ...items: Buffer[]): Buffer =>
  tlv(0xa0 | tagNumber, ...items);

/** `[n] IMPLICIT` over a SEQUENCE: its items under a constructed context tag. */
export const implicitSequence = (tagNumber: number, ...items: Buffer[]): Buffer =>
  tlv(0xa0 | tagNumber, ...items);

/** `[n] IMPLICIT` over a primitive type: the content of `value` under a context tag. */
export const implicitPrimitive = (tagNumber: number, content: Buffer): Buffer =>
  tlv(0x80 | tagNumber, content);

/** NULL */
export const nullValue = (): Buffer => Buffer.of(0x05, 0x00);

/** OCTET STRING */
export const octetString = (bytes: Uint8Array): Buffer => tlv(0x04, Buffer.from(bytes));

/** BIT STRING of whole bytes (no unused bits), as keys and signatures are. */
export const bitString = (bytes: Uint8Array): Buffer => tlv(0x03, Buffer.of(0), Buffer.from(bytes));

/** BMPString (UTF-16 big-endian), as PKCS#12 friendly names are. */
export const bmpString = (text: string): Buffer => tlv(0x1e, Buffer.from(text, "utf16le").swap16());

/** ENUMERATED of a small non-negative value. */
export const enumerated = (value: number): Buffer => tlv(0x0a, integerContent(BigInt(value)));

/** INTEGER of a non-negative number, or of unsigned big-endian bytes (a serial number). */
export function integer(value: bigint | number | Uint8Array): Buffer {
  const number = value instanceof Uint8Array ? BigInt(`0x${toHex(value)}`) : BigInt(value);
  if (number < 0n) throw new RangeError("der.integer: negative values are not needed here");
  return tlv(0x02, integerContent(number));
}

// The top bit is the sign: a positive value starting with it set needs a leading zero byte.
function integerContent(value: bigint): Buffer {
  const bytes = unsignedBytes(value);
  return (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.of(0), bytes]) : bytes;
}

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex") || "0";

const objectIdentifiers = new Map<string, Buffer>();

/** OBJECT IDENTIFIER from its dotted form; the few that Poort writes are encoded once. */
export function objectIdentifier(oid: string): Buffer {
  let encoding = objectIdentifiers.get(oid);
  if (!encoding) {
    const [first = 0, second = 0, ...rest] = oid.split(".").map(Number);
    const arcs = [first * 40 + second, ...rest];
    encoding = tlv(0x06, Buffer.concat(arcs.map(base128)));
    objectIdentifiers.set(oid, encoding);
  }
  return encoding;
}

// Each arc in 7-bit groups, all but the last with the high bit set.
function base128(arc: number): Buffer {
  const groups = [arc & 0x7f];
  for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) {
    groups.unshift((rest & 0x7f) | 0x80);
  }
  return Buffer.from(groups);
}

/** AlgorithmIdentifier; `parameters` absent unless given (pass `nullValue()` where required). */
export const algorithmIdentifier = (oid: string, parameters?: Buffer): Buffer =>
  sequence(objectIdentifier(oid), ...(parameters ? [parameters] : []));

/** X.509 Extension, non-critical (the only kind the CRLs and OCSP responses here carry). */
export const extension = (oid: string, value: Buffer): Buffer =>
  sequence(objectIdentifier(oid), octetString(value));

/** GeneralizedTime in whole seconds, UTC, as RFC 5280 and RFC 6960 require. */
export const generalizedTime = (date: Date): Buffer =>
  tlv(0x18, Buffer.from(`${timeDigits(date)}Z`, "ascii"));

/** RFC 5280's Time: UTCTime for the years 1950–2049, GeneralizedTime from 2050 on. */
export function x509Time(date: Date): Buffer {
  const year = date.getUTCFullYear();
  if (year < 1950 || year > 2049) return generalizedTime(date);
  return tlv(0x17, Buffer.from(`${timeDigits(date).slice(2)}Z`, "ascii"));
}

// YYYYMMDDHHMMSS; toISOString is always UTC with four-digit years in this range.
const timeDigits = (date: Date) => date.toISOString().slice(0, 19).replace(/[-T:]/g, "");
