import { createHash } from "node:crypto";
import type { ObjectStore } from "../blobs/object-store.ts";
import type { Tally } from "./checksum-report.ts";
import { inParallel } from "./in-parallel.ts";
import { OBJECTS_IN_FLIGHT } from "./object-copy.ts";

/**
 * A namespace's objects as the report counts them: how many, and a digest over each one's key
 * and the SHA-256 of its bytes as the store gives them back, in key order.
 */
export async function namespaceTally(store: ObjectStore, namespace: string): Promise<Tally> {
  const entries: string[] = [];
  await inParallel(store.list(`${namespace}/`), OBJECTS_IN_FLIGHT, async ({ key }) => {
    const hash = createHash("sha256");
    for await (const chunk of await store.read(key)) hash.update(chunk as Buffer);
    entries.push(`${key} ${hash.digest("hex")}\n`);
  });
  // Keys are ASCII: this order is the byte order on any store.
  entries.sort();
  const digest = createHash("sha256");
  for (const entry of entries) digest.update(entry);
  return { name: namespace, count: entries.length, digest: digest.digest("hex") };
}
