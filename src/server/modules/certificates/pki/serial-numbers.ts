import { randomBytes } from "node:crypto";

/**
 * A certificate serial number as hex: 16 random bytes (far above the 64 bits the CA/Browser
 * Forum asks for). The top bit is cleared so the INTEGER stays positive without a padding
 * byte, and the next one set so it never shrinks below 16 bytes: always 32 hex digits.
 */
export function newSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString("hex");
}

// RFC 5280, 4.1.2.2: at most 20 octets.
const serialHex = /^(?:[0-9a-f]{2}){1,20}$/i;

/** The bytes of a hex serial number, refusing what could not be one. */
export function serialNumberBytes(hex: string): Buffer {
  if (!serialHex.test(hex)) throw new RangeError(`not a hex serial number: "${hex}"`);
  return Buffer.from(hex, "hex");
}
