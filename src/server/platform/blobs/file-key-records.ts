import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { z } from "zod";
import { BlobNotFoundError } from "./blob-store.ts";
import type { WrappedKey } from "./file-keys.ts";
import { OBJECT_KEY, type ObjectStore } from "./object-store.ts";

/**
 * The key record of a sealed object: its data key, wrapped (`FileKeyring`), and its content's
 * size. It is a small object of its own beside the sealed one (`<object key>.key`), in the same
 * store, and never in the database: a blob is written from inside callers' transactions (a mail
 * with a certificate attached), where a second database connection may not exist (PGlite has
 * one), and the store with the secret is all it takes to open a file, which also keeps a move
 * or a restore of the storage self-contained. The wrapped key is worthless without the secret,
 * so it may lie beside the file; re-wrapping after a new secret rewrites only these records.
 */
export interface FileKeyRecord extends WrappedKey {
  plainSize: number;
  /**
   * The object key the content was sealed under, when the object has moved since (an upload's
   * part kept as a document): its chunks stay bound to that key, while the data key is wrapped
   * anew for where the object is now. Changing it gains nothing: chunks then fail to open.
   */
  sealedAs?: string;
}

const RECORD_SUFFIX = ".key";

const recordSchema = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  wrappedKey: z.string().regex(/^[A-Za-z0-9_-]+$/),
  plainSize: z.number().int().min(0),
  sealedAs: z.string().regex(OBJECT_KEY).optional(),
});

/** Where the key record of `objectKey` is kept. */
export function keyRecordKeyOf(objectKey: string): string {
  return `${objectKey}${RECORD_SUFFIX}`;
}

/** The sealed object a key record belongs to, when `key` is a key record's. */
export function objectKeyOfRecord(key: string): string | undefined {
  return key.endsWith(RECORD_SUFFIX) ? key.slice(0, -RECORD_SUFFIX.length) : undefined;
}

/** The object's key record; undefined when it has none (an orphan, or a file from before). */
export async function findKeyRecord(
  objects: ObjectStore,
  objectKey: string,
): Promise<FileKeyRecord | undefined> {
  const stored = await objects.read(keyRecordKeyOf(objectKey)).catch((error: unknown) => {
    if (error instanceof BlobNotFoundError) return undefined;
    throw error;
  });
  if (!stored) return undefined;
  const parsed = recordSchema.safeParse(JSON.parse(await text(stored)));
  // An altered record is as good as none: the file cannot be opened.
  return parsed.success ? parsed.data : undefined;
}

/** Writes (or replaces) the object's key record. */
export async function writeKeyRecord(
  objects: ObjectStore,
  objectKey: string,
  record: FileKeyRecord,
): Promise<void> {
  await objects.write(
    keyRecordKeyOf(objectKey),
    Readable.from([Buffer.from(JSON.stringify(recordSchema.parse(record)))]),
  );
}

export async function deleteKeyRecord(objects: ObjectStore, objectKey: string): Promise<void> {
  await objects.delete(keyRecordKeyOf(objectKey));
}
