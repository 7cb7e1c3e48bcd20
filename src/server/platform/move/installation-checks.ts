import { timingSafeEqual } from "node:crypto";
import { access, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../../config.ts";
import { findKeyRecord, objectKeyOfRecord } from "../blobs/file-key-records.ts";
import type { FileKeyring } from "../blobs/file-keys.ts";
import type { ObjectStore } from "../blobs/object-store.ts";
import { loadSecretKey } from "../security/secret-box.ts";
import type { Catalog } from "./catalog.ts";
import type { SqlSession } from "./sql-session.ts";
import { qualifiedName } from "./table-rows.ts";

/** Why the move will not start, in words the operator can act on. Nothing was changed. */
export class MoveRefused extends Error {
  override name = "MoveRefused";
}

/** The configuration moved to: a server's, with the database and bucket it names. */
export interface TargetConfig {
  databaseUrl: string;
  secretKey: string;
}

/** Where an embedded installation keeps its parts, below its DATA_DIR. */
export function embeddedPaths(dataDir: string) {
  const pgliteDir = path.join(dataDir, "pglite");
  return {
    pgliteDir,
    /** PostgreSQL's marker of an initialised data folder. */
    versionFile: path.join(pgliteDir, "PG_VERSION"),
    /** Written by PGlite when it opens the database, removed when it closes it. */
    openMarker: path.join(pgliteDir, "postmaster.pid"),
    secretKeyFile: path.join(dataDir, "secret.key"),
  };
}

/**
 * The environment the move runs in must describe the server installation: PostgreSQL, an S3
 * bucket, and the secret as SECRET_KEY (a server has no key file of its own).
 */
export function checkTargetConfig(
  config: Pick<Config, "databaseUrl" | "blobStore" | "secretKey">,
  dataDir: string,
): TargetConfig {
  if (!config.databaseUrl) {
    throw new MoveRefused(
      "DATABASE_URL is unset: run the move with the configuration of the server installation, DATABASE_URL naming its new, empty PostgreSQL database.",
    );
  }
  if (config.blobStore.kind !== "s3") {
    throw new MoveRefused(
      "BLOB_STORE is not s3: run the move with the configuration of the server installation, BLOB_STORE=s3 and its S3_* settings naming the bucket for the files.",
    );
  }
  if (!config.secretKey) {
    throw new MoveRefused(
      `SECRET_KEY is unset: the server installation needs the secret of the embedded one, which opens its sealed secrets and files. Set SECRET_KEY to the content of ${embeddedPaths(dataDir).secretKeyFile} (or to the SECRET_KEY it ran with).`,
    );
  }
  return { databaseUrl: config.databaseUrl, secretKey: config.secretKey };
}

/**
 * `dataDir` holds an embedded installation (its PGlite database), and no Poort has that
 * database open: PGlite marks an open database with a postmaster.pid, which it removes when it
 * closes. A Poort that was killed leaves the marker behind; starting and stopping it once
 * closes the database properly.
 */
export async function checkSourceFolder(dataDir: string): Promise<void> {
  const paths = embeddedPaths(dataDir);
  const folder = await stat(dataDir).catch(() => undefined);
  if (!folder?.isDirectory()) throw new MoveRefused(`${dataDir} is no folder.`);
  if (!(await exists(paths.versionFile))) {
    throw new MoveRefused(
      `${dataDir} is not the DATA_DIR of an embedded installation: it holds no embedded database (${paths.pgliteDir}).`,
    );
  }
  if (await exists(paths.openMarker)) {
    throw new MoveRefused(
      `Poort still runs on ${dataDir}: its embedded database is open (${paths.openMarker}). Stop Poort and run the move again. If no Poort runs, the last one stopped without closing the database: start it once, stop it, then move.`,
    );
  }
}

/**
 * SECRET_KEY must be the secret the installation sealed its secrets and files with: its key
 * file, when it has one. The keys derived from both are compared, never the secrets shown.
 * Without a key file the installation ran with a SECRET_KEY of its own, and only the key ids of
 * its files can tell (`checkFileKeys`); what is said about that is returned.
 */
export async function checkSecretKey(
  target: TargetConfig,
  dataDir: string,
): Promise<string | undefined> {
  const { secretKeyFile } = embeddedPaths(dataDir);
  const stored = await readFile(secretKeyFile, "utf8").catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  });
  if (stored === undefined) {
    return `${dataDir} holds no secret.key: the installation ran with a SECRET_KEY of its own, which this one must be; the key ids of its stored files are checked against it.`;
  }
  const sourceKey = await loadSecretKey({ secretKey: stored.trim(), dataDir });
  const targetKey = await loadSecretKey({ secretKey: target.secretKey, dataDir });
  if (!timingSafeEqual(sourceKey, targetKey)) {
    throw new MoveRefused(
      `SECRET_KEY is not the secret of the installation in ${dataDir}: its sealed secrets (the CA's keys among them) and its files would not open. Set SECRET_KEY to the content of ${secretKeyFile}.`,
    );
  }
  return undefined;
}

/**
 * Every stored file's data key must open with the target's secrets: each key record names the
 * key that wrapped it. A row under a previous secret needs that secret in PREVIOUS_SECRET_KEYS.
 */
export async function checkFileKeys(
  objects: ObjectStore,
  namespaces: readonly string[],
  keyring: FileKeyring,
): Promise<void> {
  const unknown = new Set<string>();
  for (const namespace of namespaces) {
    for await (const listed of objects.list(`${namespace}/`)) {
      const objectKey = objectKeyOfRecord(listed.key);
      const record = objectKey && (await findKeyRecord(objects, objectKey));
      if (record && !keyring.knows(record.keyId)) unknown.add(record.keyId);
    }
  }
  if (unknown.size > 0) {
    throw new MoveRefused(
      `Stored files have data keys wrapped under keys that neither SECRET_KEY nor PREVIOUS_SECRET_KEYS gives (${[...unknown].sort().join(", ")}): set them as the installation had them, or run \`poort files rewrap\` on it first.`,
    );
  }
}

/** How many of the tables that hold rows a refusal names. */
const SHOWN_TABLES = 5;

/** The move fills an empty database only: it adds, it never merges or overwrites. */
export async function checkTargetEmpty(target: SqlSession, catalog: Catalog): Promise<void> {
  const filled: string[] = [];
  for (const table of catalog.tables) {
    const [[holdsRows]] = (await target.query(
      `SELECT EXISTS (SELECT 1 FROM ${qualifiedName(table.name)})::text`,
    )) as [[string]];
    if (holdsRows === "true") filled.push(table.name);
  }
  if (filled.length > 0) {
    const named = filled.sort().slice(0, SHOWN_TABLES).join(", ");
    const more =
      filled.length > SHOWN_TABLES ? ` and ${filled.length - SHOWN_TABLES} more tables` : "";
    throw new MoveRefused(
      `The target database is not empty: ${named}${more} hold rows. The move fills a new, empty database: create one (or empty this one) and run the move again.`,
    );
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
