import type { Readable } from "node:stream";
import type { ContentDigest } from "./content-digest.ts";
import type { ByteRange } from "./object-store.ts";

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
   * The content, or only bytes `range.start` to `range.end` of it (both included, within the
   * size `put` gave). Rejects with a BlobNotFoundError when the key is unknown.
   */
  get(key: string, range?: ByteRange): Promise<Readable>;
  delete(key: string): Promise<void>;
  /**
   * Makes blob `key` of `source`, a store over the same objects, a blob of this store, without
   * reading or rewriting its content (an upload's part kept as a document); the new key. The
   * blob is no longer in `source` afterwards. Rejects with a BlobNotFoundError when the key is
   * unknown there.
   */
  takeOver(source: BlobStore, key: string): Promise<string>;
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
