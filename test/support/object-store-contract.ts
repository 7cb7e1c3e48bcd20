import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { expect, it } from "vitest";
import { BlobNotFoundError } from "#src/server/platform/blobs/blob-store.ts";
import { OBJECT_KEY, type ObjectStore } from "#src/server/platform/blobs/object-store.ts";

const MiB = 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
/** Random bytes that every chunk of a large test object repeats, behind the chunk's own number. */
const BLOCK = randomBytes(CHUNK_BYTES);

/**
 * A large test object, made chunk by chunk so that the test never holds it whole. Each chunk
 * starts with its own number, so parts that come back in another order show.
 */
function* largeObjectChunks(totalBytes: number): Generator<Buffer> {
  for (let offset = 0, index = 0; offset < totalBytes; offset += CHUNK_BYTES, index++) {
    const chunk = Buffer.from(BLOCK.subarray(0, Math.min(CHUNK_BYTES, totalBytes - offset)));
    chunk.writeUInt32BE(index, 0);
    yield chunk;
  }
}

/** Bytes `start` to `end` (both included) of a large test object. */
function largeObjectSlice(totalBytes: number, start: number, end: number): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (const chunk of largeObjectChunks(totalBytes)) {
    if (offset + chunk.length > start && offset <= end) {
      parts.push(chunk.subarray(Math.max(0, start - offset), end - offset + 1));
    }
    offset += chunk.length;
  }
  return Buffer.concat(parts);
}

async function digestOf(chunks: AsyncIterable<Buffer> | Iterable<Buffer>) {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest("hex") };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const streamOf = (text: string) => Readable.from([Buffer.from(text)]);

/** A source that gives `bytesBeforeFailing` bytes of a large object and then fails. */
function failingSource(bytesBeforeFailing: number): Readable {
  return Readable.from(
    (function* () {
      yield* largeObjectChunks(bytesBeforeFailing);
      throw new Error("the source broke off");
    })(),
  );
}

async function keysListed(store: ObjectStore, prefix?: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of store.list(prefix)) keys.push(object.key);
  return keys.sort();
}

/**
 * What every `ObjectStore` does, as test cases in the caller's `describe`: the same cases run
 * against each store, so code above the interface cannot tell the stores apart. `store` gives
 * the store under test once the caller's `beforeAll` has made it.
 */
export function objectStoreContract(store: () => ObjectStore): void {
  it("gives back what was written, byte for byte, with its size", async () => {
    await store().write("round-trip/letter", streamOf("Geachte notaris,"));

    expect((await bytesOf(await store().read("round-trip/letter"))).toString()).toBe(
      "Geachte notaris,",
    );
    expect(await store().size("round-trip/letter")).toBe(16);
  });

  it("stores an empty object", async () => {
    await store().write("round-trip/empty", Readable.from([]));

    expect(await bytesOf(await store().read("round-trip/empty"))).toHaveLength(0);
    expect(await store().size("round-trip/empty")).toBe(0);
  });

  // Larger than two parts of an S3 multipart upload, with a tail that fills no whole part.
  const largeBytes = 20 * MiB + 123;

  it("streams a large object in and out unchanged, whole and in ranges", async () => {
    await store().write("large/object", Readable.from(largeObjectChunks(largeBytes)));

    expect(await store().size("large/object")).toBe(largeBytes);
    expect(await digestOf(await store().read("large/object"))).toEqual(
      await digestOf(largeObjectChunks(largeBytes)),
    );
    const ranges = [
      ["the first byte", 0, 0],
      ["across the boundary of two upload parts", 8 * MiB - 10, 8 * MiB + 10],
      ["in the middle", 12 * MiB + 5, 13 * MiB + 7],
      ["the last byte", largeBytes - 1, largeBytes - 1],
    ] as const;
    for (const [name, start, end] of ranges) {
      const read = await bytesOf(await store().read("large/object", { start, end }));
      expect(read.equals(largeObjectSlice(largeBytes, start, end)), name).toBe(true);
    }
    // A range that reaches past the end ends where the object does.
    const tail = await bytesOf(
      await store().read("large/object", { start: largeBytes - 3, end: largeBytes + 100 }),
    );
    expect(tail.equals(largeObjectSlice(largeBytes, largeBytes - 3, largeBytes - 1))).toBe(true);
  });

  it("replaces an object that is written again", async () => {
    await store().write("overwrite/note", streamOf("first version, the longer one"));
    await store().write("overwrite/note", streamOf("second version"));

    expect((await bytesOf(await store().read("overwrite/note"))).toString()).toBe("second version");
    expect(await store().size("overwrite/note")).toBe(14);
  });

  it("forgets a deleted object", async () => {
    await store().write("delete/gone", streamOf("soon gone"));
    await store().delete("delete/gone");

    await expect(store().read("delete/gone")).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store().size("delete/gone")).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await keysListed(store(), "delete/")).toEqual([]);
  });

  it("moves an object to another key, replacing what was there", async () => {
    await store().write("move/from/deed", streamOf("Akte van levering"));
    await store().write("move/to/deed", streamOf("an older object, replaced"));

    await store().move("move/from/deed", "move/to/deed");

    expect((await bytesOf(await store().read("move/to/deed"))).toString()).toBe(
      "Akte van levering",
    );
    await expect(store().read("move/from/deed")).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await keysListed(store(), "move/")).toEqual(["move/to/deed"]);
  });

  it("refuses to move a missing object with a BlobNotFoundError", async () => {
    await expect(store().move("move/never-written", "move/elsewhere")).rejects.toBeInstanceOf(
      BlobNotFoundError,
    );
    await expect(store().read("move/elsewhere")).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it("takes the deletion of a missing object as done", async () => {
    await expect(store().delete("delete/never-written")).resolves.toBeUndefined();
  });

  it("refuses to read a missing object with a BlobNotFoundError, range or not", async () => {
    await expect(store().read("missing/object")).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store().read("missing/object", { start: 0, end: 9 })).rejects.toBeInstanceOf(
      BlobNotFoundError,
    );
    await expect(store().size("missing/object")).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it("lists the objects under a prefix, and all of them without one", async () => {
    const before = Date.now();
    const written = {
      "listing/ab/one": "1",
      "listing/ab/two": "22",
      "listing/abc/three": "333",
      "listing/b/four": "4444",
      "elsewhere/five": "55555",
    };
    for (const [key, text] of Object.entries(written)) await store().write(key, streamOf(text));

    expect(await keysListed(store(), "listing/ab/")).toEqual(["listing/ab/one", "listing/ab/two"]);
    // A prefix is a beginning of the key, not a folder.
    expect(await keysListed(store(), "listing/ab")).toEqual([
      "listing/ab/one",
      "listing/ab/two",
      "listing/abc/three",
    ]);
    expect(await keysListed(store(), "listing/none/")).toEqual([]);

    const everything = [];
    for await (const object of store().list()) everything.push(object);
    for (const [key, text] of Object.entries(written)) {
      const listed = everything.find((object) => object.key === key);
      expect(listed?.size).toBe(text.length);
      // S3 keeps the time to the second.
      expect(listed?.storedAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(listed?.storedAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect(everything.every((object) => OBJECT_KEY.test(object.key))).toBe(true);
  });

  it.each([
    "../outside",
    "listing/../../outside",
    "Upper/case",
    "/absolute",
    "double//slash",
    "trailing/",
    ".hidden",
    "",
  ])("refuses the key %j with a BlobNotFoundError", async (key) => {
    const content = streamOf("never stored");
    await expect(store().write(key, content)).rejects.toBeInstanceOf(BlobNotFoundError);
    // The refused source is let go of, not left open.
    expect(content.destroyed).toBe(true);
    await expect(store().read(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store().size(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store().delete(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store().move(key, "move/elsewhere")).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it("leaves no object behind when the source fails halfway", async () => {
    // Past the first upload part, so an S3 store has begun a multipart upload.
    await expect(store().write("failed/new", failingSource(12 * MiB))).rejects.toThrow();

    await expect(store().read("failed/new")).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await keysListed(store(), "failed/")).toEqual([]);
  });

  it("keeps the object it had when an overwrite fails halfway", async () => {
    await store().write("failed/kept", streamOf("the version that stays"));

    await expect(store().write("failed/kept", failingSource(3 * MiB))).rejects.toThrow();

    expect((await bytesOf(await store().read("failed/kept"))).toString()).toBe(
      "the version that stays",
    );
  });
}
