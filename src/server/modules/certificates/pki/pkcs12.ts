import type { webcrypto } from "node:crypto";
import { createHash, createHmac, randomBytes } from "node:crypto";
import {
  algorithmIdentifier,
  bmpString,
  explicit,
  implicitPrimitive,
  integer,
  nullValue,
  objectIdentifier,
  octetString,
  sequence,
  setOf,
} from "./der.ts";
import { exportPrivateKey } from "./keys.ts";
import {
  type PasswordEncrypted,
  type PasswordEncryption,
  pbeSha1TripleDes,
  pbes2Aes256,
} from "./password-based-encryption.ts";
import { pkcs12Kdf } from "./pkcs12-kdf.ts";
import type { x509 } from "./x509.ts";

/** What goes into a PKCS#12 file for an office to install. */
export interface Pkcs12Options {
  certificate: x509.X509Certificate;
  privateKey: webcrypto.CryptoKey;
  /** The CA certificates above `certificate`, issuing CA first. */
  chain: x509.X509Certificate[];
  password: string;
  /** The name the certificate and key get in the keystore, e.g. the office's name. */
  friendlyName: string;
  /** For readers without PBES2: Windows before 10 (1709), macOS keychains, old Java. */
  legacy?: boolean;
}

interface Pkcs12Profile {
  encryption: PasswordEncryption;
  macHash: "sha1" | "sha256";
  macAlgorithm: string;
  iterations: number;
}

/**
 * OpenSSL 3's own defaults, 2048 iterations included. The password comes from
 * `generateInstallPassword()` with about 99 bits of entropy: stretching adds log2(iterations)
 * bits (11 here, 17 at 100,000) to a secret that is already out of reach of guessing, while
 * a larger count slows every import and, for the MAC's derivation that only exists in
 * JavaScript, blocks the event loop. Raise it if users may ever choose the password.
 */
const modern: Pkcs12Profile = {
  encryption: pbes2Aes256,
  macHash: "sha256",
  macAlgorithm: "2.16.840.1.101.3.4.2.1",
  iterations: 2048,
};

/** What `openssl pkcs12 -export -legacy` writes, with 3DES for the certificates too. */
const legacy: Pkcs12Profile = {
  encryption: pbeSha1TripleDes,
  macHash: "sha1",
  macAlgorithm: "1.3.14.3.2.26",
  iterations: 2048,
};

const oids = {
  data: "1.2.840.113549.1.7.1",
  encryptedData: "1.2.840.113549.1.7.6",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
  x509Certificate: "1.2.840.113549.1.9.22.1",
  friendlyName: "1.2.840.113549.1.9.20",
  localKeyId: "1.2.840.113549.1.9.21",
};

/**
 * A password-protected PKCS#12 (RFC 7292) in DER with the key, its certificate and the chain,
 * laid out as OpenSSL writes it: the certificates encrypted in one bag set, the key shrouded
 * in another, and a MAC over both.
 */
export async function buildPkcs12(options: Pkcs12Options): Promise<Buffer> {
  const profile = options.legacy ? legacy : modern;
  const encrypt = (data: Buffer) => profile.encryption(data, options.password, profile.iterations);
  // The key and its certificate share a localKeyId, by which readers pair them.
  const ownAttributes = bagAttributes(options.friendlyName, sha1(options.certificate.rawData));

  const certificates = sequence(
    certBag(options.certificate, ownAttributes),
    ...options.chain.map((certificate) => certBag(certificate)),
  );
  const key = await encrypt(await exportPrivateKey(options.privateKey));
  const keyBag = safeBag(
    oids.shroudedKeyBag,
    sequence(key.algorithm, octetString(key.ciphertext)),
    ownAttributes,
  );
  const authenticatedSafe = sequence(
    encryptedDataContentInfo(await encrypt(certificates)),
    dataContentInfo(sequence(keyBag)),
  );
  return sequence(
    integer(3),
    dataContentInfo(authenticatedSafe),
    macData(authenticatedSafe, options.password, profile),
  );
}

function bagAttributes(friendlyName: string, localKeyId: Buffer): Buffer {
  const attribute = (oid: string, value: Buffer) => sequence(objectIdentifier(oid), setOf(value));
  return setOf(
    attribute(oids.friendlyName, bmpString(friendlyName)),
    attribute(oids.localKeyId, octetString(localKeyId)),
  );
}

const certBag = (certificate: x509.X509Certificate, attributes?: Buffer) =>
  safeBag(
    oids.certBag,
    sequence(
      objectIdentifier(oids.x509Certificate),
      explicit(0, octetString(new Uint8Array(certificate.rawData))),
    ),
    attributes,
  );

const safeBag = (bagId: string, value: Buffer, attributes?: Buffer) =>
  sequence(objectIdentifier(bagId), explicit(0, value), ...(attributes ? [attributes] : []));

const dataContentInfo = (content: Buffer) =>
  sequence(objectIdentifier(oids.data), explicit(0, octetString(content)));

const encryptedDataContentInfo = ({ algorithm, ciphertext }: PasswordEncrypted) =>
  sequence(
    objectIdentifier(oids.encryptedData),
    explicit(
      0,
      sequence(
        integer(0),
        sequence(objectIdentifier(oids.data), algorithm, implicitPrimitive(0, ciphertext)),
      ),
    ),
  );

// The MAC key comes from PKCS#12's derivation, even in files that encrypt with PBES2.
function macData(authenticatedSafe: Buffer, password: string, profile: Pkcs12Profile): Buffer {
  const salt = randomBytes(16);
  const { macHash: hash, iterations } = profile;
  const length = hash === "sha1" ? 20 : 32;
  const key = pkcs12Kdf({ hash, password, salt, iterations, purpose: "mac", length });
  const mac = createHmac(hash, key).update(authenticatedSafe).digest();
  return sequence(
    sequence(algorithmIdentifier(profile.macAlgorithm, nullValue()), octetString(mac)),
    octetString(salt),
    integer(iterations),
  );
}

const sha1 = (data: ArrayBuffer) => createHash("sha1").update(new Uint8Array(data)).digest();
