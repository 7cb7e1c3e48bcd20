import { randomBytes } from "node:crypto";
import { openAsBlob } from "node:fs";
import { mkdir, readdir, rename, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Clock } from "../clock.ts";
import { openDatabase } from "../db/database.ts";
import { newestApplied } from "../move/migration-checks.ts";
import { pgliteSession } from "../move/sql-session.ts";
import { copyMeasured, stampOf } from "./backup-files.ts";
import { BackupRefused, DATABASE_FILE } from "./backup-manifest.ts";
import { embeddedDatabaseHolder, openButSilent } from "./installation-state.ts";
import { fileKeyIdOf } from "./secret-of-installation.ts";
import { verifyBackup } from "./verify-backup.ts";

export interface RestoreSummary {
  dataDir: string;
  /** Where the DATA_DIR that was there before is kept, if there was one with anything in it. */
  keptAside: string | undefined;
  files: number;
  migration: string;
  createdAt: string;
}

/**
 * Restores the backup in `from` into `dataDir` (ADR 0021). Nothing in `dataDir` is touched until
 * the whole backup is verified, no Poort runs on it, and the restored installation stands
 * complete in a folder beside it; then the old DATA_DIR, if any, is renamed aside as
 * `<DATA_DIR>.before-restore-<time>` and the restored one takes its name.
 */
export async function restoreBackup(options: {
  from: string;
  dataDir: string;
  /** SECRET_KEY of the environment the restored Poort will run in, if it has one. */
  secretKey: string | undefined;
  clock: Clock;
  say: (line: string) => void;
}): Promise<RestoreSummary> {
  const { say, clock } = options;
  const from = path.resolve(options.from);
  const dataDir = path.resolve(options.dataDir);
  const manifest = await verifyBackup(from);
  say(`Backup verified: ${manifest.files.length} files, checksums as in its manifest.`);
  if (
    options.secretKey !== undefined &&
    (await fileKeyIdOf(options.secretKey)) !== manifest.secretKeyId
  ) {
    throw new BackupRefused(
      `SECRET_KEY is not the secret of this backup, so the restored data would not open: unset SECRET_KEY (the restored DATA_DIR has the backup's secret.key), or set it to the content of ${path.join(from, "secret.key")}.`,
    );
  }
  const holder = await embeddedDatabaseHolder(dataDir);
  if (holder.kind === "poort") {
    throw new BackupRefused(
      `Poort runs on ${dataDir} (process ${holder.poort.pid}): stop it, then restore.`,
    );
  }
  if (holder.kind === "unknown") throw openButSilent(dataDir);

  const staging = `${dataDir}.restoring-${randomBytes(4).toString("hex")}`;
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(staging, { mode: 0o700 });
  try {
    for (const file of manifest.files) {
      if (file.path === DATABASE_FILE) continue;
      const target = path.join(staging, ...file.path.split("/"));
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const digest = await copyMeasured(path.join(from, ...file.path.split("/")), target);
      if (digest.sha256 !== file.sha256) {
        throw new BackupRefused(`${file.path} changed in the backup while it was restored.`);
      }
    }
    await loadDatabase(
      path.join(from, DATABASE_FILE),
      path.join(staging, "pglite"),
      manifest.migration.when,
    );
    say(`Database restored (migration ${manifest.migration.tag}).`);
    const keptAside = await putInPlace(staging, dataDir, clock);
    return {
      dataDir,
      keptAside,
      files: manifest.files.length,
      migration: manifest.migration.tag,
      createdAt: manifest.createdAt,
    };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Unpacks the database into its folder by opening it from the tarball, and checks that it opens
 * at the migration the manifest names; closing it leaves a cleanly closed database.
 */
async function loadDatabase(tarball: string, pgliteDir: string, migration: number): Promise<void> {
  const database = await openDatabase({ pgliteDir, pgliteSnapshot: await openAsBlob(tarball) });
  try {
    if (database.kind !== "pglite") throw new Error("expected the embedded database");
    const applied = await newestApplied(pgliteSession(database.client));
    if (applied !== migration) {
      throw new BackupRefused(
        `The backup's database is at another migration (${String(applied)}) than its manifest says (${migration}): it is no whole backup.`,
      );
    }
  } finally {
    await database.close();
  }
}

/** The restored folder takes DATA_DIR's name; an old DATA_DIR with content is kept aside. */
async function putInPlace(
  staging: string,
  dataDir: string,
  clock: Clock,
): Promise<string | undefined> {
  const existing = await stat(dataDir).catch(() => undefined);
  let keptAside: string | undefined;
  if (existing) {
    if (!existing.isDirectory()) throw new BackupRefused(`${dataDir} exists and is no folder.`);
    if ((await readdir(dataDir)).length === 0) {
      await rmdir(dataDir).catch(refuseMountPoint(dataDir));
    } else {
      keptAside = `${dataDir}.before-restore-${stampOf(clock.now())}`;
      await rename(dataDir, keptAside).catch(refuseMountPoint(dataDir));
    }
  }
  await rename(staging, dataDir);
  return keptAside;
}

/** A DATA_DIR that is a mount point (a container's volume) cannot be renamed or removed. */
function refuseMountPoint(dataDir: string) {
  return (error: NodeJS.ErrnoException): never => {
    if (error.code === "EBUSY" || error.code === "EXDEV" || error.code === "EPERM") {
      throw new BackupRefused(
        `${dataDir} cannot be renamed (${error.code}; a mount point?): restore into a DATA_DIR one level below the mount point, e.g. ${path.join(dataDir, "poort")}, and run Poort with that DATA_DIR.`,
      );
    }
    throw error;
  };
}
