import { randomUUID } from "node:crypto";
import { pipeline, Readable } from "node:stream";
import { BlobNotFoundError, type BlobStore, type StoredBlob } from "./blob-store.ts";
import { type ContentDigest, RunningDigest } from "./content-digest.ts";
import {
  deleteKeyRecord,
  type FileKeyRecord,
  findKeyRecord,
  writeKeyRecord,
} from "./file-key-records.ts";
import type { FileKeyring, WrappedKey } from "./file-keys.ts";
import { type ByteRange, OBJECT_KEY, type ObjectStore } from "./object-store.ts";
import { openingTransform, sealedReadOf, sealingTransform } from "./sealed-chunks.ts";

const BLOB_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface SealedBlobStoreOptions {
  objects: ObjectStore;
  keyring: FileKeyring;
  /** The first part of every object key of this store, e.g. `blobs` or `mail-attachments`. */
  namespace: string;
}

/**
 * The object key of a blob: `<namespace>/<first two of the key>/<key>`, which on a disk object
 * store rooted in DATA_DIR is where the disk blob store kept its files before sealing.
 */
export function objectKeyOf(namespace: string, key: string): string {
  return `${namespace}/${key.slice(0, 2)}/${key}`;
}

/**
 * Writes `content` as the object `key`. A store that gives up before the end destroys the
 * content, so its source does not stay open (a file, a request body).
 */
export async function writeObject(
  objects: ObjectStore,
  key: string,
  content: Readable,
): Promise<void> {
  try {
    await objects.write(key, content);
  } catch (error) {
    content.destroy();
    throw error;
  }
}

/** The blob key in an object key of the namespace, if it is one (see `objectKeyOf`). */
export function blobKeyIn(namespace: string, objectKey: string): string | undefined {
  const [space, prefix, key, ...rest] = objectKey.split("/");
  if (space !== namespace || rest.length > 0 || !key || !BLOB_KEY.test(key)) return undefined;
  return prefix === key.slice(0, 2) ? key : undefined;
}

/**
 * Blobs sealed at rest (encryption at rest, issue 18): each file's content sealed in chunks
 * under a random data key of its own (`sealed-chunks.ts`), the data key wrapped under a key
 * derived from the secret and kept in the object's key record (`file-key-records.ts`).
 * Whoever holds the disk or the bucket alone reads nothing, and an object altered there fails
 * to open. The store needs no database, so it works inside any caller's transaction.
 *
 * A blob's key is a random UUID as before, so the tables that point at blobs keep their keys.
 * The object is written first, its key record after: a process that dies between the two
 * leaves an object without a record, unreadable, which `list` still shows, so the sweepers that
 * compare a store with the rows pointing into it remove it: `sweepOrphanedAttachments`
 * (platform/mail/orphaned-attachments.ts) for the mail attachments, `deleteExpired` of the
 * resumable upload store (modules/portal/resumable-upload-store.ts) for upload parts. The
 * documents' store has no such sweeper: there an orphan stays, unreadable, as a blob of a
 * document whose row never committed stays.
 */
export class SealedBlobStore implements BlobStore {
  readonly #options: SealedBlobStoreOptions;

  constructor(options: SealedBlobStoreOptions) {
    if (!OBJECT_KEY.test(options.namespace) || options.namespace.includes("/")) {
      throw new RangeError(`Not a namespace: ${options.namespace}`);
    }
    this.#options = options;
  }

  async put(content: Readable | Buffer): Promise<StoredBlob> {
    const sealed = await this.#seal(Buffer.isBuffer(content) ? Readable.from([content]) : content);
    await this.#record(sealed.objectKey, { ...sealed.wrapped, plainSize: sealed.digest.size });
    return { key: sealed.key, ...sealed.digest };
  }

  /**
   * Moves the object into this store under a new key and wraps its data key anew for its new
   * place; the sealed bytes are neither read nor rewritten (where the object store can move
   * them: see `ObjectStore.move`). The chunks stay bound to the key they were sealed under,
   * which the new key record names (`sealedAs`). Unlike `put`, the new record goes first, so a
   * crash never leaves the large object where no sweeper looks: before the move it is still
   * the source's (whose own sweep removes it), after it it is readable here. What a crash can
   * leave is a small key record without its object, here or at the source, which opens nothing.
   */
  async takeOver(source: BlobStore, key: string): Promise<string> {
    const { objects, keyring, namespace } = this.#options;
    if (
      !(source instanceof SealedBlobStore) ||
      source.#options.objects !== objects ||
      source.#options.keyring !== keyring
    ) {
      throw new TypeError("Only a blob of a sealed store over the same objects and keys moves");
    }
    const sourceKey = source.#objectKeyOf(key);
    const record = await findKeyRecord(objects, sourceKey);
    if (!record) throw new BlobNotFoundError(key);
    const dataKey = keyring.unwrap(record, sourceKey);
    const newKey = randomUUID();
    const objectKey = objectKeyOf(namespace, newKey);
    await writeKeyRecord(objects, objectKey, {
      ...keyring.wrap(dataKey, objectKey),
      plainSize: record.plainSize,
      sealedAs: record.sealedAs ?? sourceKey,
    });
    try {
      await objects.move(sourceKey, objectKey);
    } catch (error) {
      await deleteKeyRecord(objects, objectKey).catch(() => {});
      throw error;
    }
    // The blob is here now, whole: a source record left behind opens nothing any more.
    await deleteKeyRecord(objects, sourceKey).catch(() => {});
    return newKey;
  }

  /**
   * Opens only the chunks `range` needs. An object altered in storage, or one whose key record
   * does not belong to it, makes the stream error (SealedChunkError) before any of the altered
   * chunk is passed on; a data key that cannot be unwrapped rejects here (FileKeyError).
   */
  async get(key: string, range?: ByteRange): Promise<Readable> {
    const { objects, keyring } = this.#options;
    const objectKey = this.#objectKeyOf(key);
    const record = await findKeyRecord(objects, objectKey);
    // Without a key record the object is an orphan: nobody can read it, so for callers it is gone.
    if (!record) throw new BlobNotFoundError(key);
    const dataKey = keyring.unwrap(record, objectKey);
    const read = range && sealedReadOf(range, record.plainSize);
    const sealed = await objects.read(objectKey, read?.sealed);
    const opening = openingTransform({
      dataKey,
      objectKey: record.sealedAs ?? objectKey,
      plainSize: record.plainSize,
      read,
    });
    // The pipeline's own callback has nothing to add: the returned stream carries any error.
    return pipeline(sealed, opening, () => {});
  }

  /**
   * The key record goes first: without it the object can never be opened again, and an object
   * left by a crash in between is an orphan.
   */
  async delete(key: string): Promise<void> {
    const objectKey = this.#objectKeyOf(key);
    await deleteKeyRecord(this.#options.objects, objectKey);
    await this.#options.objects.delete(objectKey);
  }

  async *list(): AsyncIterable<{ key: string; storedAt: Date }> {
    const { objects, namespace } = this.#options;
    for await (const object of objects.list(`${namespace}/`)) {
      const key = blobKeyIn(namespace, object.key);
      if (key) yield { key, storedAt: object.storedAt };
    }
  }

  /** Writes the sealed object under a new key; its key record is not written yet. */
  async #seal(content: Readable): Promise<SealedObject> {
    const { objects, keyring, namespace } = this.#options;
    const key = randomUUID();
    const objectKey = objectKeyOf(namespace, key);
    const dataKey = keyring.newDataKey();
    const digest = new RunningDigest();
    const sealing = pipeline(content, sealingTransform({ dataKey, objectKey }, digest), () => {});
    await writeObject(objects, objectKey, sealing);
    return { key, objectKey, wrapped: keyring.wrap(dataKey, objectKey), digest: digest.finish() };
  }

  async #record(objectKey: string, record: FileKeyRecord): Promise<void> {
    try {
      await writeKeyRecord(this.#options.objects, objectKey, record);
    } catch (error) {
      // The object cannot be opened without its record: do not leave it for a sweeper to find.
      await this.#options.objects.delete(objectKey).catch(() => {});
      throw error;
    }
  }

  #objectKeyOf(key: string): string {
    if (!BLOB_KEY.test(key)) throw new BlobNotFoundError(key);
    return objectKeyOf(this.#options.namespace, key);
  }
}

interface SealedObject {
  key: string;
  objectKey: string;
  wrapped: WrappedKey;
  digest: ContentDigest;
}
