import { readFileSync } from "node:fs";
import { z } from "zod";

/** Raised when a backup or restore will not start; it says why, and nothing was changed. */
export class BackupRefused extends Error {
  override name = "BackupRefused";
}

/** The manifest's name in a backup folder; written last, so a backup without it is partial. */
export const MANIFEST_FILE = "manifest.json";

/** The embedded database, as the tarball PGlite dumps of its data folder (gzip). */
export const DATABASE_FILE = "pglite.tar.gz";

/** The secret that opens the sealed secrets (the CA's keys among them) and files. */
export const SECRET_KEY_FILE = "secret.key";

/**
 * The folders of DATA_DIR a backup holds besides the database and the secret: the stored files
 * of every namespace of the file storage (objects with their `.key` records) and the demo
 * office's certificate. Not `uploads` (bodies of uploads still arriving, which their request
 * loses anyway) nor `control` (the running Poort's socket).
 */
export const BACKED_UP_FOLDERS = [
  "blobs",
  "mail-attachments",
  "upload-parts",
  "demo-certificate",
] as const;

/** Raised with every change to what a backup holds or how; a restore reads its own only. */
export const BACKUP_FORMAT_VERSION = 1;

export const POORT_VERSION = (
  JSON.parse(readFileSync(new URL("../../../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

const relativePath = z
  .string()
  .min(1)
  .refine(
    (value) =>
      !value.startsWith("/") &&
      value.split("/").every((segment) => segment !== "" && segment !== "." && segment !== ".."),
    { error: "must be a relative path inside the backup" },
  );

export const backedUpFileSchema = z.object({
  path: relativePath,
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackedUpFile = z.infer<typeof backedUpFileSchema>;

export const backupManifestSchema = z.object({
  format: z.literal("poort-backup"),
  formatVersion: z.number().int().min(1),
  poortVersion: z.string(),
  createdAt: z.iso.datetime(),
  /** The newest migration the database had run: a restoring Poort must know it. */
  migration: z.object({ tag: z.string(), when: z.number().int() }),
  /** The id of the file key taken from the secret (a hash that gives nothing of it away). */
  secretKeyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Stored files whose data keys a previous secret wrapped (`poort files rewrap` moves them). */
  filesUnderPreviousSecrets: z.number().int().min(0),
  files: z.array(backedUpFileSchema),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** What a finished backup holds, for the operator. */
export const backupSummarySchema = z.object({
  to: z.string(),
  files: z.number(),
  bytes: z.number(),
  migration: z.string(),
  filesUnderPreviousSecrets: z.number(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;
