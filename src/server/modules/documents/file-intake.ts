import path from "node:path";
import { PassThrough, pipeline, type Readable } from "node:stream";
import { AppError } from "#src/server/errors.ts";
import {
  BlobNotFoundError,
  type BlobStore,
  type StoredBlob,
} from "#src/server/platform/blobs/blob-store.ts";
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

/** A complete upload waiting where its transport left it, with the name the uploader gave it. */
export interface WaitingFile {
  declaredName: string;
  /** Its size in bytes, as the transport counted them. */
  size: number;
  /** A new stream of the file from its first byte; whoever opens it reads or destroys it. */
  open(): Promise<Readable>;
  /**
   * Makes the file a blob of `blobs` without reading it, when its transport holds it sealed
   * and digested already (a tus upload of one part); undefined when it cannot, and the file is
   * then read and stored. Afterwards the file is the blob: `open` no longer finds it.
   */
  keepIn?(blobs: BlobStore): Promise<StoredBlob | undefined>;
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
 * Checks an uploaded file in the order that costs least first: its size, its type by content
 * (never by name; only the first bytes are read), then the virus scan. A file its transport
 * holds sealed already is kept as a blob as it is and scanned from there (`keepIn`); any other
 * is scanned while the same single read of it is stored (sealed) and digested. A file the scan
 * refuses, or that the scanner could not judge, is deleted from the store again before the
 * refusal is answered: it never gets a row, so nobody can reach it in between. The file is
 * only ever streamed, so its size does not matter for memory. A file that goes while it is
 * checked (another request finished or ended the same upload) is refused as not found.
 */
export async function acceptFile(deps: FileIntakeDeps, file: WaitingFile): Promise<AcceptedFile> {
  if (file.size === 0) throw new AppError("file_empty");
  if (file.size > deps.maxFileBytes) throw new AppError("file_too_large");
  try {
    const type = await detectAllowedType(await file.open(), file.declaredName);
    if (!type) throw new AppError("file_type_not_allowed");

    const kept = await file.keepIn?.(deps.blobs);
    const { blob, scan } = kept
      ? await scanStored(deps, file, kept)
      : await scanWhileStoring(deps, file);
    return { blob, fileName: safeFileName(file.declaredName, type), contentType: type.mime, scan };
  } catch (error) {
    if (error instanceof BlobNotFoundError) throw new AppError("not_found", [], { cause: error });
    throw error;
  }
}

/**
 * One read of the file feeds both the blob store and the scanner (when the scanner reads at
 * all: without clamd it opens nothing). The slower of the two sets the pace for both.
 */
async function scanWhileStoring(
  deps: FileIntakeDeps,
  file: WaitingFile,
): Promise<{ blob: StoredBlob; scan: AcceptedFile["scan"] }> {
  const content = await file.open();
  const toStore = new PassThrough();
  const toScanner = new PassThrough();
  content.once("error", (error) => {
    toStore.destroy(error);
    toScanner.destroy(error);
  });
  content.pipe(toStore);
  content.pipe(toScanner);
  let scannerRead = false;
  const scanning = scanFile(deps.scanner, () => {
    scannerRead = true;
    return toScanner;
  }).finally(() => {
    // A scanner that never opened the stream must not hold the store's share back.
    if (!scannerRead) {
      content.unpipe(toScanner);
      toScanner.destroy();
    }
  });
  const [stored, scanned] = await Promise.allSettled([deps.blobs.put(toStore), scanning]);
  if (stored.status === "rejected") {
    toScanner.destroy();
    await scanning.catch(() => {});
    throw stored.reason;
  }
  if (scanned.status === "rejected") {
    await deps.blobs.delete(stored.value.key);
    throw scanned.reason;
  }
  if (stored.value.size !== file.size) {
    // The transport's count and the bytes read disagree: the file changed under us.
    await deps.blobs.delete(stored.value.key);
    throw new Error(`upload ${file.declaredName}: read ${stored.value.size} of ${file.size} bytes`);
  }
  return { blob: stored.value, scan: scanned.value };
}

/**
 * The scan of a file that is in the blob store already, read from there (opened as the scanner
 * starts to read). A refused file is deleted from the store before the refusal is answered.
 */
async function scanStored(
  deps: FileIntakeDeps,
  file: WaitingFile,
  blob: StoredBlob,
): Promise<{ blob: StoredBlob; scan: AcceptedFile["scan"] }> {
  try {
    if (blob.size !== file.size) {
      throw new Error(`upload ${file.declaredName}: kept ${blob.size} of ${file.size} bytes`);
    }
    const scan = await scanFile(deps.scanner, () => {
      const content = new PassThrough();
      deps.blobs.get(blob.key).then(
        (stored) => pipeline(stored, content, () => {}),
        (error: unknown) => content.destroy(error as Error),
      );
      return content;
    });
    return { blob, scan };
  } catch (error) {
    await deps.blobs.delete(blob.key);
    throw error;
  }
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
