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
  /** A store of another namespace over the same objects and keys (one blob can move to it). */
  sibling(namespace: string): SealedBlobStore;
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
  const objects = new DiskObjectStore(folder);
  const keyring = new FileKeyring({ current: randomBytes(32) });
  const sibling = (namespace: string) => new SealedBlobStore({ objects, keyring, namespace });
  return {
    store: sibling(options.namespace ?? "blobs"),
    folder,
    sibling,
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
