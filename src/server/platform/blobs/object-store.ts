import type { Readable } from "node:stream";

/** Bytes `start` to `end` of an object, both included, as an HTTP Range names them. */
export interface ByteRange {
  start: number;
  end: number;
}

/** An object as a listing gives it. */
export interface ListedObject {
  key: string;
  size: number;
  storedAt: Date;
}

/**
 * Where the bytes of files physically live: a folder on disk, or a bucket of an S3-compatible
 * service. It stores what it is given, as it is given: the encryption of every file happens
 * above it (`SealedBlobStore`), so neither a disk nor a storage operator ever holds a readable
 * file. Keys are paths of lower-case letters, digits, `.`, `_` and `-`, separated by `/`.
 * Content streams in and out and is never held whole in memory.
 */
export interface ObjectStore {
  /**
   * Stores `content` under `key`, replacing any object there. Readers never see a half-written
   * object: the object appears whole once the promise resolves, or not at all.
   */
  write(key: string, content: Readable): Promise<void>;
  /** The object's bytes, or only the range; rejects with a BlobNotFoundError when missing. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** The object's size in bytes; rejects with a BlobNotFoundError when missing. */
  size(key: string): Promise<number>;
  /**
   * Moves the object at `from` to `to`, replacing any object there, without its bytes passing
   * through Poort where the store can: a rename on disk, a copy inside the bucket in S3. Rejects
   * with a BlobNotFoundError when there is no object at `from`.
   */
  move(from: string, to: string): Promise<void>;
  /** Removes the object; removing a missing object is no error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix` (all of them without one). */
  list(prefix?: string): AsyncIterable<ListedObject>;
}

/** What a key of an object store may look like (see `ObjectStore`). */
export const OBJECT_KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
