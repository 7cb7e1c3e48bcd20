import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

const version = "v1";
const ivLength = 12;
const tagLength = 16;

/** Thrown by `open`; the message says what went wrong but never shows the sealed value. */
export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

/**
 * Encrypts small secrets kept in the database (TOTP secrets, later CA keys) so that a leaked
 * dump or backup does not give them away. AES-256-GCM authenticates as well as encrypts: a
 * value changed in the database fails to open instead of decrypting to something else.
 */
export class SecretBox {
  readonly #key: Buffer;
  readonly #fingerprintKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new SecretBoxError("SecretBox needs a 32-byte key");
    this.#key = key;
    this.#fingerprintKey = Buffer.from(
      hkdfSync("sha256", key, Buffer.alloc(0), "poort fingerprint", 32),
    );
  }

  /**
   * A keyed hash (HMAC-SHA256, hex) for short secrets that are only compared, such as recovery
   * codes: without the key, a leaked table cannot be searched by trying every possible code.
   */
  fingerprint(value: string): string {
    return createHmac("sha256", this.#fingerprintKey).update(value, "utf8").digest("hex");
  }

  /** `v1.<iv>.<tag>.<ciphertext>` in base64url; the version leaves room for another scheme. */
  seal(plaintext: string): string {
    // A fresh random IV per value: GCM loses all security when an IV repeats under one key.
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv, { authTagLength: tagLength });
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [version, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".");
  }

  open(sealed: string): string {
    const parts = sealed.split(".");
    if (parts.length !== 4 || parts[0] !== version) {
      throw new SecretBoxError("SecretBox: not a sealed v1 value");
    }
    const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, "base64url"));
    if (iv?.length !== ivLength || tag?.length !== tagLength || !ciphertext) {
      throw new SecretBoxError("SecretBox: sealed value is damaged");
    }
    const decipher = createDecipheriv("aes-256-gcm", this.#key, iv, { authTagLength: tagLength });
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
    } catch {
      throw new SecretBoxError(
        "SecretBox: sealed value was altered or sealed with another key (authentication failed)",
      );
    }
  }
}

/** Below this a SECRET_KEY is guessable; 32 random bytes in base64url are 43 characters. */
const minimumSecretLength = 32;

/**
 * Each use of the secret gets its own key (HKDF "info"), so a session key and the secret-box
 * key never coincide even though both come from SECRET_KEY.
 */
function deriveBoxKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "poort secret box", 32));
}

/**
 * The secret-box key: derived from SECRET_KEY when configured (production), otherwise from
 * `<dataDir>/secret.key`, generated on first use (embedded mode). The file holds a secret of
 * the same form as SECRET_KEY, so moving from embedded to configured means copying its content
 * into SECRET_KEY, and everything sealed so far still opens.
 */
export async function loadSecretKey(options: {
  secretKey?: string;
  dataDir: string;
}): Promise<Buffer> {
  if (options.secretKey !== undefined) {
    return deriveBoxKey(checkedSecret(options.secretKey, "SECRET_KEY"));
  }
  const file = path.join(options.dataDir, "secret.key");
  return deriveBoxKey(checkedSecret((await readOrCreateKeyFile(file)).trim(), file));
}

function checkedSecret(secret: string, source: string): string {
  if (secret.length < minimumSecretLength) {
    throw new SecretBoxError(
      `${source} must be at least ${minimumSecretLength} characters; ` +
        "generate one with: openssl rand -base64 32",
    );
  }
  return secret;
}

async function readOrCreateKeyFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  // The complete file is written aside and then linked into place. Linking fails when the name
  // exists, so two processes starting at once agree on one key and neither reads half a file.
  const draft = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  // 0600: only the service account may read the key that opens every sealed secret.
  await writeFile(draft, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(draft);
  }
  return readFile(file, "utf8");
}
