import type { Readable } from "node:stream";
import type { ByteRange, ListedObject, ObjectStore } from "../blobs/object-store.ts";

/**
 * An object store whose deletions a backup can hold back (ADR 0021). While paused, a deletion
 * is answered at once but carried out only when the pause ends, so every object that the
 * database snapshot of the backup points at is still there when the backup copies the files.
 * The caller is not kept waiting: a deletion inside a transaction, which holds PGlite's one
 * connection, would otherwise wait for a backup that waits for that connection.
 */
export class PausableDeletions implements ObjectStore {
  readonly #objects: ObjectStore;
  readonly #onDeferredFailure: (key: string, error: unknown) => void;
  #pauses = 0;
  readonly #deferred = new Set<string>();

  constructor(objects: ObjectStore, onDeferredFailure: (key: string, error: unknown) => void) {
    this.#objects = objects;
    this.#onDeferredFailure = onDeferredFailure;
  }

  async write(key: string, content: Readable): Promise<void> {
    await this.#objects.write(key, content);
    // Written again after its deletion: the new content is what stays.
    this.#deferred.delete(key);
  }

  read(key: string, range?: ByteRange): Promise<Readable> {
    return this.#objects.read(key, range);
  }

  size(key: string): Promise<number> {
    return this.#objects.size(key);
  }

  list(prefix?: string): AsyncIterable<ListedObject> {
    return this.#objects.list(prefix);
  }

  /** While paused the object is copied, and the original deleted when the pause ends. */
  async move(from: string, to: string): Promise<void> {
    if (this.#pauses > 0) {
      await this.write(to, await this.#objects.read(from));
      this.#deferred.add(from);
      return;
    }
    await this.#objects.move(from, to);
    this.#deferred.delete(to);
  }

  async delete(key: string): Promise<void> {
    if (this.#pauses > 0) {
      this.#deferred.add(key);
      return;
    }
    await this.#objects.delete(key);
  }

  /** Holds deletions back until the returned function is called (pauses may overlap). */
  pause(): () => Promise<void> {
    this.#pauses += 1;
    let resumed = false;
    return async () => {
      if (resumed) return;
      resumed = true;
      this.#pauses -= 1;
      if (this.#pauses > 0) return;
      const keys = [...this.#deferred];
      this.#deferred.clear();
      for (const key of keys) {
        await this.#objects
          .delete(key)
          .catch((error: unknown) => this.#onDeferredFailure(key, error));
      }
    };
  }

  /** How many deletions wait for the end of a pause. */
  get deferredCount(): number {
    return this.#deferred.size;
  }
}
