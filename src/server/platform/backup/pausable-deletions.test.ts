import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiskObjectStore } from "../blobs/disk-object-store.ts";
import { PausableDeletions } from "./pausable-deletions.ts";

describe("PausableDeletions", () => {
  let root: string;
  let store: PausableDeletions;
  const failures: string[] = [];
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "poort-pausable-"));
    store = new PausableDeletions(new DiskObjectStore(root), (key) => failures.push(key));
    await store.write("blobs/aa/one", Readable.from([Buffer.from("one")]));
    await store.write("blobs/aa/two", Readable.from([Buffer.from("two")]));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("keeps a deleted object until the backup's pause ends, without keeping the caller waiting", async () => {
    const resume = store.pause();
    await store.delete("blobs/aa/one");
    expect(await store.size("blobs/aa/one")).toBe(3);
    await resume();
    await expect(store.size("blobs/aa/one")).rejects.toThrow("No blob");
    expect(await store.size("blobs/aa/two")).toBe(3);
  });

  it("deletes only when the last of overlapping pauses ends", async () => {
    const first = store.pause();
    const second = store.pause();
    await store.delete("blobs/aa/one");
    await first();
    expect(await store.size("blobs/aa/one")).toBe(3);
    await second();
    await expect(store.size("blobs/aa/one")).rejects.toThrow("No blob");
  });

  it("keeps an object written again after its deletion in the pause", async () => {
    const resume = store.pause();
    await store.delete("blobs/aa/one");
    await store.write("blobs/aa/one", Readable.from([Buffer.from("again")]));
    await resume();
    expect(await store.size("blobs/aa/one")).toBe(5);
    expect(failures).toEqual([]);
  });

  it("moves by copying during a pause, and removes the original only when it ends", async () => {
    const resume = store.pause();
    await store.move("blobs/aa/one", "blobs/bb/moved");
    expect(await store.size("blobs/bb/moved")).toBe(3);
    expect(await store.size("blobs/aa/one")).toBe(3);
    await resume();
    await expect(store.size("blobs/aa/one")).rejects.toThrow("No blob");
    expect(await store.size("blobs/bb/moved")).toBe(3);
    await store.move("blobs/bb/moved", "blobs/cc/again");
    await expect(store.size("blobs/bb/moved")).rejects.toThrow("No blob");
  });
});
