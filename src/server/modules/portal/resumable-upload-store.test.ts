import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { ERRORS, Upload } from "@tus/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BlobStore } from "#src/server/platform/blobs/blob-store.ts";
import { ManualClock } from "#src/server/platform/clock.ts";
import { createTestFileStore, type TestFileStore } from "#test/support/file-stores.ts";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "#test/support/test-database.ts";
import { accounts } from "../accounts/schema.ts";
import {
  isUploadOf,
  newUploadId,
  ResumableUploadStore,
  UPLOAD_EXPIRY_MS,
} from "./resumable-upload-store.ts";

/**
 * The tus store whose state is in the database: two stores over one database and one parts
 * store stand for two instances behind a balancer, each taking PATCHes of the same upload.
 */
describe.each(testDatabaseKinds)("resumable uploads on %s", (kind) => {
  let database: TestDatabase;
  let files: TestFileStore;
  let parts: BlobStore;
  let clock: ManualClock;
  let first: ResumableUploadStore;
  let second: ResumableUploadStore;
  let accountId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    clock = new ManualClock(new Date());
    files = await createTestFileStore({ namespace: "upload-parts" });
    parts = files.store;
    const deps = { db: database.handle.db, clock, parts };
    first = new ResumableUploadStore(deps);
    second = new ResumableUploadStore(deps);
    const [account] = await database.handle.db
      .insert(accounts)
      .values({
        kind: "client",
        email: "jan@jansen.example",
        name: "Jan Jansen",
        status: "active",
        createdAt: clock.now(),
      })
      .returning();
    if (!account) throw new Error("no account");
    accountId = account.id;
  });
  afterAll(async () => {
    await database.drop();
    await files.remove();
  });

  async function created(size: number) {
    const upload = new Upload({
      id: newUploadId(accountId),
      size,
      offset: 0,
      metadata: { filename: "akte.pdf" },
    });
    await first.create(upload);
    return upload.id;
  }
  const partOf = (content: string) => Readable.from([Buffer.from(content)]);
  async function storedParts(): Promise<number> {
    let count = 0;
    for await (const _ of parts.list()) count += 1;
    return count;
  }

  it("gives each upload an id of its account, which no other account's matches", () => {
    const id = newUploadId(accountId);
    expect(isUploadOf(id, accountId)).toBe(true);
    expect(isUploadOf(id, "00000000-0000-4000-8000-000000000001")).toBe(false);
    expect(newUploadId(accountId)).not.toBe(id);
  });

  it("continues an upload on another instance from where the first left off", async () => {
    const id = await created(21);
    expect(await first.write(partOf("Akte van "), id, 0)).toBe(9);
    expect(await second.getUpload(id)).toMatchObject({
      id,
      size: 21,
      offset: 9,
      metadata: { filename: "akte.pdf" },
    });
    expect(await second.write(partOf("levering."), id, 9)).toBe(18);
    expect(await first.write(partOf(" Ok"), id, 18)).toBe(21);
    expect(await text(await second.content(id))).toBe("Akte van levering. Ok");
  });

  it("refuses a part that does not start where the upload ends, keeping nothing of it", async () => {
    const id = await created(10);
    await first.write(partOf("12345"), id, 0);
    const before = await storedParts();
    await expect(second.write(partOf("67890"), id, 3)).rejects.toBe(ERRORS.INVALID_OFFSET);
    expect(await storedParts()).toBe(before);
    expect((await first.getUpload(id)).offset).toBe(5);
  });

  it("lets only one of two instances extend an upload from the same offset", async () => {
    const id = await created(8);
    const results = await Promise.allSettled([
      first.write(partOf("AAAA"), id, 0),
      second.write(partOf("BBBB"), id, 0),
    ]);
    const written = results.filter((result) => result.status === "fulfilled");
    expect(written).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: ERRORS.INVALID_OFFSET,
    });
    const content = await text(await first.content(id));
    expect(["AAAA", "BBBB"]).toContain(content);
  });

  it("keeps what arrived of a PATCH the client broke off, to resume after it", async () => {
    const id = await created(12);
    // tus ends the body stream, without an error, when the client goes away mid-request.
    expect(await first.write(partOf("half"), id, 0)).toBe(4);
    expect((await second.getUpload(id)).offset).toBe(4);
  });

  it("keeps an upload of one part as a blob without reading it again, its part gone", async () => {
    const blobs = files.sibling("blobs");
    const content = "Akte van levering, Kade 12.";
    const id = await created(content.length);
    await second.write(partOf(content), id, 0);
    const before = await storedParts();

    const kept = await first.keepAsBlob(id, blobs);

    expect(kept).toEqual({
      key: expect.any(String),
      size: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
    });
    expect(await text(await blobs.get(kept?.key ?? ""))).toBe(content);
    expect(await storedParts()).toBe(before - 1);
    await first.remove(id);
    expect(await text(await blobs.get(kept?.key ?? ""))).toBe(content);
  });

  it("gives an upload finished twice at once to one request only; the other finds it gone", async () => {
    const blobs = files.sibling("blobs");
    const id = await created(4);
    await first.write(partOf("Akte"), id, 0);

    const results = await Promise.allSettled([
      first.keepAsBlob(id, blobs),
      second.keepAsBlob(id, blobs),
    ]);

    const kept = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    expect(kept).toHaveLength(1);
    expect(await text(await blobs.get(kept[0]?.key ?? ""))).toBe("Akte");
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { code: "not_found" },
    });
    await first.remove(id);
    await expect(first.keepAsBlob(id, blobs)).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps no upload of several parts as a blob: it is read, joined, instead", async () => {
    const blobs = files.sibling("blobs");
    const id = await created(6);
    await first.write(partOf("abc"), id, 0);
    await second.write(partOf("def"), id, 3);

    expect(await first.keepAsBlob(id, blobs)).toBeUndefined();
    expect(await text(await second.content(id))).toBe("abcdef");
  });

  it("says an unknown upload is not found", async () => {
    await expect(first.getUpload(newUploadId(accountId))).rejects.toBe(ERRORS.FILE_NOT_FOUND);
  });

  it("removes an upload with all its parts", async () => {
    const before = await storedParts();
    const id = await created(6);
    await first.write(partOf("abc"), id, 0);
    await second.write(partOf("def"), id, 3);
    expect(await storedParts()).toBe(before + 2);
    await second.remove(id);
    expect(await storedParts()).toBe(before);
    await expect(first.getUpload(id)).rejects.toBe(ERRORS.FILE_NOT_FOUND);
  });

  it("gives up uploads nobody finished within a day, and parts no upload holds", async () => {
    const unfinished = await created(100);
    await first.write(partOf("begun"), unfinished, 0);
    // A part stored by a process that stopped before it could record it.
    const stray = await parts.put(Buffer.from("stray"));
    clock.advance(UPLOAD_EXPIRY_MS - 60_000);
    const recent = await created(100);
    await first.write(partOf("recent"), recent, 0);
    clock.advance(2 * 60_000);

    expect(await first.deleteExpired()).toBeGreaterThanOrEqual(1);
    await expect(first.getUpload(unfinished)).rejects.toBe(ERRORS.FILE_NOT_FOUND);
    expect((await first.getUpload(recent)).offset).toBe(6);
    const keys: string[] = [];
    for await (const blob of parts.list()) keys.push(blob.key);
    expect(keys).not.toContain(stray.key);
    expect(await text(await first.content(recent))).toBe("recent");
  });
});
