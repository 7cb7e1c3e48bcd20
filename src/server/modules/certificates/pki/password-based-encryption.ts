import { createCipheriv, pbkdf2, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { algorithmIdentifier, integer, nullValue, octetString, sequence } from "./der.ts";
import { pkcs12Kdf } from "./pkcs12-kdf.ts";

/** Data encrypted under a password, with the AlgorithmIdentifier that says how to decrypt it. */
export interface PasswordEncrypted {
  algorithm: Buffer;
  ciphertext: Buffer;
}

/** A way of encrypting PKCS#12 contents under a password. */
export type PasswordEncryption = (
  data: Buffer,
  password: string,
  iterations: number,
) => Promise<PasswordEncrypted>;

const pbkdf2Async = promisify(pbkdf2);

/**
 * PBES2 (RFC 8018): PBKDF2 with HMAC-SHA-256 and AES-256-CBC, what OpenSSL 3 and Windows 10+
 * write by default. PBKDF2 takes the password's UTF-8 bytes, as OpenSSL does.
 */
export const pbes2Aes256: PasswordEncryption = async (data, password, iterations) => {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = await pbkdf2Async(Buffer.from(password, "utf8"), salt, iterations, 32, "sha256");
  const pbkdf2Parameters = sequence(
    octetString(salt),
    integer(iterations),
    algorithmIdentifier("1.2.840.113549.2.9", nullValue()), // hmacWithSHA256
  );
  return {
    algorithm: algorithmIdentifier(
      "1.2.840.113549.1.5.13", // PBES2
      sequence(
        algorithmIdentifier("1.2.840.113549.1.5.12", pbkdf2Parameters), // PBKDF2
        algorithmIdentifier("2.16.840.1.101.3.4.1.42", octetString(iv)), // aes256-CBC
      ),
    ),
    ciphertext: encrypt("aes-256-cbc", key, iv, data),
  };
};

/**
 * pbeWithSHAAnd3-KeyTripleDES-CBC (RFC 7292, appendix C): the strongest scheme that old
 * Windows and macOS keychains read. Its key and IV come from the PKCS#12 derivation.
 */
export const pbeSha1TripleDes: PasswordEncryption = async (data, password, iterations) => {
  const salt = randomBytes(8);
  const derive = (purpose: "key" | "iv", length: number) =>
    pkcs12Kdf({ hash: "sha1", password, salt, iterations, purpose, length });
  return {
    algorithm: algorithmIdentifier(
      "1.2.840.113549.1.12.1.3",
      sequence(octetString(salt), integer(iterations)),
    ),
    ciphertext: encrypt("des-ede3-cbc", derive("key", 24), derive("iv", 8), data),
  };
};

function encrypt(cipher: string, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const encryptor = createCipheriv(cipher, key, iv);
  return Buffer.concat([encryptor.update(data), encryptor.final()]);
}
