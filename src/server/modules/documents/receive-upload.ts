import { once } from "node:events";
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { DocumentsDeps } from "./deps.ts";
import {
  type AcceptedFile,
  acceptFile,
  InfectedFileError,
  type WaitingFile,
} from "./file-intake.ts";

/** A complete upload waiting where its transport left it. */
export interface WaitingUpload extends WaitingFile {
  /** Removes what the transport kept of it: the upload is over, taken in or refused. */
  discard(): Promise<void>;
}

/** A complete upload in a file on local disk, which goes when the upload is over. */
export function waitingOnDisk(filePath: string, declaredName: string, size: number): WaitingUpload {
  return {
    declaredName,
    size,
    open: async () => {
      const stream = createReadStream(filePath);
      // Opening is asynchronous: a file gone already rejects here, not halfway through a read.
      await once(stream, "open");
      return stream;
    },
    discard: () => rm(filePath, { force: true }),
  };
}

/**
 * Runs the checks of `acceptFile` on an upload and removes the waiting file either way. A
 * refusal is audited on its own (the change it would have been part of never happens), with
 * the virus's name when that was the reason.
 */
export async function receiveUpload(
  deps: DocumentsDeps,
  actor: AuditEvent["actor"],
  dossierId: string,
  upload: WaitingUpload,
): Promise<AcceptedFile> {
  try {
    return await acceptFile(
      { blobs: deps.blobs, scanner: deps.scanner, maxFileBytes: deps.limits.maxFileBytes },
      upload,
    );
  } catch (error) {
    deps.uploadRefusals.count(error);
    if (error instanceof AppError) {
      await recordAuditEvent(deps.db, deps.clock, {
        actor,
        action: "document.refused",
        subject: { type: "dossier", id: dossierId },
        details: {
          reason: error.code,
          fileName: upload.declaredName,
          ...(error instanceof InfectedFileError ? { signature: error.signature } : {}),
        },
      });
    }
    throw error;
  } finally {
    await discardWaitingUpload(upload);
  }
}

/**
 * Deletes what is left of a waiting upload: the upload is over either way, and a refused file
 * must not wait for the nightly sweep.
 */
export function discardWaitingUpload(upload: WaitingUpload): Promise<void> {
  return upload.discard();
}

/** Runs the change that records a stored file; when it fails, the stored content goes too. */
export async function keepStoredFile<T>(
  deps: DocumentsDeps,
  accepted: AcceptedFile,
  record: () => Promise<T>,
): Promise<T> {
  try {
    return await record();
  } catch (error) {
    await deps.blobs.delete(accepted.blob.key);
    throw error;
  }
}

/** The document columns that describe the stored file and its scan. */
export function storedFileColumns(accepted: AcceptedFile) {
  return {
    fileName: accepted.fileName,
    contentType: accepted.contentType,
    size: accepted.blob.size,
    sha256: accepted.blob.sha256,
    blobKey: accepted.blob.key,
    scanStatus: accepted.scan.status,
    scanEngine: accepted.scan.status === "clean" ? accepted.scan.engine : null,
  };
}
