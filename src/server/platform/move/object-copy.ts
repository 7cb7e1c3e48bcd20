import type { ObjectStore } from "../blobs/object-store.ts";
import { inParallel } from "./in-parallel.ts";

/** Objects copied, or read back for the report, at once. */
export const OBJECTS_IN_FLIGHT = 4;

export interface ObjectCopyOptions {
  from: ObjectStore;
  to: ObjectStore;
  namespaces: readonly string[];
  /** Told after each namespace, for the operator to follow. */
  copied?: (namespace: string, objects: number) => void;
}

/**
 * Copies every object of the namespaces under the same key, byte for byte: the files stay
 * sealed as they are, and their key records (the wrapped data keys) come with them. Copying
 * again replaces an object with the same bytes, so a move that failed halfway can run again.
 */
export async function copyObjects(options: ObjectCopyOptions): Promise<void> {
  const { from, to } = options;
  for (const namespace of options.namespaces) {
    let objects = 0;
    await inParallel(from.list(`${namespace}/`), OBJECTS_IN_FLIGHT, async ({ key }) => {
      await to.write(key, await from.read(key));
      objects += 1;
    });
    options.copied?.(namespace, objects);
  }
}
