import { findKeyRecord, objectKeyOfRecord, writeKeyRecord } from "./file-key-records.ts";
import { FileKeyError, type FileKeyring } from "./file-keys.ts";
import type { ObjectStore } from "./object-store.ts";

export interface RewrapOutcome {
  /** Data keys moved from a previous key to the current one. */
  rewrapped: number;
  /** Data keys that were under the current key already. */
  alreadyCurrent: number;
  /** Data keys left as they were, because they cannot be unwrapped: their files cannot open. */
  unreadable: number;
  /** The ids of wrapping keys that records name and no configured secret gives. */
  unknownKeyIds: string[];
}

/**
 * Re-wraps every data key in the namespaces that is not under the current key, after
 * SECRET_KEY changed (the old secret in PREVIOUS_SECRET_KEYS): afterwards the previous secrets
 * can go. Only the small key records are rewritten, each in one write that replaces it whole;
 * no file is read or written again. A stop loses nothing: a second run goes on where the
 * first stopped, as the records it moved are under the current key already.
 */
export async function rewrapFileKeys(
  objects: ObjectStore,
  keyring: FileKeyring,
  namespaces: readonly string[],
): Promise<RewrapOutcome> {
  const outcome: RewrapOutcome = {
    rewrapped: 0,
    alreadyCurrent: 0,
    unreadable: 0,
    unknownKeyIds: [],
  };
  const unknown = new Set<string>();
  for (const namespace of namespaces) {
    for await (const listed of objects.list(`${namespace}/`)) {
      const objectKey = objectKeyOfRecord(listed.key);
      const record = objectKey && (await findKeyRecord(objects, objectKey));
      if (!objectKey || !record) continue;
      if (record.keyId === keyring.currentKeyId) {
        outcome.alreadyCurrent += 1;
        continue;
      }
      const dataKey = unwrapped(keyring, record, objectKey);
      if (!dataKey) {
        if (!keyring.knows(record.keyId)) unknown.add(record.keyId);
        outcome.unreadable += 1;
        continue;
      }
      await writeKeyRecord(objects, objectKey, { ...record, ...keyring.wrap(dataKey, objectKey) });
      outcome.rewrapped += 1;
    }
  }
  outcome.unknownKeyIds = [...unknown].sort();
  return outcome;
}

function unwrapped(
  keyring: FileKeyring,
  record: { keyId: string; wrappedKey: string },
  objectKey: string,
): Buffer | undefined {
  try {
    return keyring.unwrap(record, objectKey);
  } catch (error) {
    if (error instanceof FileKeyError) return undefined;
    throw error;
  }
}
