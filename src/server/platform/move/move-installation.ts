import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { Config } from "../../config.ts";
import { DiskObjectStore } from "../blobs/disk-object-store.ts";
import { loadFileKeyring } from "../blobs/file-keys.ts";
import { FILE_NAMESPACES, objectStoreOf } from "../blobs/file-storage.ts";
import type { ObjectStore } from "../blobs/object-store.ts";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { type Catalog, readCatalog } from "./catalog.ts";
import { type ChecksumReport, checksumReport, type InstallationTally } from "./checksum-report.ts";
import { copyDatabase } from "./database-copy.ts";
import { databaseTally } from "./database-tally.ts";
import {
  checkFileKeys,
  checkSecretKey,
  checkSourceFolder,
  checkTargetConfig,
  checkTargetEmpty,
  embeddedPaths,
} from "./installation-checks.ts";
import { checkSourceMigration, checkTargetMigration } from "./migration-checks.ts";
import { copyObjects } from "./object-copy.ts";
import { namespaceTally } from "./object-tally.ts";
import { pgliteSession, postgresSession, type SqlSession } from "./sql-session.ts";

export interface MoveOptions {
  /** The embedded installation's DATA_DIR. */
  from: string;
  /** The server installation moved to: DATABASE_URL, BLOB_STORE=s3 with S3_*, SECRET_KEY. */
  config: Config;
  /** Tells the operator what happens. */
  say: (line: string) => void;
}

/**
 * Moves an embedded installation (PGlite and files in DATA_DIR) to a server installation
 * (PostgreSQL and an S3 bucket), and compares the two afterwards. Every check that can refuse
 * comes first (`MoveRefused`), so a refused move changes nothing, or no more than the schema of
 * an empty target database, which it migrates. Then the files are copied, and last the database
 * in one transaction: a move that fails leaves the target database empty, and runs again as it
 * is. The installation itself is only read.
 *
 * The secret does not move with it: the server takes it as SECRET_KEY, which must be the
 * installation's own. The CA's keys are in the database, sealed with it, and come along.
 */
export async function moveInstallation(options: MoveOptions): Promise<ChecksumReport> {
  const { config, say } = options;
  const dataDir = path.resolve(options.from);
  const target = checkTargetConfig(config, dataDir);
  await checkSourceFolder(dataDir);
  const keyNote = await checkSecretKey(target, dataDir);
  if (keyNote) say(keyNote);
  const keyring = await loadFileKeyring({
    secretKey: target.secretKey,
    previousSecretKeys: config.previousSecretKeys,
    dataDir,
  });

  const source = await openDatabase({ pgliteDir: embeddedPaths(dataDir).pgliteDir });
  try {
    const sourceSession = pgliteSession(pgliteOf(source));
    await checkSourceMigration(sourceSession, dataDir);
    const sourceObjects = new DiskObjectStore(dataDir);
    await checkFileKeys(sourceObjects, FILE_NAMESPACES, keyring);
    const targetDatabase = await openDatabase({ databaseUrl: target.databaseUrl });
    try {
      const connection = await poolOf(targetDatabase).connect();
      try {
        const targetSession = postgresSession(connection);
        // Before migrating: a database that holds data is refused as it is, never migrated.
        await checkTargetEmpty(targetSession, await readCatalog(targetSession));
        await migrateDatabase(targetDatabase);
        await checkTargetMigration(targetSession);
        const catalog = await readCatalog(targetSession);
        return await copyAndCompare({
          say,
          source: { session: sourceSession, objects: sourceObjects },
          target: { session: targetSession, objects: objectStoreOf(config) },
          catalog,
        });
      } finally {
        connection.release();
      }
    } finally {
      await targetDatabase.close();
    }
  } finally {
    await source.close();
  }
}

/** A data folder without a URL opens PGlite; a URL a pool (`openDatabase`). */
function pgliteOf(handle: DatabaseHandle): PGlite {
  if (handle.kind !== "pglite") throw new Error("The installation's database is not PGlite");
  return handle.client;
}

function poolOf(handle: DatabaseHandle): pg.Pool {
  if (handle.kind !== "postgres") throw new Error("The target database is not PostgreSQL");
  return handle.pool;
}

interface Side {
  session: SqlSession;
  objects: ObjectStore;
}

async function copyAndCompare(move: {
  say: (line: string) => void;
  source: Side;
  target: Side;
  catalog: Catalog;
}): Promise<ChecksumReport> {
  const { say, source, target, catalog } = move;
  // Every namespace, with its files' key records: they hold the wrapped data keys.
  const namespaces = FILE_NAMESPACES;
  say("Copying the files (they stay sealed)…");
  await copyObjects({
    from: source.objects,
    to: target.objects,
    namespaces,
    copied: (namespace, objects) =>
      say(`  ${namespace}: ${objects} ${objects === 1 ? "object" : "objects"}`),
  });
  say(`Copying the database: ${catalog.tables.length} tables, in one transaction…`);
  let rows = 0;
  await copyDatabase({
    source: source.session,
    target: target.session,
    catalog,
    copied: (_table, copied) => {
      rows += copied;
    },
  });
  say(`  ${rows} rows`);
  say("Comparing the source with the target…");
  return checksumReport(
    await tallyOf(source, catalog, namespaces),
    await tallyOf(target, catalog, namespaces),
  );
}

async function tallyOf(
  side: Side,
  catalog: Catalog,
  namespaces: readonly string[],
): Promise<InstallationTally> {
  const database = await databaseTally(side.session, catalog);
  const tallies = [];
  for (const namespace of namespaces) tallies.push(await namespaceTally(side.objects, namespace));
  return { ...database, namespaces: tallies };
}
