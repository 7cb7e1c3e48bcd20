import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "#src/server/errors.ts";
import type { BlobStore, StoredBlob } from "#src/server/platform/blobs/blob-store.ts";
import {
  type ContentDigest,
  digestOf,
  RunningDigest,
} from "#src/server/platform/blobs/content-digest.ts";
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

/** A complete upload waiting on local disk, with the name the uploader gave it. */
export interface WaitingFile {
  filePath: string;
  declaredName: string;
  /**
   * The file's size and SHA-256, taken by its transport as it wrote the file, when every byte
   * went through it; without one, the intake takes the digest in its own read of the file.
   */
  digest?: ContentDigest;
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
 * its type by content (never by name; only the first bytes are read), a virus scan, and only
 * then stores it. After its arrival the whole file is read at most once: by the virus scan,
 * which also takes the SHA-256 when the transport did not; without a scanner and with the
 * transport's digest, not at all. The file is only ever streamed, so its size does not matter
 * for memory.
 */
export async function acceptFile(deps: FileIntakeDeps, file: WaitingFile): Promise<AcceptedFile> {
  const size = file.digest?.size ?? (await stat(file.filePath)).size;
  if (size === 0) throw new AppError("file_empty");
  if (size > deps.maxFileBytes) throw new AppError("file_too_large");

  const type = await detectAllowedType(file.filePath, file.declaredName);
  if (!type) throw new AppError("file_type_not_allowed");

  const { scan, digest } = await scanOnce(deps.scanner, file, size);
  const blob = await deps.blobs.putFile(file.filePath, digest);
  return { blob, fileName: safeFileName(file.declaredName, type), contentType: type.mime, scan };
}

/**
 * The virus scan and the file's digest from one read: the scanner's stream is counted into the
 * digest when the transport brought none. Only when no scanner read the file (none is
 * configured) does the digest take a read of its own.
 */
async function scanOnce(
  scanner: VirusScanner,
  file: WaitingFile,
  size: number,
): Promise<{ scan: AcceptedFile["scan"]; digest: ContentDigest }> {
  const open = () => createReadStream(file.filePath);
  if (file.digest) return { scan: await scanFile(scanner, open), digest: file.digest };
  const running = new RunningDigest();
  const scan = await scanFile(scanner, () => running.measure(open()));
  const digest = running.size === size ? running.finish() : await digestOf(open());
  return { scan, digest };
}

async function scanFile(
  scanner: VirusScanner,
  open: () => Readable,
): Promise<AcceptedFile["scan"]> {
  try {
    const result = await scanner.scan(open);
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
