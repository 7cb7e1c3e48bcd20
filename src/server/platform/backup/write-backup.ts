import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import { RunningDigest } from "../blobs/content-digest.ts";
import { objectKeyOfRecord } from "../blobs/file-key-records.ts";
import type { Clock } from "../clock.ts";
import { migrationJournal } from "../db/migrate.ts";
import { newestApplied } from "../move/migration-checks.ts";
import { pgliteSession } from "../move/sql-session.ts";
import { copyMeasured, filesBelow } from "./backup-files.ts";
import {
  BACKED_UP_FOLDERS,
  BACKUP_FORMAT_VERSION,
  type BackedUpFile,
  type BackupManifest,
  BackupRefused,
  type BackupSummary,
  DATABASE_FILE,
  MANIFEST_FILE,
  POORT_VERSION,
  SECRET_KEY_FILE,
} from "./backup-manifest.ts";
import type { PausableDeletions } from "./pausable-deletions.ts";
import { fileKeyIdOf } from "./secret-of-installation.ts";

/** An embedded installation, open in this process, to back up. */
export interface BackupSource {
  dataDir: string;
  /** Its database, open in this process (the one process that may open it). */
  database: PGlite;
  /** The secret its sealed secrets and files open with (SECRET_KEY or its key file). */
  secret: string;
  /** Holds deletions of stored files back while the backup runs; none when nothing runs. */
  deletions: PausableDeletions | undefined;
  clock: Clock;
}

/**
 * Writes a backup of the installation into the folder `to`, which must not exist or be empty
 * (ADR 0021). Everything is written into a hidden folder beside it, the manifest last, and
 * renamed to `to` at the end: a folder named `to` is a whole backup, and anything else is
 * recognisably partial (no manifest).
 *
 * Consistency: deletions of stored files are held back first; then the database is dumped at a
 * transaction boundary; then the files are copied; then deletions go on. Every file a row of the
 * dump points at was stored before that row committed (a blob is written before the row that
 * names it), and none is deleted before the copy is done, so the backup has all of them.
 * Files are written under a temporary name and renamed into place, so each is copied whole.
 */
export async function writeBackup(
  source: BackupSource,
  to: string,
  say: (line: string) => void,
): Promise<BackupSummary> {
  const target = path.resolve(to);
  await checkTarget(target, source.dataDir);
  const staging = path.join(
    path.dirname(target),
    `.${path.basename(target)}.partial-${randomBytes(4).toString("hex")}`,
  );
  await mkdir(staging, { mode: 0o700 });
  try {
    const files: BackedUpFile[] = [];
    let filesUnderPreviousSecrets = 0;
    const secretKeyId = await fileKeyIdOf(source.secret);
    const resume = source.deletions?.pause();
    let migrationWhen: number;
    try {
      const dump = await dumpDatabase(source.database);
      migrationWhen = dump.migrationWhen;
      files.push(await writeMeasured(staging, DATABASE_FILE, dump.tarball));
      say(`Database dumped (${megabytes(dump.tarball.size)}).`);
      files.push(await writeMeasured(staging, SECRET_KEY_FILE, Buffer.from(source.secret)));
      for (const folder of BACKED_UP_FOLDERS) {
        const below = await filesBelow(path.join(source.dataDir, folder));
        for (const relative of below) {
          const name = `${folder}/${relative}`;
          const copy = path.join(staging, ...name.split("/"));
          await mkdir(path.dirname(copy), { recursive: true, mode: 0o700 });
          const digest = await copyMeasured(path.join(source.dataDir, ...name.split("/")), copy);
          files.push({ path: name, ...digest });
          if (objectKeyOfRecord(name) && (await keyIdIn(copy)) !== secretKeyId) {
            filesUnderPreviousSecrets += 1;
          }
        }
        if (below.length > 0) say(`${folder}: ${below.length} files copied.`);
      }
    } finally {
      await resume?.();
    }
    const tag = (await migrationJournal()).find((entry) => entry.when === migrationWhen)?.tag;
    const manifest: BackupManifest = {
      format: "poort-backup",
      formatVersion: BACKUP_FORMAT_VERSION,
      poortVersion: POORT_VERSION,
      createdAt: source.clock.now().toISOString(),
      migration: { tag: tag ?? `unknown (${migrationWhen})`, when: migrationWhen },
      secretKeyId,
      filesUnderPreviousSecrets,
      files,
    };
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    // An empty folder at `to` (checked above) gives way to the finished backup.
    await rmdir(target).catch(() => {});
    await rename(staging, target);
    return {
      to: target,
      files: files.length,
      bytes: files.reduce((sum, file) => sum + file.size, 0),
      migration: manifest.migration.tag,
      filesUnderPreviousSecrets,
    };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The database's data folder as a tarball, taken in a transaction of its own: PGlite runs one
 * transaction at a time, so none is half done in the dump. The checkpoint first writes all
 * committed pages to the data files, so the dump needs no recovery to open.
 */
async function dumpDatabase(database: PGlite): Promise<{ tarball: Blob; migrationWhen: number }> {
  return database.transaction(async (transaction) => {
    const migrationWhen = await newestApplied(pgliteSession(transaction));
    if (migrationWhen === undefined) {
      throw new BackupRefused(
        "The embedded database was never migrated: there is nothing to back up yet.",
      );
    }
    await transaction.exec("CHECKPOINT");
    return { tarball: await database.dumpDataDir("gzip"), migrationWhen };
  });
}

async function writeMeasured(folder: string, name: string, content: Blob | Buffer) {
  const digest = new RunningDigest();
  const source = Buffer.isBuffer(content)
    ? Readable.from([content])
    : Readable.fromWeb(content.stream() as import("node:stream/web").ReadableStream);
  await pipeline(
    source,
    digest.passThrough(),
    createWriteStream(path.join(folder, name), { flags: "wx", mode: 0o600 }),
  );
  return { path: name, ...digest.finish() };
}

/** The id of the key that wrapped the data key in a key record. */
async function keyIdIn(recordFile: string): Promise<string | undefined> {
  try {
    const record = JSON.parse(await readFile(recordFile, "utf8")) as { keyId?: unknown };
    return typeof record.keyId === "string" ? record.keyId : undefined;
  } catch {
    return undefined;
  }
}

/** The backup goes into a new or empty folder outside DATA_DIR (a backup of itself would grow). */
async function checkTarget(target: string, dataDir: string): Promise<void> {
  const data = path.resolve(dataDir);
  if (isInside(target, data) || isInside(data, target)) {
    throw new BackupRefused(
      `${target} is inside DATA_DIR (${data}) or holds it: write the backup to a folder outside DATA_DIR.`,
    );
  }
  const existing = await stat(target).catch(() => undefined);
  if (existing && (!existing.isDirectory() || (await readdir(target)).length > 0)) {
    throw new BackupRefused(
      `${target} exists and is not an empty folder: name a new folder for the backup.`,
    );
  }
  await mkdir(path.dirname(target), { recursive: true });
}

function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
