import type { Config } from "../../config.ts";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import type { BlobStore } from "./blob-store.ts";
import { DiskObjectStore } from "./disk-object-store.ts";
import { loadFileKeyring } from "./file-keys.ts";
import type { ObjectStore } from "./object-store.ts";
import { S3ObjectStore } from "./s3-object-store.ts";
import { sealExistingFiles } from "./seal-existing-files.ts";
import { SealedBlobStore, type SealedBlobStoreOptions } from "./sealed-blob-store.ts";

/** The namespaces of Poort's stored files, each a `SealedBlobStore` of its own. */
export const FILE_NAMESPACES = [
  "blobs",
  "mail-attachments",
  "upload-parts",
  "data-exports",
] as const;

/** Poort's stored files, each kind under a namespace of its own, all sealed at rest. */
export interface FileStorage {
  /** Documents, message attachments, generated PDFs, ID copies. */
  blobs: BlobStore;
  /** Files attached to mails in the outbox (a PKCS#12, a filed questionnaire). */
  mailAttachments: BlobStore;
  /** The parts of resumable uploads in progress. */
  uploadParts: BlobStore;
  /** Clients' data exports (ZIP archives), kept for a week. */
  dataExports: BlobStore;
}

/** The configured place for the bytes: folders under DATA_DIR, or an S3 bucket. */
export function objectStoreOf(config: Pick<Config, "blobStore" | "dataDir">): ObjectStore {
  const { blobStore } = config;
  if (blobStore.kind === "disk") return new DiskObjectStore(config.dataDir);
  return new S3ObjectStore(blobStore);
}

/** The keyring of the configuration: the current secret and the previous ones. */
export function fileKeyringOf(
  config: Pick<Config, "dataDir" | "secretKey" | "previousSecretKeys">,
) {
  return loadFileKeyring({
    secretKey: config.secretKey,
    previousSecretKeys: config.previousSecretKeys,
    dataDir: config.dataDir,
  });
}

/**
 * The file stores of the configuration. The files of the namespaces that existed before the
 * encryption at rest are sealed first, before any store takes a write (a no-op after the first
 * start that found nothing left to seal). `objects` is the configured object store, or one
 * wrapped around it (the server's holds deletions back during a backup).
 */
export async function openFileStorage(
  config: Pick<Config, "blobStore" | "dataDir" | "secretKey" | "previousSecretKeys">,
  db: Database,
  clock: Clock,
  objects: ObjectStore = objectStoreOf(config),
): Promise<FileStorage> {
  const keyring = await fileKeyringOf(config);
  const sealedIn = async (namespace: string, before: "existed" | "new") => {
    const options: SealedBlobStoreOptions = { objects, keyring, namespace };
    if (before === "existed") await sealExistingFiles({ ...options, db, clock });
    return new SealedBlobStore(options);
  };
  return {
    blobs: await sealedIn("blobs", "existed"),
    mailAttachments: await sealedIn("mail-attachments", "existed"),
    uploadParts: await sealedIn("upload-parts", "new"),
    dataExports: await sealedIn("data-exports", "new"),
  };
}
