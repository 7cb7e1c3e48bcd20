import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectStoreContract } from "#test/support/object-store-contract.ts";
import { type S3Server, startS3Server } from "#test/support/s3-server.ts";
import { BlobNotFoundError } from "./blob-store.ts";
import { DiskObjectStore } from "./disk-object-store.ts";
import { FileKeyring } from "./file-keys.ts";
import type { ObjectStore } from "./object-store.ts";
import { S3ObjectStore } from "./s3-object-store.ts";
import { objectKeyOf, SealedBlobStore } from "./sealed-blob-store.ts";
import { SealedChunkError } from "./sealed-chunks.ts";

/**
 * What the files of Poort are on top of either store: sealed at rest, given back whole or by
 * range, and refused when the stored bytes were altered.
 */
function sealedStoreContract(objects: () => ObjectStore) {
  const content = Buffer.concat([Buffer.alloc(150_000, "Akte van levering. "), randomBytes(7)]);
  const sealedIn = () =>
    new SealedBlobStore({
      objects: objects(),
      keyring: new FileKeyring({ current: randomBytes(32) }),
      namespace: "sealed",
    });

  it("keeps a file sealed, and gives it back whole and by range", async () => {
    const store = sealedIn();
    const stored = await store.put(Readable.from([content]));
    const raw = await buffer(await objects().read(objectKeyOf("sealed", stored.key)));
    expect(raw.includes(Buffer.from("Akte van levering"))).toBe(false);
    expect((await buffer(await store.get(stored.key))).equals(content)).toBe(true);
    const range = { start: 65_530, end: 140_000 };
    const part = await buffer(await store.get(stored.key, range));
    expect(part.equals(content.subarray(range.start, range.end + 1))).toBe(true);
  });

  it("refuses a file whose stored bytes were altered", async () => {
    const store = sealedIn();
    const stored = await store.put(Readable.from([content]));
    const objectKey = objectKeyOf("sealed", stored.key);
    const raw = await buffer(await objects().read(objectKey));
    raw[100] = (raw[100] ?? 0) ^ 1;
    await objects().write(objectKey, Readable.from([raw]));
    await expect(buffer(await store.get(stored.key))).rejects.toBeInstanceOf(SealedChunkError);
  });
}

describe("DiskObjectStore", () => {
  let folder: string;
  let root: string;
  let store: DiskObjectStore;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "poort-objects-"));
    // The store's root one level down, so that "outside" is a folder the test owns.
    root = path.join(folder, "root");
    store = new DiskObjectStore(root);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  objectStoreContract(() => store);
  sealedStoreContract(() => store);

  it("keeps no temporary file of a write whose source failed", async () => {
    const failing = Readable.from(
      (function* () {
        yield Buffer.alloc(1024 * 1024, 7);
        throw new Error("the source broke off");
      })(),
    );
    await expect(store.write("failed/temporary", failing)).rejects.toThrow("the source broke off");

    expect(await readdir(path.join(root, ".tmp"))).toEqual([]);
  });

  it("stores a key as the path of its segments under the root", async () => {
    await store.write("blobs/ab/layout", Readable.from([Buffer.from("on disk")]));

    expect(await readFile(path.join(root, "blobs", "ab", "layout"), "utf8")).toBe("on disk");
  });

  it("reads the blobs the disk blob store wrote as objects under blobs/", async () => {
    // Where that store kept a blob: <DATA_DIR>/blobs/<first two of the key>/<key>, in plain.
    const key = "5e1f0c2a-8b1d-4c7a-9e6f-0a1b2c3d4e5f";
    await mkdir(path.join(root, "blobs", "5e"), { recursive: true });
    await writeFile(path.join(root, "blobs", "5e", key), "een akte van vroeger");
    const objectKey = `blobs/5e/${key}`;

    const chunks: Buffer[] = [];
    for await (const chunk of await store.read(objectKey)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("een akte van vroeger");
    const listed = [];
    for await (const object of store.list("blobs/")) listed.push(object.key);
    expect(listed).toContain(objectKey);
  });

  it("never reaches a file outside its root", async () => {
    const outside = path.join(folder, "outside");
    await writeFile(outside, "not the store's");

    await expect(store.read("../outside")).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.delete("../outside")).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(existsSync(outside)).toBe(true);
  });

  it("takes a folder for no object", async () => {
    await store.write("folder/inside/object", Readable.from([Buffer.from("x")]));

    await expect(store.read("folder/inside")).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.size("folder/inside")).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.delete("folder/inside")).resolves.toBeUndefined();
    expect(await store.size("folder/inside/object")).toBe(1);
  });
});

describe("S3ObjectStore", () => {
  let server: S3Server;
  let store: S3ObjectStore;

  beforeAll(async () => {
    server = await startS3Server();
    store = new S3ObjectStore({
      endpoint: server.endpoint,
      region: server.region,
      bucket: server.bucket,
      ...server.credentials,
      forcePathStyle: true,
      // Pages of two, so that every listing of the contract turns pages.
      listPageSize: 2,
    });
  });
  afterAll(() => server?.close());

  objectStoreContract(() => store);
  sealedStoreContract(() => store);

  it("takes refused credentials for an error, not for a missing object", async () => {
    // s3rver knows its account by the access key id alone: it does not check V4 signatures.
    const impostor = new S3ObjectStore({
      endpoint: server.endpoint,
      region: server.region,
      bucket: server.bucket,
      accessKeyId: "UNKNOWN",
      secretAccessKey: "not-the-secret",
      forcePathStyle: true,
    });
    await store.write("signed/object", Readable.from([Buffer.from("private")]));

    const refusal = await impostor.read("signed/object").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Error);
    expect(refusal).not.toBeInstanceOf(BlobNotFoundError);
    await expect(impostor.size("signed/object")).rejects.not.toBeInstanceOf(BlobNotFoundError);
  });
});
