import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { loadSecretKey } from "../security/secret-box.ts";

const ivLength = 12;
const tagLength = 16;
const dataKeyLength = 32;

/** A file's data key as its key row keeps it: wrapped, with the id of the key that wrapped it. */
export interface WrappedKey {
  keyId: string;
  /** base64url of IV, ciphertext and tag. */
  wrappedKey: string;
}

/** A data key that cannot be unwrapped: its wrapping key is unknown, or the row was altered. */
export class FileKeyError extends Error {
  override name = "FileKeyError";
}

interface WrappingKey {
  id: string;
  key: Buffer;
}

/**
 * The keys that wrap the files' data keys (envelope encryption): one derived from the current
 * secret, which wraps every new data key, and one from each previous secret, which still
 * unwraps the data keys wrapped under it until `rewrapFileKeys` has moved them to the current
 * one. Each is known by an id, a hash of the key that gives nothing of it away, so a row says
 * which key it needs and a rotation can find the rows still under an old one.
 */
export class FileKeyring {
  readonly #current: WrappingKey;
  readonly #byId: ReadonlyMap<string, WrappingKey>;

  /**
   * `current` and `previous` are secret keys as `loadSecretKey` gives them; the wrapping key is
   * derived from each with HKDF under an info of its own, so it is independent of the secret
   * box's key and of every other key taken from the same secret.
   */
  constructor(secretKeys: { current: Buffer; previous?: readonly Buffer[] }) {
    this.#current = wrappingKeyOf(secretKeys.current);
    const all = [this.#current, ...(secretKeys.previous ?? []).map(wrappingKeyOf)];
    this.#byId = new Map(all.map((wrapping) => [wrapping.id, wrapping]));
  }

  /** The id of the key that wraps new data keys. */
  get currentKeyId(): string {
    return this.#current.id;
  }

  /** Whether a data key wrapped under `keyId` can be unwrapped here. */
  knows(keyId: string): boolean {
    return this.#byId.has(keyId);
  }

  /** A fresh random data key, for one file. */
  newDataKey(): Buffer {
    return randomBytes(dataKeyLength);
  }

  /** Wraps `dataKey` under the current key, bound to the object it seals. */
  wrap(dataKey: Buffer, objectKey: string): WrappedKey {
    if (dataKey.length !== dataKeyLength) throw new RangeError("A data key has 32 bytes");
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv("aes-256-gcm", this.#current.key, iv, {
      authTagLength: tagLength,
    });
    // The object's key as additional data: a row copied onto another object does not unwrap.
    cipher.setAAD(Buffer.from(objectKey, "utf8"));
    const wrapped = Buffer.concat([
      iv,
      cipher.update(dataKey),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return { keyId: this.#current.id, wrappedKey: wrapped.toString("base64url") };
  }

  unwrap(wrapped: WrappedKey, objectKey: string): Buffer {
    const wrapping = this.#byId.get(wrapped.keyId);
    if (!wrapping) {
      throw new FileKeyError(
        `The data key of ${objectKey} is wrapped under key ${wrapped.keyId}, which no configured ` +
          "secret gives (SECRET_KEY, PREVIOUS_SECRET_KEYS)",
      );
    }
    const bytes = Buffer.from(wrapped.wrappedKey, "base64url");
    if (bytes.length !== ivLength + dataKeyLength + tagLength) {
      throw new FileKeyError(`The wrapped data key of ${objectKey} is damaged`);
    }
    const decipher = createDecipheriv("aes-256-gcm", wrapping.key, bytes.subarray(0, ivLength), {
      authTagLength: tagLength,
    });
    decipher.setAAD(Buffer.from(objectKey, "utf8"));
    decipher.setAuthTag(bytes.subarray(ivLength + dataKeyLength));
    try {
      return Buffer.concat([
        decipher.update(bytes.subarray(ivLength, ivLength + dataKeyLength)),
        decipher.final(),
      ]);
    } catch {
      throw new FileKeyError(
        `The wrapped data key of ${objectKey} fails authentication: altered, or wrapped for ` +
          "another object",
      );
    }
  }
}

function wrappingKeyOf(secretKey: Buffer): WrappingKey {
  const key = Buffer.from(hkdfSync("sha256", secretKey, Buffer.alloc(0), "poort file keys", 32));
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 16), key };
}

/**
 * The keyring of a configuration: the current secret from SECRET_KEY or the embedded key file
 * (as for the secret box), and the previous secrets.
 */
export async function loadFileKeyring(options: {
  secretKey?: string | undefined;
  previousSecretKeys: readonly string[];
  dataDir: string;
}): Promise<FileKeyring> {
  const current = await loadSecretKey({ secretKey: options.secretKey, dataDir: options.dataDir });
  const previous = await Promise.all(
    options.previousSecretKeys.map((secretKey) =>
      loadSecretKey({ secretKey, dataDir: options.dataDir }),
    ),
  );
  return new FileKeyring({ current, previous });
}
