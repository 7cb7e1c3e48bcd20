import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DiskObjectStore } from "#src/server/platform/blobs/disk-object-store.ts";
import { FileKeyring } from "#src/server/platform/blobs/file-keys.ts";
import { SealedBlobStore } from "#src/server/platform/blobs/sealed-blob-store.ts";

export interface TestFileStore {
  store: SealedBlobStore;
  /** The temp folder the objects lie in, as `<folder>/<namespace>/<ab>/<key>`. */
  folder: string;
  /** Removes the folder, with the objects and their key records. */
  remove(): Promise<void>;
}

/**
 * A file store sealed at rest as Poort's own are, over a temp folder of its own and under a
 * random secret.
 */
export async function createTestFileStore(
  options: { namespace?: string } = {},
): Promise<TestFileStore> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "poort-files-"));
  const store = new SealedBlobStore({
    objects: new DiskObjectStore(folder),
    keyring: new FileKeyring({ current: randomBytes(32) }),
    namespace: options.namespace ?? "blobs",
  });
  return { store, folder, remove: () => rm(folder, { recursive: true, force: true }) };
}
