import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "#src/server/errors.ts";
import type { BlobStore, StoredBlob } from "#src/server/platform/blobs/blob-store.ts";
import { type AllowedType, detectAllowedType } from "#src/server/platform/files/content-type.ts";
import {
  type VirusScanner,
  VirusScanUnavailableError,
} from "#src/server/platform/files/virus-scanner.ts";

export interface FileIntakeDeps {
  blobs: BlobStore;
  scanner: VirusScanner;
  maxFileBytes: number;
}

/** A file that passed every check and is now in the blob store. */
export interface AcceptedFile {
  blob: StoredBlob;
  fileName: string;
  contentType: string;
  scan: { status: "clean"; engine: string } | { status: "not-scanned" };
}

/** The file was refused for a virus; the caller records that before answering. */
export class InfectedFileError extends AppError {
  constructor(readonly signature: string) {
    super("file_infected");
  }
}

/**
 * Checks an uploaded file waiting on local disk, in the order that costs least first: its size,
 * its type by content (never by name), a virus scan, and only then stores it. The file is read
 * as a stream at each step, so its size does not matter for memory.
 */
export async function acceptFile(
  deps: FileIntakeDeps,
  filePath: string,
  declaredName: string,
): Promise<AcceptedFile> {
  const { size } = await stat(filePath);
  if (size === 0) throw new AppError("file_empty");
  if (size > deps.maxFileBytes) throw new AppError("file_too_large");

  const type = await detectAllowedType(filePath, declaredName);
  if (!type) throw new AppError("file_type_not_allowed");

  const scan = await scanFile(deps.scanner, filePath);
  const blob = await deps.blobs.putFile(filePath);
  return { blob, fileName: safeFileName(declaredName, type), contentType: type.mime, scan };
}

async function scanFile(scanner: VirusScanner, filePath: string): Promise<AcceptedFile["scan"]> {
  try {
    const result = await scanner.scan(() => createReadStream(filePath));
    if (result.status === "infected") throw new InfectedFileError(result.signature);
    return result;
  } catch (error) {
    if (error instanceof VirusScanUnavailableError) {
      throw new AppError("virus_scan_unavailable", [], { cause: error });
    }
    throw error;
  }
}

/**
 * Characters a file name never needs and that can make it lie: control characters (Cc) and
 * format characters (Cf). The latter include the bidirectional controls (U+202E turns
 * "factuur\u202Efdp.exe" into what reads as "factuurexe.pdf"), the marks and isolates
 * (U+200E/F, U+061C, U+2066–2069) and the invisible joiners and byte-order mark. The quote goes
 * too, for the Content-Disposition header.
 */
const unsafeInFileName = /[\p{Cc}\p{Cf}"]/gu;

/**
 * The name the file is offered under when downloaded: without any folder part or the
 * characters above, at most 200 characters, and with an extension that fits its real type, so
 * a PDF called "scan.exe" is offered as "scan.exe.pdf".
 */
export function safeFileName(declaredName: string, type: AllowedType): string {
  const base = path
    .basename(declaredName.replaceAll("\\", "/").replace(unsafeInFileName, ""))
    .trim();
  const name = base.length > 0 && base !== "." && base !== ".." ? base : "document";
  const extension = path.extname(name).slice(1).toLowerCase();
  const fitting = type.extensions.includes(extension) ? name : `${name}.${type.extensions[0]}`;
  if (fitting.length <= 200) return fitting;
  const ending = path.extname(fitting);
  return `${fitting.slice(0, 200 - ending.length)}${ending}`;
}
