import { createCipheriv, createDecipheriv } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import type { RunningDigest } from "./content-digest.ts";
import type { ByteRange } from "./object-store.ts";

/**
 * The format of a file at rest: its content in chunks of `PLAIN_CHUNK_SIZE` bytes, each sealed
 * with AES-256-GCM under the file's own random data key and followed by its 16-byte tag. A
 * chunk can be opened on its own, which lets a range be read without the rest of the file, and
 * is checked before a byte of it is passed on.
 *
 * The nonce is the chunk's index. That is safe only because a data key seals one file, once:
 * nothing else is ever sealed under it, so no nonce repeats under a key. Each chunk's
 * additional data binds the object's key, the chunk's index and whether it is the file's last
 * chunk, so chunks moved within a file or from another file, and a file cut short at a chunk
 * boundary, all fail to open. A file has at least one chunk: an empty file is one empty last
 * chunk, so even it proves it is whole.
 */
export const PLAIN_CHUNK_SIZE = 64 * 1024;
const TAG_SIZE = 16;
export const SEALED_CHUNK_SIZE = PLAIN_CHUNK_SIZE + TAG_SIZE;
const DATA_KEY_SIZE = 32;

/**
 * Whose chunks these are: the file's data key and the key of the object they were sealed in
 * (where the object was written; it may have moved since, see `FileKeyRecord.sealedAs`).
 */
export interface ChunkOwner {
  dataKey: Buffer;
  objectKey: string;
}

/** Opening failed: the object was altered, cut short, or is not what its key row says. */
export class SealedChunkError extends Error {
  override name = "SealedChunkError";
}

/** How many chunks a file of `plainSize` bytes has: at least one. */
function chunkCountOf(plainSize: number): number {
  return Math.max(1, Math.ceil(plainSize / PLAIN_CHUNK_SIZE));
}

export function sealedSize(plainSize: number): number {
  if (!Number.isSafeInteger(plainSize) || plainSize < 0) {
    throw new RangeError(`Not a file size: ${plainSize}`);
  }
  return plainSize + chunkCountOf(plainSize) * TAG_SIZE;
}

/** The size of the content that sealed to `size` bytes; refuses a size no file seals to. */
export function plainSizeOf(size: number): number {
  const plainSize = size - Math.max(1, Math.ceil(size / SEALED_CHUNK_SIZE)) * TAG_SIZE;
  if (plainSize < 0 || sealedSize(plainSize) !== size) {
    throw new SealedChunkError(`${size} bytes cannot be a sealed file`);
  }
  return plainSize;
}

/** Chunks `first` to `last`, both included, by index. */
export interface ChunkSpan {
  first: number;
  last: number;
}

/** What to read of a sealed object for a range of its content, and what to keep of it. */
export interface SealedRead {
  /** The sealed bytes that hold the range: whole chunks. */
  sealed: ByteRange;
  chunks: ChunkSpan;
  /** Plain bytes of the first chunk before the range starts. */
  skip: number;
  /** Plain bytes in the range. */
  take: number;
}

/** The read for content bytes `range.start` to `range.end` of a file of `plainSize` bytes. */
export function sealedReadOf(range: ByteRange, plainSize: number): SealedRead {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Not a byte range: ${start}-${end}`);
  }
  if (end >= plainSize) {
    throw new RangeError(`Bytes ${start}-${end} lie beyond the end of ${plainSize} bytes`);
  }
  const first = Math.floor(start / PLAIN_CHUNK_SIZE);
  const last = Math.floor(end / PLAIN_CHUNK_SIZE);
  return {
    sealed: {
      start: first * SEALED_CHUNK_SIZE,
      end: Math.min((last + 1) * SEALED_CHUNK_SIZE, sealedSize(plainSize)) - 1,
    },
    chunks: { first, last },
    skip: start - first * PLAIN_CHUNK_SIZE,
    take: end - start + 1,
  };
}

/** The whole file as a read: every chunk, every byte. */
function wholeFileRead(plainSize: number): SealedRead {
  return {
    sealed: { start: 0, end: sealedSize(plainSize) - 1 },
    chunks: { first: 0, last: chunkCountOf(plainSize) - 1 },
    skip: 0,
    take: plainSize,
  };
}

/**
 * Content in, sealed chunks out. The stream's end makes its last chunk. `digest` takes the
 * content as it passes, which saves a stream of its own on the path of every upload.
 */
export function sealingTransform(owner: ChunkOwner, digest?: RunningDigest): Transform {
  checkDataKey(owner.dataKey);
  const pending = new ByteQueue();
  let index = 0;
  return new Transform({
    transform(content: Buffer, _encoding, done: TransformCallback) {
      digest?.take(content);
      pending.push(content);
      // A full chunk is held back until more content follows: only then is it not the last.
      while (pending.length > PLAIN_CHUNK_SIZE) {
        for (const sealed of sealChunk(owner, index, false, pending.takePieces(PLAIN_CHUNK_SIZE))) {
          this.push(sealed);
        }
        index += 1;
      }
      done();
    },
    flush(done: TransformCallback) {
      for (const sealed of sealChunk(owner, index, true, pending.takePieces(pending.length))) {
        this.push(sealed);
      }
      done();
    },
  });
}

/**
 * Sealed chunks in, content out: the chunks of `read` (the whole file without one) of a file
 * whose content is `plainSize` bytes, as its key row records. Each chunk is opened and checked
 * before any of it passes; the stream errors with a SealedChunkError on a chunk that fails, and
 * on sealed bytes that end too soon or run on.
 */
export function openingTransform(
  owner: ChunkOwner & { plainSize: number; read?: SealedRead },
): Transform {
  checkDataKey(owner.dataKey);
  const { plainSize } = owner;
  const read = owner.read ?? wholeFileRead(plainSize);
  const lastOfFile = chunkCountOf(plainSize) - 1;
  if (read.chunks.first < 0 || read.chunks.last > lastOfFile) {
    throw new RangeError(`Chunks ${read.chunks.first}-${read.chunks.last} are not in the file`);
  }
  const sealedLengthOf = (index: number) =>
    index === lastOfFile ? plainSize - index * PLAIN_CHUNK_SIZE + TAG_SIZE : SEALED_CHUNK_SIZE;
  const pending = new ByteQueue();
  let index = read.chunks.first;
  let skip = read.skip;
  let take = read.take;
  const where = () => `${owner.objectKey}, chunk ${index}`;
  return new Transform({
    transform(sealed: Buffer, _encoding, done: TransformCallback) {
      pending.push(sealed);
      try {
        while (index <= read.chunks.last && pending.length >= sealedLengthOf(index)) {
          const content = openChunk(
            owner,
            index,
            index === lastOfFile,
            pending.take(sealedLengthOf(index)),
          );
          const kept = content.subarray(skip, skip + take);
          skip = Math.max(0, skip - content.length);
          take -= kept.length;
          index += 1;
          if (kept.length > 0) this.push(kept);
        }
        if (index > read.chunks.last && pending.length > 0) {
          throw new SealedChunkError(`${owner.objectKey} runs on after its last chunk`);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      done(
        index <= read.chunks.last
          ? new SealedChunkError(`${where()} is missing: the sealed file is cut short`)
          : null,
      );
    },
  });
}

function checkDataKey(dataKey: Buffer): void {
  if (dataKey.length !== DATA_KEY_SIZE) throw new RangeError("A data key has 32 bytes");
}

/**
 * The sealed chunk of the content `pieces` hold, in pieces of its own, its tag last: the content
 * arrives in the network's pieces, and joining them, or the sealed output, into one buffer
 * would copy every byte of an upload twice more for nothing.
 */
function sealChunk(owner: ChunkOwner, index: number, last: boolean, pieces: Buffer[]): Buffer[] {
  const cipher = createCipheriv("aes-256-gcm", owner.dataKey, nonceOf(index), {
    authTagLength: TAG_SIZE,
  });
  cipher.setAAD(additionalDataOf(owner.objectKey, index, last));
  const sealed = pieces.map((piece) => cipher.update(piece));
  // GCM is a stream mode: final() adds no bytes, it only makes the tag.
  cipher.final();
  sealed.push(cipher.getAuthTag());
  return sealed;
}

function openChunk(owner: ChunkOwner, index: number, last: boolean, sealed: Buffer): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", owner.dataKey, nonceOf(index), {
    authTagLength: TAG_SIZE,
  });
  decipher.setAAD(additionalDataOf(owner.objectKey, index, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_SIZE)),
      decipher.final(),
    ]);
  } catch {
    throw new SealedChunkError(
      `${owner.objectKey}, chunk ${index} fails authentication: altered, cut short, moved from ` +
        "elsewhere, or sealed under another data key",
    );
  }
}

/** 96 bits: four zero bytes, then the chunk's index. */
function nonceOf(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

/** The index and last-flag first, at fixed width, so the key after them cannot blur into them. */
function additionalDataOf(objectKey: string, index: number, last: boolean): Buffer {
  const fixed = Buffer.alloc(9);
  fixed.writeBigUInt64BE(BigInt(index));
  fixed.writeUInt8(last ? 1 : 0, 8);
  return Buffer.concat([fixed, Buffer.from(objectKey, "utf8")]);
}

/** Buffers as they arrive, taken off the front in the sizes the chunks need. */
class ByteQueue {
  #parts: Buffer[] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(part: Buffer): void {
    if (part.length === 0) return;
    this.#parts.push(part);
    this.#length += part.length;
  }

  take(size: number): Buffer {
    const taken = this.takePieces(size);
    return taken.length === 1 ? (taken[0] as Buffer) : Buffer.concat(taken, size);
  }

  /** The first `size` bytes as the pieces they arrived in (the last one cut to fit). */
  takePieces(size: number): Buffer[] {
    const taken: Buffer[] = [];
    let missing = size;
    let used = 0;
    while (missing > 0) {
      const head = this.#parts[used];
      if (!head) throw new RangeError(`Only ${this.#length} bytes wait, not ${size}`);
      if (head.length <= missing) {
        taken.push(head);
        missing -= head.length;
        used += 1;
      } else {
        taken.push(head.subarray(0, missing));
        this.#parts[used] = head.subarray(missing);
        missing = 0;
      }
    }
    this.#parts.splice(0, used);
    this.#length -= size;
    return taken;
  }
}
