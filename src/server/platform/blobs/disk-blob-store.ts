import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { BlobNotFoundError, type BlobStore, type StoredBlob } from "./blob-store.ts";
import { type ContentDigest, RunningDigest } from "./content-digest.ts";

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Blobs as files under one folder, spread over subfolders by key prefix. A blob is written to
 * a temporary file and renamed into place, so a crash never leaves a half-written blob behind
 * a valid key.
 */
export class DiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(content: Readable | Buffer): Promise<StoredBlob> {
    const key = randomUUID();
    const target = this.#pathOf(key);
    const temporary = path.join(this.root, "tmp", `${key}.part`);
    await mkdir(path.dirname(target), { recursive: true });
    await mkdir(path.dirname(temporary), { recursive: true });
    const digest = new RunningDigest();
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    const sink = createWriteStream(temporary, { flags: "wx" });
    try {
      await pipeline(source, digest.passThrough(), sink);
      await rename(temporary, target);
    } catch (error) {
      // A source that fails at once can beat the file's opening: the destroyed stream still
      // creates the file and only then closes it. Remove it once it is closed, not before.
      if (!sink.closed) await new Promise<void>((closed) => sink.once("close", () => closed()));
      await rm(temporary, { force: true });
      throw error;
    }
    return { key, ...digest.finish() };
  }

  async putFile(filePath: string, digest: ContentDigest): Promise<StoredBlob> {
    const key = randomUUID();
    const target = this.#pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      // The same disk: the bytes stay where they are, so the writer's digest holds for them.
      await rename(filePath, target);
      return { key, ...digest };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    }
    // Another file system: copied over as any stream would be, and checked on the way.
    const copied = await this.put(createReadStream(filePath));
    if (copied.size !== digest.size || copied.sha256 !== digest.sha256) {
      await this.delete(copied.key);
      throw new Error(`${filePath} does not hold the bytes its digest was taken of`);
    }
    await rm(filePath, { force: true });
    return copied;
  }

  async get(key: string): Promise<Readable> {
    const stream = createReadStream(this.#pathOf(key));
    // Opening is asynchronous: wait for it, so a missing blob rejects here instead of erroring
    // halfway through a response.
    await new Promise<void>((resolve, reject) => {
      stream.once("open", () => resolve());
      stream.once("error", (error: NodeJS.ErrnoException) =>
        reject(error.code === "ENOENT" ? new BlobNotFoundError(key) : error),
      );
    });
    return stream;
  }

  async delete(key: string): Promise<void> {
    await rm(this.#pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<{ key: string; storedAt: Date }> {
    const folders = await readdir(this.root, { withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        // Nothing was ever stored.
        if (error.code === "ENOENT") return [];
        throw error;
      },
    );
    for (const folder of folders) {
      // The key-prefix folders only: "tmp" holds writes in progress, which have no key yet.
      if (!folder.isDirectory() || !/^[0-9a-f]{2}$/.test(folder.name)) continue;
      for (const key of await readdir(path.join(this.root, folder.name))) {
        if (!KEY_PATTERN.test(key)) continue;
        // A blob may be deleted between the listing and here.
        const stats = await stat(this.#pathOf(key)).catch(() => undefined);
        if (stats) yield { key, storedAt: stats.mtime };
      }
    }
  }

  #pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new BlobNotFoundError(key);
    return path.join(this.root, key.slice(0, 2), key);
  }
}
