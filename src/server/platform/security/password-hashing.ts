import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

interface ScryptParameters {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/**
 * OWASP's scrypt minimum (N=2^15, r=8, p=1): 32 MiB and roughly 0.1 s per hash. Raise these
 * when hardware allows; stored hashes name their own parameters, so old ones keep verifying
 * and `needsRehash` tells the login to store a stronger hash.
 */
const current: ScryptParameters = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };
const saltLength = 16;

/**
 * Stored values come from our own database, but a corrupted or hostile row must not make one
 * login allocate gigabytes or run for minutes. Room to grow 8× in memory; beyond these bounds a
 * stored value fails to verify.
 */
const ceiling = { memoryBytes: 256 * 2 ** 20, p: 16, keyLength: 64 };

function deriveKey(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const { N, r, p, keyLength } = parameters;
  // OpenSSL needs 128·r·(N + p + 2) bytes and refuses more than maxmem, 32 MiB by default:
  // exactly too little for today's parameters. Twice the need leaves room.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * r * (N + p + 2) };
  return new Promise((resolve, reject) => {
    // NFC: the same password typed on macOS (often NFD) and Windows (NFC) must match.
    scrypt(password.normalize("NFC"), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`: the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await deriveKey(password, salt, current);
  const { N, r, p } = current;
  return ["scrypt", N, r, p, salt.toString("base64"), key.toString("base64")].join("$");
}

interface StoredHash extends ScryptParameters {
  salt: Buffer;
  key: Buffer;
}

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parseStored(stored: string): StoredHash | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,10}$/.test(part) ? Number(part) : 0));
  const [saltText = "", keyText = ""] = parts.slice(4);
  if (!N || !r || !p || !base64.test(saltText) || !base64.test(keyText)) return null;
  const salt = Buffer.from(saltText, "base64");
  const key = Buffer.from(keyText, "base64");
  const powerOfTwo = (N & (N - 1)) === 0;
  const withinCeiling = 128 * N * r <= ceiling.memoryBytes && p <= ceiling.p;
  if (N < 2 || !powerOfTwo || !withinCeiling || salt.length === 0) return null;
  if (key.length < 16 || key.length > ceiling.keyLength) return null;
  return { N, r, p, keyLength: key.length, salt, key };
}

/** False for a wrong password and for a stored value we cannot read; never throws for those. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  // scrypt has further rules of its own (N < 2^(16·r), for one); a value it refuses is unreadable.
  const candidate = await deriveKey(password, parsed.salt, parsed).catch(() => null);
  return candidate !== null && timingSafeEqual(candidate, parsed.key);
}

/** True when the stored hash is weaker than what `hashPassword` makes today (or unreadable). */
export function needsRehash(stored: string): boolean {
  const parsed = parseStored(stored);
  if (!parsed) return true;
  return (
    parsed.N < current.N ||
    parsed.r < current.r ||
    parsed.p < current.p ||
    parsed.keyLength < current.keyLength
  );
}
