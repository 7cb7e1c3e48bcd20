import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { AppError } from "#src/server/errors.ts";
import { type WaitingUpload, waitingOnDisk } from "./receive-upload.ts";
import type { UploadRefusals } from "./upload-refusals.ts";

/*
 * A file sent as a multipart form (the office's documents, an eHerkenning applicant's ID copy):
 * its text fields, then the file streamed to local disk, where the upload checks read it. Routes register @fastify/multipart with their own limits and call
 * these.
 */

/**
 * The form parser (busboy) throws plain errors, without a code, for a body it cannot read: no
 * boundary or a bad one, a part header it cannot parse, a form that breaks off. Those are the
 * client's fault and answer 400; any other error (ours, the disk's) stays what it is.
 */
function asMalformedForm(error: unknown): unknown {
  const fromFormParser = error instanceof Error && !("code" in error);
  return fromFormParser ? new AppError("malformed_request", [], { cause: error }) : error;
}

/** The form's file part, after the text fields that came before it. */
export async function readFilePart(request: FastifyRequest): Promise<MultipartFile> {
  if (!request.isMultipart()) throw new AppError("unsupported_media_type");
  const part = await request.file().catch((error: unknown) => {
    throw asMalformedForm(error);
  });
  if (!part) {
    throw new AppError("validation_failed", [
      { path: "body.file", code: "required", message: "a file is required" },
    ]);
  }
  return part;
}

/**
 * Whether the file part's stream was closed before its end. When the form breaks off (the body
 * ends without a valid closing boundary, or the uploader hangs up), busboy reports "Unexpected
 * end of multipart data" to @fastify/multipart, which destroys the file part's stream without
 * an error, often before the route has the part in hand; busboy then ends the destroyed stream.
 * `pipeline` reads such a stream, closed and ended, as one whose 'end' is still to come, and
 * waits for it forever: the request would never be answered.
 */
const closedBeforeItsEnd = (file: Readable) => file.destroyed && !file.readableEnded;

/**
 * Streams the form's file to local disk, where the checks read it; over the limit: 413, counted
 * among the refused uploads.
 */
export async function saveFilePart(
  part: MultipartFile,
  directory: string,
  refusals: UploadRefusals,
): Promise<WaitingUpload> {
  await mkdir(directory, { recursive: true });
  // Checked, and watched, from the moment nothing is awaited any more before the writing: the
  // stream may close at any await before (the request's end comes while the route waits).
  if (closedBeforeItsEnd(part.file)) throw new AppError("malformed_request");
  const filePath = path.join(directory, randomUUID());
  // A file part closed while it is written: the writing stops (and the file goes) at once.
  const brokenOff = new AbortController();
  const onClose = () => {
    if (closedBeforeItsEnd(part.file)) brokenOff.abort();
  };
  part.file.once("close", onClose);
  const file = createWriteStream(filePath);
  try {
    await pipeline(part.file, file, { signal: brokenOff.signal });
    if (part.file.truncated) {
      const refusal = new AppError("file_too_large");
      refusals.count(refusal);
      throw refusal;
    }
  } catch (error) {
    await rm(filePath, { force: true });
    if (brokenOff.signal.aborted) throw new AppError("malformed_request", [], { cause: error });
    throw asMalformedForm(error);
  } finally {
    part.file.off("close", onClose);
  }
  // A part is a file by its content type too (application/octet-stream), with or without a
  // filename: without one, the file gets the name a nameless upload gets ("document").
  return waitingOnDisk(filePath, part.filename ?? "", file.bytesWritten);
}

/** The text fields that came before the file in the form, for the route's contract to check. */
export function formFields(part: MultipartFile): Record<string, string> {
  return Object.fromEntries(
    Object.entries(part.fields).flatMap(([name, field]) =>
      field && !Array.isArray(field) && field.type === "field" ? [[name, String(field.value)]] : [],
    ),
  );
}
