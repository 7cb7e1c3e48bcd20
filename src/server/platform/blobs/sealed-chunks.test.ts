import { randomBytes } from "node:crypto";
import { Readable, type Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import {
  openingTransform,
  PLAIN_CHUNK_SIZE,
  plainSizeOf,
  SEALED_CHUNK_SIZE,
  SealedChunkError,
  sealedReadOf,
  sealedSize,
  sealingTransform,
} from "./sealed-chunks.ts";

const KiB = 1024;
const owner = {
  dataKey: randomBytes(32),
  objectKey: "blobs/3f/3f2c9a4e-8b1d-4c7a-9e6f-0a1b2c3d4e5f",
};

/** A small deterministic generator, so a failing split can be run again. */
function seededRandom(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

/** `content` cut into pieces of random sizes, as a network or a file system hands it over. */
function randomPieces(content: Buffer, seed: number): Buffer[] {
  const random = seededRandom(seed);
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < content.length; ) {
    const size = 1 + random(3 * PLAIN_CHUNK_SIZE);
    pieces.push(content.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

function pattern(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) % 251;
  return bytes;
}

/** What `transform` makes of `pieces`; rejects with the transform's error. */
async function through(transform: Transform, pieces: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(pieces), transform, async (stream) => {
    for await (const chunk of stream) out.push(chunk as Buffer);
  });
  return Buffer.concat(out);
}

/**
 * What `transform` passed on before it failed, and how it failed. The sealed bytes arrive a
 * chunk at a time, each after the reader has taken what the one before gave.
 */
async function passedBeforeFailing(transform: Transform, sealed: Buffer) {
  async function* chunkByChunk() {
    for (let offset = 0; offset < sealed.length; offset += SEALED_CHUNK_SIZE) {
      yield sealed.subarray(offset, offset + SEALED_CHUNK_SIZE);
      await new Promise((next) => setImmediate(next));
    }
  }
  const out: Buffer[] = [];
  const error = await pipeline(Readable.from(chunkByChunk()), transform, async (stream) => {
    for await (const chunk of stream) out.push(chunk as Buffer);
  }).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  return { passed: Buffer.concat(out), error };
}

const seal = (content: Buffer, by = owner) => through(sealingTransform(by), [content]);
const open = (sealed: Buffer, plainSize: number, by = owner) =>
  through(openingTransform({ ...by, plainSize }), [sealed]);

describe("sealed chunks", () => {
  it.each([
    0,
    1,
    PLAIN_CHUNK_SIZE - 1,
    PLAIN_CHUNK_SIZE,
    PLAIN_CHUNK_SIZE + 1,
    3 * PLAIN_CHUNK_SIZE,
    5 * 1024 * KiB + 7,
  ])("gives back %i bytes, however the bytes arrive", async (size) => {
    const content = randomBytes(size);
    for (const seed of [1, 2, 3]) {
      const sealed = await through(sealingTransform(owner), randomPieces(content, seed));
      expect(sealed.length).toBe(sealedSize(size));
      expect(plainSizeOf(sealed.length)).toBe(size);
      if (size > 16) expect(sealed.includes(content.subarray(0, 16))).toBe(false);
      const opened = await through(
        openingTransform({ ...owner, plainSize: size }),
        randomPieces(sealed, seed + 10),
      );
      expect(opened.equals(content)).toBe(true);
    }
  });

  it("seals the same content differently under another data key", async () => {
    const content = pattern(100);
    const other = { ...owner, dataKey: randomBytes(32) };
    expect((await seal(content)).equals(await seal(content, other))).toBe(false);
  });

  it("knows which sizes a sealed file can have", () => {
    expect(sealedSize(0)).toBe(16);
    expect(sealedSize(PLAIN_CHUNK_SIZE)).toBe(SEALED_CHUNK_SIZE);
    expect(sealedSize(PLAIN_CHUNK_SIZE + 1)).toBe(SEALED_CHUNK_SIZE + 17);
    for (const impossible of [0, 15, SEALED_CHUNK_SIZE + 15, SEALED_CHUNK_SIZE + 16]) {
      expect(() => plainSizeOf(impossible)).toThrow(SealedChunkError);
    }
  });

  it("opens every range of a one-chunk file", async () => {
    const content = pattern(120);
    const sealed = await seal(content);
    for (let start = 0; start < content.length; start++) {
      for (let end = start; end < content.length; end++) {
        const read = sealedReadOf({ start, end }, content.length);
        const part = sealed.subarray(read.sealed.start, read.sealed.end + 1);
        const opened = await through(
          openingTransform({ ...owner, plainSize: content.length, read }),
          [part],
        );
        expect(opened.equals(content.subarray(start, end + 1))).toBe(true);
      }
    }
  });

  it("opens every range between chunk borders of a file of several chunks, reading only the chunks it needs", async () => {
    const size = 3 * PLAIN_CHUNK_SIZE + 100;
    const content = pattern(size);
    const sealed = await seal(content);
    const C = PLAIN_CHUNK_SIZE;
    const offsets = [
      0,
      1,
      C - 1,
      C,
      C + 1,
      2 * C - 1,
      2 * C,
      3 * C - 1,
      3 * C,
      3 * C + 1,
      size - 1,
    ];
    for (const start of offsets) {
      for (const end of offsets.filter((offset) => offset >= start)) {
        const read = sealedReadOf({ start, end }, size);
        expect(read.chunks).toEqual({
          first: Math.floor(start / C),
          last: Math.floor(end / C),
        });
        const part = sealed.subarray(read.sealed.start, read.sealed.end + 1);
        expect(part.length).toBeLessThanOrEqual(
          (read.chunks.last - read.chunks.first + 1) * SEALED_CHUNK_SIZE,
        );
        const opened = await through(openingTransform({ ...owner, plainSize: size, read }), [part]);
        expect(opened.equals(content.subarray(start, end + 1))).toBe(true);
      }
    }
  });

  it("refuses a range that is not one, or lies beyond the end", () => {
    expect(() => sealedReadOf({ start: 5, end: 4 }, 10)).toThrow(RangeError);
    expect(() => sealedReadOf({ start: 0, end: 10 }, 10)).toThrow(RangeError);
    expect(() => sealedReadOf({ start: -1, end: 3 }, 10)).toThrow(RangeError);
    expect(() => sealedReadOf({ start: 0, end: 0 }, 0)).toThrow(RangeError);
  });

  describe("refuses what was changed", () => {
    const size = 2 * PLAIN_CHUNK_SIZE + 500;
    const content = pattern(size);
    const chunkAt = (sealed: Buffer, index: number) =>
      sealed.subarray(index * SEALED_CHUNK_SIZE, (index + 1) * SEALED_CHUNK_SIZE);

    it.each([
      ["a byte of the first chunk's content", 10],
      ["a byte of the first chunk's tag", SEALED_CHUNK_SIZE - 1],
      ["a byte of the second chunk", SEALED_CHUNK_SIZE + 10],
      ["a byte of the last chunk", 2 * SEALED_CHUNK_SIZE + 3],
    ])("%s, passing on nothing of that chunk", async (_case, offset) => {
      const sealed = Buffer.from(await seal(content));
      sealed[offset] = (sealed[offset] ?? 0) ^ 0x01;
      const { passed, error } = await passedBeforeFailing(
        openingTransform({ ...owner, plainSize: size }),
        sealed,
      );
      expect(error).toBeInstanceOf(SealedChunkError);
      const goodChunks = Math.floor(offset / SEALED_CHUNK_SIZE);
      expect(passed.equals(content.subarray(0, goodChunks * PLAIN_CHUNK_SIZE))).toBe(true);
    });

    it("a last chunk cut short", async () => {
      const sealed = await seal(content);
      await expect(open(sealed.subarray(0, sealed.length - 1), size)).rejects.toThrow(
        SealedChunkError,
      );
    });

    it("a missing final chunk, even when the recorded size is made to match", async () => {
      const sealed = await seal(content);
      const twoChunks = sealed.subarray(0, 2 * SEALED_CHUNK_SIZE);
      await expect(open(twoChunks, size)).rejects.toThrow("cut short");
      // Whoever also lowers the size in the key row: the second chunk was not sealed as last.
      await expect(open(twoChunks, 2 * PLAIN_CHUNK_SIZE)).rejects.toThrow(SealedChunkError);
    });

    it("bytes after the last chunk", async () => {
      const sealed = await seal(content);
      await expect(open(Buffer.concat([sealed, Buffer.from([0])]), size)).rejects.toThrow(
        "runs on",
      );
    });

    it("chunks swapped within the file", async () => {
      const sealed = await seal(content);
      const swapped = Buffer.concat([chunkAt(sealed, 1), chunkAt(sealed, 0), chunkAt(sealed, 2)]);
      await expect(open(swapped, size)).rejects.toThrow(SealedChunkError);
    });

    it("a chunk from a file sealed under another data key, or for another object", async () => {
      const sealed = await seal(content);
      for (const other of [
        { ...owner, dataKey: randomBytes(32) },
        { ...owner, objectKey: "blobs/aa/aa2c9a4e-8b1d-4c7a-9e6f-0a1b2c3d4e5f" },
      ]) {
        const foreign = await seal(content, other);
        const mixed = Buffer.concat([chunkAt(sealed, 0), chunkAt(foreign, 1), chunkAt(sealed, 2)]);
        await expect(open(mixed, size)).rejects.toThrow(SealedChunkError);
        // The whole file opens only for the key and object it was sealed for.
        await expect(open(foreign, size)).rejects.toThrow(SealedChunkError);
      }
    });
  });
});
