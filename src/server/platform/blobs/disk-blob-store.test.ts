import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobNotFoundError } from "./blob-store.ts";
import { DiskBlobStore } from "./disk-blob-store.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A deterministic byte pattern, produced chunk by chunk so the test never holds it whole. */
function* patternChunks(totalBytes: number, chunkBytes = 64 * 1024): Generator<Buffer> {
  for (let offset = 0; offset < totalBytes; offset += chunkBytes) {
    const chunk = Buffer.alloc(Math.min(chunkBytes, totalBytes - offset));
    for (let i = 0; i < chunk.length; i++) chunk[i] = ((offset + i) * 31 + 7) % 251;
    yield chunk;
  }
}

function sha256Of(chunks: Iterable<Buffer>): string {
  const hash = createHash("sha256");
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest("hex");
}

async function digestStream(stream: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest("hex") };
}

/** Every file under the store's folder, relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe("DiskBlobStore", () => {
  let root: string;
  let store: DiskBlobStore;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "poort-blobs-"));
    store = new DiskBlobStore(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("stores a multi-megabyte stream and gives back the same bytes, size and hash", async () => {
    const size = 12 * 1024 * 1024 + 123;
    const stored = await store.put(Readable.from(patternChunks(size)));
    const expectedHash = sha256Of(patternChunks(size));
    expect(stored).toEqual({ key: expect.stringMatching(UUID), size, sha256: expectedHash });
    expect(await digestStream(await store.get(stored.key))).toEqual({
      size,
      sha256: expectedHash,
    });
  });

  async function waitingFile(folder: string, size: number): Promise<string> {
    const waiting = path.join(folder, `waiting-upload-${randomUUID()}`);
    await pipeline(Readable.from(patternChunks(size)), createWriteStream(waiting));
    return waiting;
  }

  // /dev/shm is a file system of its own (tmpfs) where there is one: a move from it is a copy.
  const otherDisk = "/dev/shm";
  const places: Array<[string, () => string]> = [["on the same disk, by a move", () => root]];
  if (existsSync(otherDisk)) places.push(["on another file system, by a copy", () => otherDisk]);
  it.each(places)(
    "takes over a file %s, with the digest its writer took",
    async (_case, folder) => {
      const size = 3 * 1024 * 1024 + 5;
      const waiting = await waitingFile(folder(), size);
      const digest = { size, sha256: sha256Of(patternChunks(size)) };
      const stored = await store.putFile(waiting, digest);
      expect(stored).toEqual({ key: expect.stringMatching(UUID), ...digest });
      expect(existsSync(waiting)).toBe(false);
      expect(await digestStream(await store.get(stored.key))).toEqual(digest);
    },
  );

  describe.skipIf(!existsSync(otherDisk))("a file on another file system", () => {
    it("is refused, and nothing stored, when its bytes are not what the digest says", async () => {
      const size = 1024 * 1024;
      const waiting = await waitingFile(otherDisk, size);
      const before = await filesUnder(root);
      const other = { size, sha256: sha256Of([Buffer.from("other bytes")]) };
      await expect(store.putFile(waiting, other)).rejects.toThrow("digest");
      expect(await filesUnder(root)).toEqual(before);
      await rm(waiting);
    });
  });

  it("stores a buffer, including an empty one", async () => {
    const content = Buffer.from("Akte van levering\n", "utf8");
    const stored = await store.put(content);
    expect(stored.size).toBe(content.length);
    expect(stored.sha256).toBe(createHash("sha256").update(content).digest("hex"));
    const empty = await store.put(Buffer.alloc(0));
    expect(empty).toMatchObject({
      size: 0,
      sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    });
    expect(await digestStream(await store.get(empty.key))).toMatchObject({ size: 0 });
  });

  it("gives every blob a new random key, even for the same content", async () => {
    const keys = await Promise.all(
      Array.from({ length: 5 }, async () => (await store.put(Buffer.from("same"))).key),
    );
    expect(new Set(keys).size).toBe(5);
    for (const key of keys) expect(key).toMatch(UUID);
  });

  it.each([
    ["an unknown key", "3f2c9a4e-8b1d-4c7a-9e6f-0a1b2c3d4e5f"],
    ["a path outside the store", "../etc/passwd"],
    ["an absolute path", "/etc/passwd"],
    ["a key with a path in it", "3f/../../3f2c9a4e-8b1d-4c7a-9e6f-0a1b2c3d4e5f"],
    ["an empty key", ""],
  ])("refuses %s with BlobNotFoundError", async (_, key) => {
    await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it("refuses to delete outside the store and forgets a deleted blob", async () => {
    await expect(store.delete("../etc/passwd")).rejects.toBeInstanceOf(BlobNotFoundError);
    const stored = await store.put(Buffer.from("to be removed"));
    await store.delete(stored.key);
    await expect(store.get(stored.key)).rejects.toBeInstanceOf(BlobNotFoundError);
    // Deleting twice is harmless: a retried clean-up must not fail.
    await expect(store.delete(stored.key)).resolves.toBeUndefined();
  });

  it("leaves nothing behind when the source stream fails halfway", async () => {
    const before = await filesUnder(root);
    async function* breaksAfterAMegabyte() {
      yield* patternChunks(1024 * 1024);
      throw new Error("upload aborted");
    }
    await expect(store.put(Readable.from(breaksAfterAMegabyte()))).rejects.toThrow(
      "upload aborted",
    );
    expect(await filesUnder(root)).toEqual(before);
    expect(await readdir(path.join(root, "tmp"))).toEqual([]);
  });

  it("leaves nothing behind when the source stream fails before its first byte", async () => {
    const before = await filesUnder(root);
    const failing = new Readable({
      read() {
        this.destroy(new Error("source unreadable"));
      },
    });
    await expect(store.put(failing)).rejects.toThrow("source unreadable");
    expect(await filesUnder(root)).toEqual(before);
    expect(await readdir(path.join(root, "tmp"))).toEqual([]);
  });

  it("lists every stored blob with when it was written, and nothing in progress", async () => {
    const listed = async () => {
      const found = new Map<string, Date>();
      for await (const blob of store.list()) found.set(blob.key, blob.storedAt);
      return found;
    };
    const stored = await store.put(Buffer.from("listed"));
    const before = await listed();
    expect(before.get(stored.key)?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await store.delete(stored.key);
    expect((await listed()).has(stored.key)).toBe(false);
    expect([...before.keys()].every((key) => UUID.test(key))).toBe(true);
    await expect(
      new DiskBlobStore(path.join(root, "never-used")).list()[Symbol.asyncIterator]().next(),
    ).resolves.toMatchObject({ done: true });
  });
});
