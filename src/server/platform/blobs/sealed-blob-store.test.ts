import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "#test/support/test-database.ts";
import { ManualClock } from "../clock.ts";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { BlobNotFoundError } from "./blob-store.ts";
import { DiskObjectStore } from "./disk-object-store.ts";
import {
  findKeyRecord,
  keyRecordKeyOf,
  objectKeyOfRecord,
  writeKeyRecord,
} from "./file-key-records.ts";
import { FileKeyError, FileKeyring } from "./file-keys.ts";
import type { ByteRange, ObjectStore } from "./object-store.ts";
import { rewrapFileKeys } from "./rewrap-file-keys.ts";
import { sealExistingFiles } from "./seal-existing-files.ts";
import { objectKeyOf, SealedBlobStore, type SealedBlobStoreOptions } from "./sealed-blob-store.ts";
import { PLAIN_CHUNK_SIZE, SealedChunkError, sealedReadOf, sealedSize } from "./sealed-chunks.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const clock = new ManualClock("2026-03-02T08:00:00Z");
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Recognisable text, so a test can see whether it lies on disk in plain. */
function notarialText(size: number): Buffer {
  const line = Buffer.from("Akte van levering, Kade 12 te Amsterdam. ");
  return Buffer.alloc(size, line);
}

/** Every object under `prefix`, by key. */
async function objectKeysUnder(objects: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of objects.list(prefix)) keys.push(object.key);
  return keys.sort();
}

/** The ranges the store asked of the sealed objects below it (not of their key records). */
function recordingReads(objects: ObjectStore, reads: Array<ByteRange | undefined>): ObjectStore {
  return {
    write: (key, content) => objects.write(key, content),
    read: (key, range) => {
      if (!objectKeyOfRecord(key)) reads.push(range);
      return objects.read(key, range);
    },
    size: (key) => objects.size(key),
    move: (from, to) => objects.move(from, to),
    delete: (key) => objects.delete(key),
    list: (prefix) => objects.list(prefix),
  };
}

describe.each(testDatabaseKinds)("SealedBlobStore on %s", (kind) => {
  let database: TestDatabase;
  let root: string;
  let objects: DiskObjectStore;
  let keyring: FileKeyring;
  let options: SealedBlobStoreOptions;
  let store: SealedBlobStore;
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    root = await mkdtemp(path.join(os.tmpdir(), "poort-sealed-blobs-"));
    objects = new DiskObjectStore(root);
    keyring = new FileKeyring({ current: randomBytes(32) });
    options = { objects, keyring, namespace: "blobs" };
    store = new SealedBlobStore(options);
  });
  afterAll(async () => {
    await database.drop();
    await rm(root, { recursive: true, force: true });
  });

  it("stores a multi-megabyte stream sealed, where the disk blob store kept it, and gives it back", async () => {
    const content = Buffer.concat([notarialText(3 * 1024 * 1024), randomBytes(123)]);
    const pieces = Array.from({ length: 48 }, (_, i) =>
      content.subarray(i * 65_539, (i + 1) * 65_539),
    ).filter((piece) => piece.length > 0);
    const stored = await store.put(Readable.from(pieces));
    expect(stored).toEqual({
      key: expect.stringMatching(UUID),
      size: content.length,
      sha256: sha256(content),
    });
    const onDisk = await readFile(path.join(root, "blobs", stored.key.slice(0, 2), stored.key));
    expect(onDisk.length).toBe(sealedSize(content.length));
    expect(onDisk.includes(Buffer.from("Akte van levering"))).toBe(false);
    expect(
      await findKeyRecord(objects, `blobs/${stored.key.slice(0, 2)}/${stored.key}`),
    ).toMatchObject({
      keyId: keyring.currentKeyId,
      plainSize: content.length,
    });
    expect((await readAll(await store.get(stored.key))).equals(content)).toBe(true);
  });

  it("stores a buffer, including an empty one, and gives every blob a key of its own", async () => {
    const content = notarialText(1000);
    const first = await store.put(content);
    const second = await store.put(content);
    expect(first.key).not.toBe(second.key);
    expect((await readAll(await store.get(second.key))).equals(content)).toBe(true);
    const empty = await store.put(Buffer.alloc(0));
    expect(empty).toMatchObject({ size: 0, sha256: sha256(Buffer.alloc(0)) });
    expect(await readAll(await store.get(empty.key))).toHaveLength(0);
  });

  it("gives back a range, reading only the chunks that hold it", async () => {
    const content = randomBytes(3 * PLAIN_CHUNK_SIZE + 777);
    const stored = await store.put(content);
    const reads: Array<ByteRange | undefined> = [];
    const recorded = new SealedBlobStore({ ...options, objects: recordingReads(objects, reads) });
    const last = content.length - 1;
    for (const range of [
      { start: 0, end: 0 },
      { start: 10, end: 99 },
      { start: PLAIN_CHUNK_SIZE - 5, end: PLAIN_CHUNK_SIZE + 5 },
      { start: PLAIN_CHUNK_SIZE, end: 3 * PLAIN_CHUNK_SIZE },
      { start: last - 10, end: last },
      { start: 0, end: last },
    ]) {
      reads.length = 0;
      const part = await readAll(await recorded.get(stored.key, range));
      expect(part.equals(content.subarray(range.start, range.end + 1))).toBe(true);
      expect(reads).toEqual([sealedReadOf(range, content.length).sealed]);
    }
    await expect(store.get(stored.key, { start: 0, end: content.length })).rejects.toThrow(
      RangeError,
    );
  });

  it("refuses an object altered in storage, passing on nothing of the altered chunk", async () => {
    const content = notarialText(2 * PLAIN_CHUNK_SIZE + 10);
    const stored = await store.put(content);
    const file = path.join(root, "blobs", stored.key.slice(0, 2), stored.key);
    const sealed = await readFile(file);
    sealed[PLAIN_CHUNK_SIZE + 100] = (sealed[PLAIN_CHUNK_SIZE + 100] ?? 0) ^ 0x20;
    await writeFile(file, sealed);
    await expect(readAll(await store.get(stored.key))).rejects.toBeInstanceOf(SealedChunkError);
    // A range in the untouched first chunk still opens; one in the altered chunk does not.
    const first = await readAll(await store.get(stored.key, { start: 0, end: 99 }));
    expect(first.equals(content.subarray(0, 100))).toBe(true);
    await expect(
      readAll(await store.get(stored.key, { start: PLAIN_CHUNK_SIZE, end: PLAIN_CHUNK_SIZE + 9 })),
    ).rejects.toBeInstanceOf(SealedChunkError);
  });

  it("refuses one blob's object put in the place of another's", async () => {
    const a = await store.put(notarialText(5000));
    const b = await store.put(Buffer.from(notarialText(5000)).fill(0x41, 0, 10));
    const objectA = path.join(root, "blobs", a.key.slice(0, 2), a.key);
    const objectB = path.join(root, "blobs", b.key.slice(0, 2), b.key);
    await writeFile(objectB, await readFile(objectA));
    await expect(readAll(await store.get(b.key))).rejects.toBeInstanceOf(SealedChunkError);
  });

  it("refuses a key record that names another wrapping key", async () => {
    const stored = await store.put(notarialText(300));
    const objectKey = objectKeyOf("blobs", stored.key);
    const record = await findKeyRecord(objects, objectKey);
    if (!record) throw new Error("no key record");
    await writeKeyRecord(objects, objectKey, { ...record, keyId: "0123456789abcdef" });
    await expect(store.get(stored.key)).rejects.toThrow(FileKeyError);
    // A key id the keyring knows, but not the one this data key was wrapped under.
    const other = randomBytes(32);
    const otherId = new FileKeyring({ current: other }).currentKeyId;
    const both = new SealedBlobStore({
      ...options,
      keyring: new FileKeyring({ current: randomBytes(32), previous: [other] }),
    });
    await writeKeyRecord(objects, objectKey, { ...record, keyId: otherId });
    await expect(both.get(stored.key)).rejects.toThrow("fails authentication");
  });

  it("keeps the data key beside the object only wrapped, and refuses an altered record", async () => {
    const stored = await store.put(notarialText(300));
    const objectKey = objectKeyOf("blobs", stored.key);
    const onDisk = await readFile(path.join(root, `${keyRecordKeyOf(objectKey)}`));
    expect(JSON.parse(onDisk.toString())).toEqual({
      keyId: keyring.currentKeyId,
      wrappedKey: expect.stringMatching(/^[A-Za-z0-9_-]{80}$/),
      plainSize: 300,
    });
    await writeFile(path.join(root, keyRecordKeyOf(objectKey)), "{}");
    await expect(store.get(stored.key)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it.each([
    ["an unknown key", "3f2c9a4e-8b1d-4c7a-9e6f-0a1b2c3d4e5f"],
    ["a path outside the store", "../etc/passwd"],
    ["a key with a path in it", "3f/../../3f2c9a4e-8b1d-4c7a-9e6f-0a1b2c3d4e5f"],
    ["an empty key", ""],
  ])("refuses %s with BlobNotFoundError", async (_case, key) => {
    await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it("answers BlobNotFoundError for a blob whose object is gone", async () => {
    const stored = await store.put(notarialText(10));
    await objects.delete(objectKeyOf("blobs", stored.key));
    await expect(store.get(stored.key)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it("deletes the key record and the object, and a second delete is harmless", async () => {
    const stored = await store.put(notarialText(10));
    const objectKey = objectKeyOf("blobs", stored.key);
    await store.delete(stored.key);
    expect(await findKeyRecord(objects, objectKey)).toBeUndefined();
    await expect(objects.size(objectKey)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.get(stored.key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.delete(stored.key)).resolves.toBeUndefined();
    await expect(store.delete("../etc/passwd")).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  describe("taking a blob over from another store (an upload's part kept as a document)", () => {
    const partsOf = () => new SealedBlobStore({ ...options, namespace: "upload-parts" });

    it("moves the sealed bytes as they are, readable whole and by range under the new key only", async () => {
      const parts = partsOf();
      const content = Buffer.concat([notarialText(2 * PLAIN_CHUNK_SIZE), randomBytes(99)]);
      const part = await parts.put(content);
      const sealedBefore = await readFile(path.join(root, objectKeyOf("upload-parts", part.key)));

      const key = await store.takeOver(parts, part.key);

      expect(key).toMatch(UUID);
      expect(key).not.toBe(part.key);
      const sealedAfter = await readFile(path.join(root, objectKeyOf("blobs", key)));
      expect(sealedAfter.equals(sealedBefore)).toBe(true);
      expect((await readAll(await store.get(key))).equals(content)).toBe(true);
      const range = { start: PLAIN_CHUNK_SIZE - 3, end: 2 * PLAIN_CHUNK_SIZE + 7 };
      expect(
        (await readAll(await store.get(key, range))).equals(
          content.subarray(range.start, range.end + 1),
        ),
      ).toBe(true);
      // Gone from the parts, object and key record, and the parts' own deletion is harmless.
      await expect(parts.get(part.key)).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(
        await objectKeysUnder(objects, `upload-parts/${part.key.slice(0, 2)}/${part.key}`),
      ).toEqual([]);
      await expect(parts.delete(part.key)).resolves.toBeUndefined();
      expect(await findKeyRecord(objects, objectKeyOf("blobs", key))).toMatchObject({
        keyId: keyring.currentKeyId,
        plainSize: content.length,
        sealedAs: objectKeyOf("upload-parts", part.key),
      });
    });

    it("binds the moved data key to its new place: object and record moved on do not open", async () => {
      const parts = partsOf();
      const key = await store.takeOver(parts, (await parts.put(notarialText(500))).key);
      const victim = await store.put(notarialText(500));
      for (const suffix of ["", ".key"]) {
        await writeFile(
          path.join(root, `${objectKeyOf("blobs", victim.key)}${suffix}`),
          await readFile(path.join(root, `${objectKeyOf("blobs", key)}${suffix}`)),
        );
      }
      await expect(store.get(victim.key)).rejects.toThrow(FileKeyError);
    });

    it("refuses a record whose sealedAs names another object, and an unknown key", async () => {
      const parts = partsOf();
      const key = await store.takeOver(parts, (await parts.put(notarialText(500))).key);
      const objectKey = objectKeyOf("blobs", key);
      const record = await findKeyRecord(objects, objectKey);
      if (!record) throw new Error("no key record");
      await writeKeyRecord(objects, objectKey, { ...record, sealedAs: objectKey });
      await expect(readAll(await store.get(key))).rejects.toBeInstanceOf(SealedChunkError);
      await expect(store.takeOver(parts, randomUUID())).rejects.toBeInstanceOf(BlobNotFoundError);
    });

    it("leaves the blob where it was, whole, when the move fails", async () => {
      const failingMove: ObjectStore = {
        write: (key, content) => objects.write(key, content),
        read: (key, range) => objects.read(key, range),
        size: (key) => objects.size(key),
        move: async () => {
          throw new Error("the disk is full");
        },
        delete: (key) => objects.delete(key),
        list: (prefix) => objects.list(prefix),
      };
      const parts = new SealedBlobStore({
        ...options,
        objects: failingMove,
        namespace: "upload-parts",
      });
      const blobs = new SealedBlobStore({ ...options, objects: failingMove });
      const part = await parts.put(notarialText(700));
      const before = await objectKeysUnder(objects, "blobs/");

      await expect(blobs.takeOver(parts, part.key)).rejects.toThrow("the disk is full");

      expect(await objectKeysUnder(objects, "blobs/")).toEqual(before);
      expect((await readAll(await parts.get(part.key))).equals(notarialText(700))).toBe(true);
    });

    it("takes over only from a sealed store over the same objects and keys", async () => {
      const elsewhere = new SealedBlobStore({
        ...options,
        keyring: new FileKeyring({ current: randomBytes(32) }),
        namespace: "upload-parts",
      });
      const part = await elsewhere.put(notarialText(10));
      await expect(store.takeOver(elsewhere, part.key)).rejects.toThrow(TypeError);
      expect((await readAll(await elsewhere.get(part.key))).length).toBe(10);
    });
  });

  it("lists its own blobs, with an object left without its key record, and nothing else", async () => {
    const mail = new SealedBlobStore({ ...options, namespace: "mail-attachments" });
    const mailBlob = await mail.put(notarialText(10));
    const stored = await store.put(notarialText(10));
    // A process that died between the object and its key record.
    const orphan = "0a1b2c3d-8b1d-4c7a-9e6f-0a1b2c3d4e5f";
    await objects.write(objectKeyOf("mail-attachments", orphan), Readable.from([randomBytes(40)]));
    await objects.write("mail-attachments/tmp/note.part", Readable.from([Buffer.from("x")]));
    const listed = async (listing: SealedBlobStore) => {
      const keys: string[] = [];
      for await (const blob of listing.list()) keys.push(blob.key);
      return keys.sort();
    };
    expect(await listed(mail)).toEqual([mailBlob.key, orphan].sort());
    expect(await listed(store)).toContain(stored.key);
    expect(await listed(store)).not.toContain(mailBlob.key);
    await expect(mail.get(orphan)).rejects.toBeInstanceOf(BlobNotFoundError);
    await mail.delete(orphan);
    expect(await listed(mail)).toEqual([mailBlob.key]);
  });

  describe("sealing the files stored before the encryption at rest", () => {
    /** Where the crash happens, as a process would die there. */
    const crashPoints = [
      "while writing the sealed copy",
      "after the sealed copy, before its key record",
      "before the sealed copy replaces the file",
      "before the sealed copy is removed",
    ] as const;
    type CrashPoint = (typeof crashPoints)[number];
    class Crash extends Error {}

    function dyingAt(point: CrashPoint): ObjectStore {
      const isCopy = (key: string) => key.endsWith(".sealing");
      return {
        async write(key, content) {
          if (
            (point === "while writing the sealed copy" && isCopy(key)) ||
            (point === "before the sealed copy replaces the file" &&
              !isCopy(key) &&
              !objectKeyOfRecord(key))
          ) {
            content.destroy();
            throw new Crash(point);
          }
          await objects.write(key, content);
          if (point === "after the sealed copy, before its key record" && isCopy(key)) {
            throw new Crash(point);
          }
        },
        read: (key, range) => objects.read(key, range),
        size: (key) => objects.size(key),
        move: (from, to) => objects.move(from, to),
        async delete(key) {
          if (point === "before the sealed copy is removed" && isCopy(key)) throw new Crash(point);
          await objects.delete(key);
        },
        list: (prefix) => objects.list(prefix),
      };
    }

    let namespaces = 0;
    /**
     * Plain files where the disk blob store of before kept them, in a namespace of their own:
     * the disk object store writes the bytes as they come.
     */
    async function filesOfBefore(sizes: number[]) {
      namespaces += 1;
      const namespace = `before-${namespaces}`;
      const files = [];
      for (const size of sizes) {
        const content = Buffer.concat([notarialText(size), randomBytes(size > 0 ? 1 : 0)]);
        const key = randomUUID();
        await objects.write(objectKeyOf(namespace, key), Readable.from([content]));
        files.push({ key, content });
      }
      const sealing = { ...options, namespace, db: db(), clock };
      return { namespace, files, sealing, store: new SealedBlobStore(sealing) };
    }

    async function expectAllSealed(setUp: Awaited<ReturnType<typeof filesOfBefore>>) {
      for (const file of setUp.files) {
        const onDisk = await readFile(
          path.join(root, setUp.namespace, file.key.slice(0, 2), file.key),
        );
        expect(onDisk.length).toBe(sealedSize(file.content.length));
        if (file.content.length > 0) {
          expect(onDisk.includes(Buffer.from("Akte van levering"))).toBe(false);
        }
        expect((await readAll(await setUp.store.get(file.key))).equals(file.content)).toBe(true);
      }
      const keys = await objectKeysUnder(objects, `${setUp.namespace}/`);
      expect(keys.filter((key) => key.endsWith(".sealing"))).toEqual([]);
    }

    it("seals them in place, readable by their old keys, and afterwards looks no further", async () => {
      const setUp = await filesOfBefore([0, 1, PLAIN_CHUNK_SIZE, 3 * PLAIN_CHUNK_SIZE + 5]);
      await expect(setUp.store.get(setUp.files[0]?.key ?? "")).rejects.toBeInstanceOf(
        BlobNotFoundError,
      );
      expect(await sealExistingFiles(setUp.sealing)).toEqual({ sealed: 4, resumed: 0 });
      await expectAllSealed(setUp);
      const noListing: ObjectStore = {
        write: (key, content) => objects.write(key, content),
        read: (key, range) => objects.read(key, range),
        size: (key) => objects.size(key),
        move: (from, to) => objects.move(from, to),
        delete: (key) => objects.delete(key),
        list: () => {
          throw new Error("listed a sealed namespace");
        },
      };
      await expect(sealExistingFiles({ ...setUp.sealing, objects: noListing })).resolves.toEqual({
        sealed: 0,
        resumed: 0,
      });
    });

    it("leaves alone what is not a file (the old store's unfinished writes) and other namespaces", async () => {
      const setUp = await filesOfBefore([100]);
      const unfinished = `${setUp.namespace}/tmp/3f2c9a4e-8b1d-4c7a-9e6f-0a1b2c3d4e5f.part`;
      await objects.write(unfinished, Readable.from([notarialText(50)]));
      const other = await filesOfBefore([100]);
      expect(await sealExistingFiles(setUp.sealing)).toEqual({ sealed: 1, resumed: 0 });
      expect((await readAll(await objects.read(unfinished))).equals(notarialText(50))).toBe(true);
      const untouched = other.files[0];
      const otherFile = path.join(
        root,
        other.namespace,
        untouched?.key.slice(0, 2) ?? "",
        untouched?.key ?? "",
      );
      expect((await readFile(otherFile)).equals(untouched?.content ?? Buffer.alloc(0))).toBe(true);
    });

    it("removes a sealed copy whose key record was never written, even when its file went since", async () => {
      const setUp = await filesOfBefore([100]);
      const gone = objectKeyOf(setUp.namespace, "7c2c9a4e-8b1d-4c7a-9e6f-0a1b2c3d4e5f");
      await objects.write(`${gone}.sealing`, Readable.from([randomBytes(116)]));
      expect(await sealExistingFiles(setUp.sealing)).toEqual({ sealed: 1, resumed: 0 });
      await expectAllSealed(setUp);
    });

    it.each(crashPoints)("resumes after a crash %s, losing nothing", async (point) => {
      const setUp = await filesOfBefore([500, 2 * PLAIN_CHUNK_SIZE + 3, 70]);
      await expect(
        sealExistingFiles({ ...setUp.sealing, objects: dyingAt(point) }),
      ).rejects.toBeInstanceOf(Crash);
      const recordWritten =
        point === "before the sealed copy replaces the file" ||
        point === "before the sealed copy is removed";
      const records = (await objectKeysUnder(objects, `${setUp.namespace}/`)).filter((key) =>
        key.endsWith(".key"),
      );
      expect(records).toHaveLength(recordWritten ? 1 : 0);
      expect(await sealExistingFiles(setUp.sealing)).toEqual(
        recordWritten ? { sealed: 2, resumed: 1 } : { sealed: 3, resumed: 0 },
      );
      await expectAllSealed(setUp);
    });

    it("seals each file once when two instances start together", async () => {
      const setUp = await filesOfBefore([10, 20, 30, PLAIN_CHUNK_SIZE + 1, 40, 50]);
      let second: DatabaseHandle | undefined;
      if (database.url) second = await openDatabase({ databaseUrl: database.url, poolSize: 2 });
      try {
        const outcomes = await Promise.all([
          sealExistingFiles(setUp.sealing),
          sealExistingFiles({ ...setUp.sealing, db: second?.db ?? db() }),
        ]);
        expect(outcomes.reduce((sum, outcome) => sum + outcome.sealed, 0)).toBe(6);
      } finally {
        await second?.close();
      }
      await expectAllSealed(setUp);
    });
  });
});

describe("re-wrapping the data keys", () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "poort-rewrap-"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("moves every data key to the new secret, after which the old one can go", async () => {
    const oldSecret = randomBytes(32);
    const newSecret = randomBytes(32);
    const objects = new DiskObjectStore(root);
    const storeUnder = (keyring: FileKeyring, namespace = "blobs") =>
      new SealedBlobStore({ objects, keyring, namespace });
    const oldKeyring = new FileKeyring({ current: oldSecret });
    const files = [notarialText(10), notarialText(PLAIN_CHUNK_SIZE + 10)];
    const stored = await Promise.all(files.map((file) => storeUnder(oldKeyring).put(file)));
    const attachment = await storeUnder(oldKeyring, "mail-attachments").put(notarialText(30));
    // A file under a secret nobody configured any more.
    const lost = await storeUnder(new FileKeyring({ current: randomBytes(32) })).put(
      notarialText(40),
    );
    const lostRecord = await findKeyRecord(objects, objectKeyOf("blobs", lost.key));

    const rotated = new FileKeyring({ current: newSecret, previous: [oldSecret] });
    const afterRotation = await storeUnder(rotated).put(notarialText(20));
    const sealedFiles = new Map(
      [...stored, afterRotation].map((blob) => [objectKeyOf("blobs", blob.key), blob]),
    );
    const before = await Promise.all(
      [...sealedFiles.keys()].map(async (objectKey) => readFile(path.join(root, objectKey))),
    );
    const namespaces = ["blobs", "mail-attachments"];
    expect(await rewrapFileKeys(objects, rotated, namespaces)).toMatchObject({
      rewrapped: 3,
      alreadyCurrent: 1,
      unreadable: 1,
    });

    const onlyNew = new FileKeyring({ current: newSecret });
    for (const [i, blob] of stored.entries()) {
      const opened = await readAll(await storeUnder(onlyNew).get(blob.key));
      expect(opened.equals(files[i] ?? Buffer.alloc(0))).toBe(true);
    }
    const mail = await readAll(await storeUnder(onlyNew, "mail-attachments").get(attachment.key));
    expect(mail.equals(notarialText(30))).toBe(true);
    // Only the key records changed: the sealed files are byte for byte what they were.
    const after = await Promise.all(
      [...sealedFiles.keys()].map(async (objectKey) => readFile(path.join(root, objectKey))),
    );
    expect(after.every((bytes, i) => bytes.equals(before[i] ?? Buffer.alloc(0)))).toBe(true);
    expect(await findKeyRecord(objects, objectKeyOf("blobs", lost.key))).toEqual(lostRecord);
    expect(await rewrapFileKeys(objects, rotated, namespaces)).toMatchObject({
      rewrapped: 0,
      alreadyCurrent: 4,
      unreadable: 1,
    });
  });
});
