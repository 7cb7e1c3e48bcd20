import { createWriteStream } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FileStore } from "@tus/file-store";
import { ERRORS, isPathInsideDirectory } from "@tus/server";
import { type ContentDigest, RunningDigest } from "#src/server/platform/blobs/content-digest.ts";

/**
 * At most this many unfinished uploads keep their digest; beyond, the least recently written
 * loses it (its intake then reads the file for it), so abandoned uploads cannot pile up here.
 */
const MAX_RUNNING_DIGESTS = 1000;

/**
 * What a part's writer may hold before the network has to wait for the disk: with tus's own
 * 16 KiB every 64 KiB the socket delivers stalls the request until it is written; with room
 * for some, the disk gets them in a few large writes while more arrive.
 */
const WRITE_BUFFER_BYTES = 1024 * 1024;

/**
 * tus's file store, which also takes each upload's size and SHA-256 as its parts are written,
 * so the checks after the last part need not read the whole file again for them. A digest
 * follows an upload only while every byte of it passed through this store in order and landed
 * on disk: a part written by another process (after a restart, or behind a load balancer) or a
 * write that failed leaves the upload without one, and its intake then takes the digest itself.
 */
export class DigestingFileStore extends FileStore {
  readonly #digests = new Map<string, RunningDigest>();

  /** A part of upload `id` from `offset` on, which tus checked is where the file ends now. */
  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const continued = offset === 0 ? new RunningDigest() : this.#digests.get(id);
    this.#digests.delete(id);
    const running = continued?.size === offset ? continued : undefined;
    const file = createWriteStream(this.#pathOf(id), {
      flags: "r+",
      start: offset,
      highWaterMark: WRITE_BUFFER_BYTES,
    });
    try {
      await pipeline(running ? running.measure(readable) : readable, file);
    } catch {
      // What tus's own file store answers; tus makes it "aborted" when the client went away.
      throw ERRORS.FILE_WRITE_ERROR;
    }
    const written = offset + file.bytesWritten;
    // The file is now `written` bytes long: the digest holds when it counted just as many.
    if (running?.size === written) this.#keep(id, running);
    return written;
  }

  /**
   * The digest of an upload now `size` bytes long and complete, when this store saw every byte
   * of it; either way the store forgets the upload's digest.
   */
  takeDigest(id: string, size: number): ContentDigest | undefined {
    const running = this.#digests.get(id);
    this.#digests.delete(id);
    return running?.size === size ? running.finish() : undefined;
  }

  override async remove(id: string): Promise<void> {
    this.#digests.delete(id);
    await super.remove(id);
  }

  #keep(id: string, running: RunningDigest): void {
    this.#digests.set(id, running);
    if (this.#digests.size <= MAX_RUNNING_DIGESTS) return;
    const [leastRecent] = this.#digests.keys();
    if (leastRecent !== undefined) this.#digests.delete(leastRecent);
  }

  /** The upload's file, never outside the store's folder (as tus's own store checks). */
  #pathOf(id: string): string {
    const file = path.join(this.directory, id);
    if (!isPathInsideDirectory(this.directory, file)) throw ERRORS.FILE_NOT_FOUND;
    return file;
  }
}
