import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { Upload } from "@tus/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DigestingFileStore } from "./digesting-file-store.ts";

const content = Buffer.from(
  `%PDF-1.4\n${"Akte van levering, Kade 12 te Amsterdam. ".repeat(4000)}`,
);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("the tus store's digest of each upload, taken as its parts are written", () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), "poort-tus-"));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  async function started(store: DigestingFileStore): Promise<string> {
    const id = randomUUID();
    await store.create(new Upload({ id, size: content.length, offset: 0 }));
    return id;
  }
  const part = (from: number, to?: number) => Readable.from([content.subarray(from, to)]);
  const fileOf = (id: string) => readFile(path.join(directory, id));

  it("is the SHA-256 of the file's bytes, sent in one part or several", async () => {
    const store = new DigestingFileStore({ directory });
    const whole = await started(store);
    expect(await store.write(part(0), whole, 0)).toBe(content.length);
    const inParts = await started(store);
    await store.write(part(0, 1000), inParts, 0);
    await store.write(part(1000, 70_000), inParts, 1000);
    await store.write(part(70_000), inParts, 70_000);

    for (const id of [whole, inParts]) {
      expect(await fileOf(id)).toEqual(content);
      expect(store.takeDigest(id, content.length)).toEqual({
        size: content.length,
        sha256: sha256(content),
      });
      // Taken once: the store keeps nothing of a finished upload.
      expect(store.takeDigest(id, content.length)).toBeUndefined();
    }
  });

  it("is not known for an upload of which another process wrote a part (a restart)", async () => {
    const before = new DigestingFileStore({ directory });
    const id = await started(before);
    await before.write(part(0, 5000), id, 0);
    const after = new DigestingFileStore({ directory });
    await after.write(part(5000), id, 5000);
    expect(await fileOf(id)).toEqual(content);
    expect(after.takeDigest(id, content.length)).toBeUndefined();
    expect(before.takeDigest(id, content.length)).toBeUndefined();
  });

  it("is not known after a part whose writing failed, whatever reached the disk", async () => {
    const store = new DigestingFileStore({ directory });
    const id = await started(store);
    await store.write(part(0, 1000), id, 0);
    async function* breaksOff() {
      yield content.subarray(1000, 3000);
      throw new Error("connection lost");
    }
    await expect(store.write(Readable.from(breaksOff()), id, 1000)).rejects.toMatchObject({
      status_code: 500,
    });
    const { offset } = await store.getUpload(id);
    await store.write(part(offset), id, offset);
    expect(await fileOf(id)).toEqual(content);
    expect(store.takeDigest(id, content.length)).toBeUndefined();
  });

  it("is forgotten with an upload the client terminates, and never given for a shorter file", async () => {
    const store = new DigestingFileStore({ directory });
    const terminated = await started(store);
    await store.write(part(0), terminated, 0);
    await store.remove(terminated);
    expect(store.takeDigest(terminated, content.length)).toBeUndefined();

    const unfinished = await started(store);
    await store.write(part(0, 100), unfinished, 0);
    expect(store.takeDigest(unfinished, content.length)).toBeUndefined();
  });
});
