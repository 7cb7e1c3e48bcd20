import { createHash } from "node:crypto";

// The diversifier ID of each thing PKCS#12's derivation makes (RFC 7292, B.3).
const purposeIds = { key: 1, iv: 2, mac: 3 } as const;

const blockSize = 64; // v in RFC 7292: the block size of SHA-1 and SHA-256 alike

/** A password as PKCS#12's own derivation takes it: BMPString with a closing zero character. */
export function bmpPassword(password: string): Buffer {
  return Buffer.from(`${password}\0`, "utf16le").swap16();
}

/**
 * The PKCS#12 key derivation (RFC 7292, appendix B.2), which Node does not offer. Still needed
 * for the MAC of every PKCS#12 file (OpenSSL 3.0 reads no other) and for the legacy ciphers.
 */
export function pkcs12Kdf(options: {
  hash: "sha1" | "sha256";
  password: string;
  salt: Buffer;
  iterations: number;
  purpose: keyof typeof purposeIds;
  length: number;
}): Buffer {
  const diversifier = Buffer.alloc(blockSize, purposeIds[options.purpose]);
  const input = Buffer.concat([
    fillBlocks(options.salt),
    fillBlocks(bmpPassword(options.password)),
  ]);
  const output: Buffer[] = [];
  for (let produced = 0; produced < options.length; ) {
    let digest = createHash(options.hash).update(diversifier).update(input).digest();
    for (let round = 1; round < options.iterations; round += 1) {
      digest = createHash(options.hash).update(digest).digest();
    }
    output.push(digest);
    produced += digest.length;
    addToEachBlock(input, fillBlocks(digest, blockSize));
  }
  return Buffer.concat(output).subarray(0, options.length);
}

/** `value` repeated to fill whole blocks (or `length` bytes). */
function fillBlocks(value: Buffer, length = Math.ceil(value.length / blockSize) * blockSize) {
  const filled = Buffer.alloc(length);
  for (let offset = 0; offset < length; offset += value.length) value.copy(filled, offset);
  return filled;
}

/** I_j = (I_j + B + 1) mod 2^(8v) for each block of `input`, in place. */
function addToEachBlock(input: Buffer, block: Buffer) {
  for (let start = 0; start < input.length; start += blockSize) {
    let carry = 1;
    for (let i = blockSize - 1; i >= 0; i -= 1) {
      const sum = (input[start + i] ?? 0) + (block[i] ?? 0) + carry;
      input[start + i] = sum & 0xff;
      carry = sum >> 8;
    }
  }
}
