import type { Readable } from "node:stream";

export interface StoredBlob {
  key: string;
  size: number;
  /** Hex SHA-256 of the content, computed while it streamed in. */
  sha256: string;
}

/**
 * Where files live (documents, attachments, certificates). Content streams in and out and is
 * never held whole in memory. Keys are random, so a key reveals nothing and cannot be guessed.
 */
export interface BlobStore {
  put(content: Readable | Buffer): Promise<StoredBlob>;
  /**
   * Takes over a complete file on local disk: afterwards the file is gone from its place. A
   * store on the same disk moves it instead of copying, which matters for large uploads.
   */
  putFile(filePath: string): Promise<StoredBlob>;
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
