import { PassThrough, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DataStore, ERRORS, Upload } from "@tus/utils";
import { and, asc, eq, lt } from "drizzle-orm";
import { AppError } from "#src/server/errors.ts";
import type { BlobStore, StoredBlob } from "#src/server/platform/blobs/blob-store.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { newToken } from "#src/server/platform/security/random-secrets.ts";
import { resumableUploadParts, resumableUploads } from "./schema.ts";

/** An upload left unfinished this long is given up; the nightly sweep removes its parts. */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60_000;

export interface ResumableUploadDeps {
  db: Database;
  clock: Clock;
  /** Where the parts go: sealed like every stored file, on disk or in S3. */
  parts: BlobStore;
}

/**
 * tus's store for uploads that any instance can continue (ADR 0020). Each PATCH becomes one
 * part, a blob of the parts store (so it is sealed at rest like every file), and the upload's
 * offset and parts are rows in the database, moved on in one transaction that only succeeds
 * from the offset the part was written at: two instances can never both extend an upload.
 * A PATCH the client breaks off keeps what arrived (tus ends the body stream gracefully), as
 * tus's file store does; only a process killed mid-PATCH loses that PATCH's bytes, and the
 * client resumes from the offset before it.
 */
export class ResumableUploadStore extends DataStore {
  constructor(private readonly deps: ResumableUploadDeps) {
    super();
    // Not tus's "expiration": tus would judge an upload's age by the system's time, where this
    // store keeps Poort's clock (which tests and the development clock move); see `#find`.
    this.extensions = ["creation", "creation-with-upload", "termination"];
  }

  override async create(upload: Upload): Promise<Upload> {
    const now = this.deps.clock.now();
    if (upload.size === undefined) throw ERRORS.INVALID_LENGTH;
    await this.deps.db.insert(resumableUploads).values({
      id: upload.id,
      accountId: accountIdOf(upload.id),
      size: upload.size,
      metadata: upload.metadata ?? {},
      createdAt: now,
      expiresAt: new Date(now.getTime() + UPLOAD_EXPIRY_MS),
    });
    return upload;
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const stored = await this.#find(id);
    if (stored.offset !== offset) throw ERRORS.INVALID_OFFSET;
    const part = await this.deps.parts.put(readable).catch(() => {
      throw ERRORS.FILE_WRITE_ERROR;
    });
    if (part.size === 0) {
      await this.deps.parts.delete(part.key);
      return offset;
    }
    const extended = await this.deps.db.transaction(async (tx) => {
      const [moved] = await tx
        .update(resumableUploads)
        .set({ offset: offset + part.size })
        .where(and(eq(resumableUploads.id, id), eq(resumableUploads.offset, offset)))
        .returning({ offset: resumableUploads.offset });
      if (!moved) return false;
      await tx
        .insert(resumableUploadParts)
        .values({ uploadId: id, offset, blobKey: part.key, size: part.size, sha256: part.sha256 });
      return true;
    });
    if (!extended) {
      // Another request extended the upload from the same offset first: its part counts.
      await this.deps.parts.delete(part.key);
      throw ERRORS.INVALID_OFFSET;
    }
    return offset + part.size;
  }

  override async getUpload(id: string): Promise<Upload> {
    const stored = await this.#find(id);
    return new Upload({
      id,
      size: stored.size,
      offset: stored.offset,
      metadata: stored.metadata,
    });
  }

  /** Forgets the upload, then deletes its parts' blobs (a crash between leaves orphans, swept). */
  override async remove(id: string): Promise<void> {
    const parts = await this.deps.db.transaction(async (tx) => {
      const removed = await tx
        .delete(resumableUploadParts)
        .where(eq(resumableUploadParts.uploadId, id))
        .returning({ blobKey: resumableUploadParts.blobKey });
      await tx.delete(resumableUploads).where(eq(resumableUploads.id, id));
      return removed;
    });
    for (const part of parts) await this.deps.parts.delete(part.blobKey);
  }

  /**
   * Removes the uploads nobody finished in time, and the parts' blobs that no upload holds
   * (a process that stopped between storing a part and recording it; an account deleted with
   * its uploads) once they are as old as an upload may be.
   */
  override async deleteExpired(): Promise<number> {
    const now = this.deps.clock.now();
    const expired = await this.deps.db
      .select({ id: resumableUploads.id })
      .from(resumableUploads)
      .where(lt(resumableUploads.expiresAt, now));
    for (const upload of expired) await this.remove(upload.id);
    const before = now.getTime() - UPLOAD_EXPIRY_MS;
    for await (const blob of this.deps.parts.list()) {
      if (blob.storedAt.getTime() >= before) continue;
      const [held] = await this.deps.db
        .select({ offset: resumableUploadParts.offset })
        .from(resumableUploadParts)
        .where(eq(resumableUploadParts.blobKey, blob.key))
        .limit(1);
      if (!held) await this.deps.parts.delete(blob.key);
    }
    return expired.length;
  }

  override getExpiration(): number {
    return UPLOAD_EXPIRY_MS;
  }

  /**
   * The complete upload's content: its parts one after the other, each opened (decrypted) as
   * it is reached, so only one part is open at a time and nothing is held whole in memory.
   */
  async content(id: string): Promise<Readable> {
    const parts = await this.deps.db
      .select({ blobKey: resumableUploadParts.blobKey })
      .from(resumableUploadParts)
      .where(eq(resumableUploadParts.uploadId, id))
      .orderBy(asc(resumableUploadParts.offset));
    const joined = new PassThrough();
    const { parts: store } = this.deps;
    void (async () => {
      for (const part of parts) {
        await pipeline(await store.get(part.blobKey), joined, { end: false });
      }
      joined.end();
    })().catch((error: unknown) => joined.destroy(error as Error));
    return joined;
  }

  /**
   * Keeps a complete upload that arrived in one part (one PATCH, as the portal sends a file) as
   * a blob of `blobs`: the part's sealed object moves there as it is, with the digest taken
   * when it was sealed, so the file is neither read nor written again. Undefined for an upload
   * of several parts (a resumed one), whose content is then read, joined, once (`content`).
   * The part is claimed first, its row deleted in one transaction, so of two requests that
   * finish or terminate the same upload at once only one gets it; the other finds no part and
   * is refused as not found. A process that stops after the claim leaves the part without a
   * row, which `deleteExpired` removes.
   */
  async keepAsBlob(id: string, blobs: BlobStore): Promise<StoredBlob | undefined> {
    const claimed = await this.deps.db.transaction(async (tx) => {
      const parts = await tx
        .select({
          offset: resumableUploadParts.offset,
          blobKey: resumableUploadParts.blobKey,
          size: resumableUploadParts.size,
          sha256: resumableUploadParts.sha256,
        })
        .from(resumableUploadParts)
        .where(eq(resumableUploadParts.uploadId, id))
        .for("update");
      if (parts.length === 0) throw new AppError("not_found");
      const [only, ...more] = parts;
      if (!only?.sha256 || more.length > 0) return undefined;
      await tx
        .delete(resumableUploadParts)
        .where(
          and(eq(resumableUploadParts.uploadId, id), eq(resumableUploadParts.offset, only.offset)),
        );
      return { ...only, sha256: only.sha256 };
    });
    if (!claimed) return undefined;
    const key = await blobs.takeOver(this.deps.parts, claimed.blobKey);
    return { key, size: claimed.size, sha256: claimed.sha256 };
  }

  async #find(id: string) {
    const [stored] = await this.deps.db
      .select()
      .from(resumableUploads)
      .where(eq(resumableUploads.id, id));
    if (!stored) throw ERRORS.FILE_NOT_FOUND;
    // Given up: the nightly sweep removes it, and the client must start again.
    if (stored.expiresAt <= this.deps.clock.now()) throw ERRORS.FILE_NO_LONGER_EXISTS;
    return stored;
  }
}

/**
 * A new upload's id: its account's id (without dashes), then a random token. So nobody can
 * continue or probe someone else's upload, and the store knows whose upload it records.
 */
export function newUploadId(accountId: string): string {
  return `${accountId.replaceAll("-", "")}_${newToken()}`;
}

/** Whether the upload id is one of the account's (see `newUploadId`). */
export function isUploadOf(uploadId: string, accountId: string): boolean {
  return uploadId.startsWith(`${accountId.replaceAll("-", "")}_`);
}

/** The account an upload id belongs to (see `newUploadId`). */
function accountIdOf(uploadId: string): string {
  const hex = uploadId.slice(0, 32);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join("-");
}
