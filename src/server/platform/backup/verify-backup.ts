import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { migrationJournal } from "../db/migrate.ts";
import { filesBelow, measure } from "./backup-files.ts";
import {
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  BackupRefused,
  backupManifestSchema,
  DATABASE_FILE,
  MANIFEST_FILE,
  SECRET_KEY_FILE,
} from "./backup-manifest.ts";

/** How many names a refusal lists before it says how many more there are. */
const SHOWN = 5;

/**
 * Checks a backup folder completely before anything is restored from it: the manifest is there
 * (without it the backup did not finish), of a format and a migration this Poort knows, and
 * every file is there, none is extra, and each has the size and SHA-256 the manifest gives.
 * Returns the manifest; refuses (BackupRefused) with the first kind of damage found, by name.
 */
export async function verifyBackup(from: string): Promise<BackupManifest> {
  const folder = path.resolve(from);
  if (!(await stat(folder).catch(() => undefined))?.isDirectory()) {
    throw new BackupRefused(`${folder} is no folder.`);
  }
  const manifest = await readManifest(folder);
  await checkMigration(manifest);
  const listed = new Map(manifest.files.map((file) => [file.path, file]));
  for (const required of [DATABASE_FILE, SECRET_KEY_FILE]) {
    if (!listed.has(required)) {
      throw new BackupRefused(
        `The backup's manifest lists no ${required}: it is not a whole backup.`,
      );
    }
  }
  const present = (await filesBelow(folder)).filter((name) => name !== MANIFEST_FILE);
  const missing = [...listed.keys()].filter((name) => !present.includes(name));
  if (missing.length > 0) {
    throw new BackupRefused(
      `The backup is incomplete: ${count(missing, "file")} of its manifest ${missing.length === 1 ? "is" : "are"} missing: ${names(missing)}.`,
    );
  }
  const extra = present.filter((name) => !listed.has(name));
  if (extra.length > 0) {
    throw new BackupRefused(
      `The backup holds ${count(extra, "file")} its manifest does not list: ${names(extra)}.`,
    );
  }
  const damaged: string[] = [];
  for (const file of manifest.files) {
    const digest = await measure(path.join(folder, ...file.path.split("/")));
    if (digest.size !== file.size || digest.sha256 !== file.sha256) damaged.push(file.path);
  }
  if (damaged.length > 0) {
    throw new BackupRefused(
      `The backup is damaged: ${count(damaged, "file")} ${damaged.length === 1 ? "does" : "do"} not match the checksum in its manifest: ${names(damaged)}.`,
    );
  }
  return manifest;
}

/** "1 file", "3 files". */
const count = (items: readonly unknown[], noun: string) =>
  `${items.length} ${noun}${items.length === 1 ? "" : "s"}`;

async function readManifest(folder: string): Promise<BackupManifest> {
  const file = path.join(folder, MANIFEST_FILE);
  const text = await readFile(file, "utf8").catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  });
  if (text === undefined) {
    throw new BackupRefused(
      `${folder} holds no ${MANIFEST_FILE}: the backup did not finish (a partial backup) or it is no Poort backup.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupRefused(`${file} is damaged: it is not JSON.`);
  }
  const format = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof format === "number" && format !== BACKUP_FORMAT_VERSION) {
    throw new BackupRefused(
      `The backup has format version ${format}; this Poort reads format version ${BACKUP_FORMAT_VERSION}: restore it with the version of Poort that made it.`,
    );
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new BackupRefused(`${file} is damaged: ${issues.slice(0, SHOWN).join("; ")}.`);
  }
  return parsed.data;
}

/** A Poort can open a database of its own migrations or older ones (it migrates at start). */
async function checkMigration(manifest: BackupManifest): Promise<void> {
  const journal = await migrationJournal();
  const newest = journal.at(-1);
  if (journal.some((entry) => entry.when === manifest.migration.when) || !newest) return;
  throw new BackupRefused(
    `The backup was made by a newer Poort (${manifest.poortVersion}): its database is at migration ${manifest.migration.tag}, which this Poort does not know (it knows up to ${newest.tag}). Restore it with that version of Poort or a newer one.`,
  );
}

function names(all: string[]): string {
  const shown = all.slice(0, SHOWN).join(", ");
  return all.length > SHOWN ? `${shown} and ${all.length - SHOWN} more` : shown;
}
