import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import type { Config } from "#src/server/config.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { SecretBox } from "#src/server/platform/security/secret-box.ts";
import type { CaMaterial } from "./pki/ca-material.ts";
import { createIssuingCa, createRootCa } from "./pki/certificate-authority.ts";
import { exportPrivateKey, importPrivateKey, type KeyAlgorithm } from "./pki/keys.ts";
import { x509 } from "./pki/x509.ts";
import { type AuthorityRow, findNewestAuthority, insertAuthority } from "./repository.ts";

const YEAR_MS = 365 * 24 * 60 * 60_000;

export interface LoadedAuthority extends CaMaterial {
  id: string;
}

export interface Authorities {
  root: LoadedAuthority;
  issuing: LoadedAuthority;
}

/** Where a CA's CRL is published, and the OCSP responder. */
export function pkiUrls(publicUrl: string) {
  return {
    rootCrl: `${publicUrl}/pki/root.crl`,
    issuingCrl: `${publicUrl}/pki/issuing.crl`,
    ocsp: `${publicUrl}/pki/ocsp`,
    chain: `${publicUrl}/pki/chain.pem`,
  };
}

/** The CA material of this Poort, loaded once and kept in memory, its keys unsealed. */
export class AuthorityStore {
  #loaded: Promise<Authorities> | undefined;

  constructor(
    private readonly options: {
      db: Database;
      clock: Clock;
      secrets: SecretBox;
      config: Pick<Config, "env" | "publicUrl" | "certificates">;
      organisationName: string;
    },
  ) {}

  /** Whether this database has its CAs already. */
  async exists(): Promise<boolean> {
    const { db } = this.options;
    return Boolean(
      (await findNewestAuthority(db, "root")) && (await findNewestAuthority(db, "issuing")),
    );
  }

  /**
   * The CAs; on first use created (embedded mode) or imported (CA_*_FILE) when absent. Call it
   * before opening a transaction the first time: creating uses a transaction of its own, and
   * PGlite has a single connection.
   */
  get(): Promise<Authorities> {
    this.#loaded ??= this.#loadOrCreate().catch((error: unknown) => {
      this.#loaded = undefined;
      throw error;
    });
    return this.#loaded;
  }

  async #loadOrCreate(): Promise<Authorities> {
    const { db } = this.options;
    const [root, issuing] = await Promise.all([
      findNewestAuthority(db, "root"),
      findNewestAuthority(db, "issuing"),
    ]);
    if (root && issuing) {
      return { root: await this.#unseal(root), issuing: await this.#unseal(issuing) };
    }
    return this.#initialise();
  }

  /** Creates (or imports) the root and issuing CA and stores them, sealed. */
  async #initialise(): Promise<Authorities> {
    const { config } = this.options;
    const material = config.certificates.caFiles
      ? await importCaFiles(config.certificates.caFiles)
      : await this.#create();
    return this.options.db.transaction(async (tx) => {
      // Two instances starting together must end up with one CA, not one each.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('poort:certificate-authority'))`);
      const [existingRoot, existingIssuing] = [
        await findNewestAuthority(tx, "root"),
        await findNewestAuthority(tx, "issuing"),
      ];
      if (existingRoot && existingIssuing) {
        return {
          root: await this.#unseal(existingRoot),
          issuing: await this.#unseal(existingIssuing),
        };
      }
      const root = await this.#store(tx, "root", material.root);
      const issuing = await this.#store(tx, "issuing", material.issuing);
      return { root, issuing };
    });
  }

  async #create() {
    const { clock, config, organisationName } = this.options;
    if (config.env === "production") {
      throw new Error(
        "No certificate authority yet: import one with CA_*_FILE or run `npx poort ca init`",
      );
    }
    const now = clock.now();
    const algorithm = config.certificates.keyAlgorithm;
    const root = await createRootCa({
      commonName: `${organisationName} Root CA`,
      organisation: organisationName,
      notBefore: now,
      notAfter: new Date(now.getTime() + 20 * YEAR_MS),
      algorithm,
    });
    const issuing = await createIssuingCa(root, {
      commonName: `${organisationName} Kantoorcertificaten CA`,
      organisation: organisationName,
      notBefore: now,
      notAfter: new Date(now.getTime() + 10 * YEAR_MS),
      crlUrl: pkiUrls(config.publicUrl).rootCrl,
      algorithm,
    });
    return { root, issuing };
  }

  async #store(db: Database, role: AuthorityRow["role"], material: CaMaterial) {
    const row = await insertAuthority(db, {
      role,
      certificatePem: material.certificate.toString("pem"),
      sealedPrivateKey: this.options.secrets.seal(
        (await exportPrivateKey(material.privateKey)).toString("base64"),
      ),
      keyAlgorithm: material.algorithm,
      notAfter: material.certificate.notAfter,
      createdAt: this.options.clock.now(),
    });
    return { ...material, id: row.id };
  }

  async #unseal(row: AuthorityRow): Promise<LoadedAuthority> {
    const pkcs8 = Buffer.from(this.options.secrets.open(row.sealedPrivateKey), "base64");
    return {
      id: row.id,
      certificate: new x509.X509Certificate(row.certificatePem),
      privateKey: await importPrivateKey(pkcs8, row.keyAlgorithm),
      algorithm: row.keyAlgorithm,
    };
  }
}

function algorithmOf(certificate: x509.X509Certificate): KeyAlgorithm {
  return certificate.publicKey.algorithm.name === "ECDSA" ? "p-256" : "rsa-2048";
}

async function importCa(certFile: string, keyFile: string): Promise<CaMaterial> {
  const certificate = new x509.X509Certificate(await readFile(certFile, "utf8"));
  const algorithm = algorithmOf(certificate);
  const pem = await readFile(keyFile, "utf8");
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ""), "base64");
  return { certificate, privateKey: await importPrivateKey(der, algorithm), algorithm };
}

async function importCaFiles(files: NonNullable<Config["certificates"]["caFiles"]>) {
  return {
    root: await importCa(files.rootCert, files.rootKey),
    issuing: await importCa(files.issuingCert, files.issuingKey),
  };
}
