import type { Readable } from "node:stream";
import type { ContentDigest } from "./content-digest.ts";

/** A blob's key, with the size and SHA-256 of its content, taken while it streamed in. */
export interface StoredBlob extends ContentDigest {
  key: string;
}

/**
 * Where files live (documents, attachments, certificates). Content streams in and out and is
 * never held whole in memory. Keys are random, so a key reveals nothing and cannot be guessed.
 */
export interface BlobStore {
  put(content: Readable | Buffer): Promise<StoredBlob>;
  /**
   * Takes over a complete file on local disk, whose digest its writer took as it wrote it:
   * afterwards the file is gone from its place. A store on the same disk moves it, without
   * reading it at all, which matters for large uploads; a store that has to copy the bytes
   * refuses them when they do not match `digest` (a remote store can have its service check it).
   */
  putFile(filePath: string, digest: ContentDigest): Promise<StoredBlob>;
  /** Rejects with a BlobNotFoundError when the key is unknown. */
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  /**
   * Every blob in the store with when it was written, for a sweeper that compares a store of
   * its own with the rows that point into it.
   */
  list(): AsyncIterable<{ key: string; storedAt: Date }>;
}

export class BlobNotFoundError extends Error {
  override name = "BlobNotFoundError";
  constructor(key: string) {
    super(`No blob with key ${key}`);
  }
}
