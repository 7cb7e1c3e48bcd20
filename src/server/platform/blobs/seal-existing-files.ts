import { pipeline, type Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import { BlobNotFoundError } from "./blob-store.ts";
import { findKeyRecord, writeKeyRecord } from "./file-key-records.ts";
import type { ObjectStore } from "./object-store.ts";
import { sealedNamespaces } from "./schema.ts";
import { blobKeyIn, type SealedBlobStoreOptions, writeObject } from "./sealed-blob-store.ts";
import { plainSizeOf, sealingTransform } from "./sealed-chunks.ts";

const BATCH = 500;
/** Where a file's sealed copy waits until it replaces the file. */
const SEALING = ".sealing";

/** A store's options, with the database whose locks and records the sealing takes turns by. */
export type SealingOptions = SealedBlobStoreOptions & { db: Database; clock: Clock };

export interface SealingOutcome {
  /** Files stored in plain before the encryption at rest, sealed now. */
  sealed: number;
  /** Sealings a stopped process had left with their key record written, completed now. */
  resumed: number;
}

/**
 * Seals, in place, the files of a namespace that were stored before the encryption at rest: the
 * objects with a blob's key and no key record. Run at start, before the namespace's store takes
 * writes: an object that a running store has written but not yet given its key record would
 * look like such a file. Once a pass finds nothing left, the namespace is recorded as sealed, and
 * every later start only reads that record.
 *
 * One file is sealed in three steps, so a process stopped at any point loses nothing:
 * 1. its sealed copy is written beside it (`<key>.sealing`, one write that appears whole or not
 *    at all), then its key record, which commits the step;
 * 2. the copy replaces the file;
 * 3. the copy goes.
 * A copy found later is resolved by the key record: without one, step 1 never finished and the
 * file is still the plain original, so the copy goes and the file is sealed again; with one,
 * the copy is the truth and steps 2 and 3 are repeated (both are idempotent). Instances that
 * start together take turns per file on an advisory lock of the database, and a file with a
 * key record is never sealed twice.
 */
export async function sealExistingFiles(options: SealingOptions): Promise<SealingOutcome> {
  const { db, objects, namespace, clock } = options;
  const outcome: SealingOutcome = { sealed: 0, resumed: 0 };
  if (await namespaceSealed(db, namespace)) return outcome;
  let batch: string[] = [];
  const sealBatch = async () => {
    const keyed = await objectKeysWithRecords(
      objects,
      batch.filter((objectKey) => !objectKey.endsWith(SEALING)),
    );
    for (const objectKey of batch) {
      if (objectKey.endsWith(SEALING)) {
        const original = objectKey.slice(0, -SEALING.length);
        if ((await finishSealing(options, original)) === "replaced") outcome.resumed += 1;
      } else if (!keyed.has(objectKey) && (await sealInPlace(options, objectKey))) {
        outcome.sealed += 1;
      }
    }
    batch = [];
  };
  for await (const object of objects.list(`${namespace}/`)) {
    const original = object.key.endsWith(SEALING)
      ? object.key.slice(0, -SEALING.length)
      : object.key;
    // Anything else under the namespace (the disk blob store's unfinished writes) is no file.
    if (!blobKeyIn(namespace, original)) continue;
    batch.push(object.key);
    if (batch.length === BATCH) await sealBatch();
  }
  if (batch.length > 0) await sealBatch();
  await db
    .insert(sealedNamespaces)
    .values({ namespace, sealedAt: clock.now() })
    .onConflictDoNothing();
  return outcome;
}

async function namespaceSealed(db: Database, namespace: string): Promise<boolean> {
  const [row] = await db
    .select({ namespace: sealedNamespaces.namespace })
    .from(sealedNamespaces)
    .where(eq(sealedNamespaces.namespace, namespace));
  return row !== undefined;
}

/** Steps 1 to 3 for one plain file; false when another instance sealed it first. */
async function sealInPlace(options: SealingOptions, objectKey: string): Promise<boolean> {
  const { db, objects, keyring } = options;
  const sealing = `${objectKey}${SEALING}`;
  const sealedHere = await db.transaction(async (tx) => {
    await lockFile(tx, objectKey);
    if (await findKeyRecord(objects, objectKey)) return false;
    const dataKey = keyring.newDataKey();
    const plain = await readIfThere(objects, objectKey);
    // Deleted since the listing, by an instance that serves already: nothing to seal.
    if (!plain) return false;
    // Sealed for the file's own key, where the copy will end up, not for the copy's.
    await writeObject(
      objects,
      sealing,
      pipeline(plain, sealingTransform({ dataKey, objectKey }), () => {}),
    );
    const plainSize = plainSizeOf(await objects.size(sealing));
    await writeKeyRecord(objects, objectKey, { ...keyring.wrap(dataKey, objectKey), plainSize });
    return true;
  });
  if (sealedHere) await finishSealing(options, objectKey);
  return sealedHere;
}

/** Resolves the sealed copy of a file, if there is one (steps 2 and 3, or its removal). */
async function finishSealing(
  options: SealingOptions,
  objectKey: string,
): Promise<"replaced" | "discarded" | "none"> {
  const { db, objects } = options;
  const sealing = `${objectKey}${SEALING}`;
  return db.transaction(async (tx) => {
    await lockFile(tx, objectKey);
    if (!(await findKeyRecord(objects, objectKey))) {
      await objects.delete(sealing);
      return "discarded";
    }
    const sealed = await readIfThere(objects, sealing);
    if (!sealed) return "none";
    await writeObject(objects, objectKey, sealed);
    await objects.delete(sealing);
    return "replaced";
  });
}

function readIfThere(objects: ObjectStore, key: string): Promise<Readable | undefined> {
  return objects.read(key).catch((error: unknown) => {
    if (error instanceof BlobNotFoundError) return undefined;
    throw error;
  });
}

/** Held until the transaction ends: one instance at a time works on a file. */
async function lockFile(tx: Database, objectKey: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`poort:sealing:${objectKey}`}, 0))`,
  );
}

/** Which of the objects have a key record. */
async function objectKeysWithRecords(
  objects: ObjectStore,
  objectKeys: readonly string[],
): Promise<Set<string>> {
  const found = await Promise.all(
    objectKeys.map(async (objectKey) =>
      (await findKeyRecord(objects, objectKey)) ? objectKey : "",
    ),
  );
  return new Set(found.filter(Boolean));
}
