import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { BlobNotFoundError } from "./blob-store.ts";
import { type ByteRange, type ListedObject, OBJECT_KEY, type ObjectStore } from "./object-store.ts";

/** Where writes in progress wait; no key can name it, as no key segment starts with a dot. */
const TEMPORARY_FOLDER = ".tmp";

/** What the file system answers when a path names no file at all. */
const NO_SUCH_FILE = new Set(["ENOENT", "ENOTDIR", "EISDIR"]);

function isNoSuchFile(error: unknown): boolean {
  return NO_SUCH_FILE.has((error as NodeJS.ErrnoException).code ?? "");
}

/**
 * What a write may hold before its source has to wait for the disk: with Node's 16 KiB, an
 * upload's request stalls at every few chunks until they are written; with room for some, the
 * disk gets them in a few large writes while more arrive (issue 17's tus measurement).
 */
const WRITE_BUFFER_BYTES = 1024 * 1024;

/**
 * Objects as files under one folder: key `blobs/ab/<uuid>` is the file `<root>/blobs/ab/<uuid>`,
 * so files the disk blob store wrote read as objects without being moved. A write goes to a
 * temporary file and is renamed into place, so a crash never leaves a half-written object
 * behind a valid key.
 */
export class DiskObjectStore implements ObjectStore {
  constructor(private readonly root: string) {}

  async write(key: string, content: Readable): Promise<void> {
    const temporary = path.join(this.root, TEMPORARY_FOLDER, `${randomUUID()}.part`);
    let target: string;
    try {
      target = this.#pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      await mkdir(path.dirname(temporary), { recursive: true });
    } catch (error) {
      // Refused before it was read: let go of the source (an open file, a request) all the same.
      content.destroy();
      throw error;
    }
    const sink = createWriteStream(temporary, { flags: "wx", highWaterMark: WRITE_BUFFER_BYTES });
    try {
      await pipeline(content, sink);
      await rename(temporary, target);
    } catch (error) {
      // A source that fails at once can beat the file's opening: the destroyed stream still
      // creates the file and only then closes it. Remove it once it is closed, not before.
      if (!sink.closed) await new Promise<void>((closed) => sink.once("close", () => closed()));
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    // Opened and checked before the stream is handed out, so a missing object rejects here
    // instead of erroring halfway through a response.
    const file = await open(this.#pathOf(key)).catch((error: unknown) => {
      throw isNoSuchFile(error) ? new BlobNotFoundError(key) : error;
    });
    try {
      // A folder opens as well as a file does, but holds no object.
      if (!(await file.stat()).isFile()) throw new BlobNotFoundError(key);
      // The stream closes the file when it ends, fails or is destroyed.
      return file.createReadStream(range ? { start: range.start, end: range.end } : {});
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  async size(key: string): Promise<number> {
    const stats = await stat(this.#pathOf(key)).catch((error: unknown) => {
      throw isNoSuchFile(error) ? new BlobNotFoundError(key) : error;
    });
    if (!stats.isFile()) throw new BlobNotFoundError(key);
    return stats.size;
  }

  async move(from: string, to: string): Promise<void> {
    const source = this.#pathOf(from);
    const target = this.#pathOf(to);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await rename(source, target);
    } catch (error) {
      if (isNoSuchFile(error)) throw new BlobNotFoundError(from);
      // A folder under the root may be a mount of its own, which a rename cannot cross.
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      await this.write(to, await this.read(from));
      await this.delete(from);
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.#pathOf(key)).catch((error: unknown) => {
      if (!isNoSuchFile(error)) throw error;
    });
  }

  async *list(prefix = ""): AsyncIterable<ListedObject> {
    yield* this.#walk(this.root, [], prefix);
  }

  async *#walk(folder: string, segments: string[], prefix: string): AsyncIterable<ListedObject> {
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
      // Nothing was ever stored here, or the folder went between its listing and now.
      if (isNoSuchFile(error)) return [];
      throw error;
    });
    for (const entry of entries) {
      const key = [...segments, entry.name].join("/");
      // Only what a key can name: this leaves out the temporary folder and anything else that
      // shares the root without being an object.
      if (!OBJECT_KEY.test(key)) continue;
      if (entry.isDirectory()) {
        // Down only where keys that start with the prefix can be.
        const below = `${key}/`;
        if (below.startsWith(prefix) || prefix.startsWith(below)) {
          yield* this.#walk(path.join(folder, entry.name), [...segments, entry.name], prefix);
        }
      } else if (entry.isFile() && key.startsWith(prefix)) {
        // An object may be deleted between the listing and here.
        const stats = await stat(path.join(folder, entry.name)).catch(() => undefined);
        if (stats) yield { key, size: stats.size, storedAt: stats.mtime };
      }
    }
  }

  #pathOf(key: string): string {
    // The pattern's segments start with a letter or digit, so no key can climb out with "..".
    if (!OBJECT_KEY.test(key)) throw new BlobNotFoundError(key);
    return path.join(this.root, ...key.split("/"));
  }
}
