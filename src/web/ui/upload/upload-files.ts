import { z } from "zod";

/**
 * Where a chosen file stands: chosen and `ready`, refused in the browser as `tooLarge`,
 * `waiting` for its turn, `uploading`, `done`, `refused` by the server (with its message; trying
 * again would not help), or `failed` otherwise (connection lost, server trouble: trying again
 * resumes where it stopped).
 */
export type UploadStatus =
  | "ready"
  | "tooLarge"
  | "waiting"
  | "uploading"
  | "done"
  | "refused"
  | "failed";

export interface UploadItem {
  /** Stable within one dialog session; React key and element ids. */
  id: string;
  file: File;
  status: UploadStatus;
  bytesSent: number;
  /** The server's message (already in the user's language) when it refused the file. */
  error?: string;
}

/** The i18next key of the start button, pluralised by `count`: `upload.start_one` / `_other`. */
export const startLabelKey = "upload.start";

/** Files the start button (re)sends: chosen ones and ones whose upload failed. */
export function uploadableItems(items: readonly UploadItem[]): UploadItem[] {
  return items.filter((item) => item.status === "ready" || item.status === "failed");
}

export const isRunning = (items: readonly UploadItem[]) =>
  items.some((item) => item.status === "waiting" || item.status === "uploading");

/** Whole percent for a progress bar; 100 only once every byte is sent. */
export function percentSent(bytesSent: number, bytesTotal: number): number {
  if (bytesTotal <= 0) return bytesSent >= bytesTotal ? 100 : 0;
  const percent = Math.floor((bytesSent / bytesTotal) * 100);
  return Math.min(100, Math.max(0, percent));
}

/** The same file chosen twice (by dropping and by browsing) is listed once. */
const sameFile = (a: File, b: File) =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * The list after adding newly chosen files: duplicates of listed files are skipped, and files
 * over the maximum are listed as refused so the user sees why they will not be sent.
 */
export function addFiles(
  items: readonly UploadItem[],
  files: Iterable<File>,
  maxFileBytes: number,
  newId: () => string,
): UploadItem[] {
  const next = [...items];
  for (const file of files) {
    if (next.some((item) => sameFile(item.file, file))) continue;
    next.push({
      id: newId(),
      file,
      status: file.size > maxFileBytes ? "tooLarge" : "ready",
      bytesSent: 0,
    });
  }
  return next;
}

/**
 * Whether an upload this browser began earlier belongs to this dialog: tus-js-client finds it
 * by the file's fingerprint alone, so an unfinished upload of the same file to another dossier
 * must not be continued here.
 */
export function sameMetadata(
  stored: Readonly<Record<string, string>>,
  wanted: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(wanted).every(([key, value]) => stored[key] === value);
}

const tusErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/** The part of tus-js-client's `DetailedError` we read: the server's answer, if any came. */
interface ErrorWithResponse {
  originalResponse?: { getStatus(): number; getBody(): string } | null;
}

export interface TusServerError {
  status: number;
  code: string;
  /** Already in the user's language. */
  message: string;
}

/**
 * The API's error of a failed tus request, `{ error: { code, message } }`; undefined when
 * there was no answer (connection lost) or it was no API error (e.g. a proxy's page).
 */
export function tusServerError(error: unknown): TusServerError | undefined {
  const response = (error as ErrorWithResponse | null)?.originalResponse;
  if (!response) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(response.getBody());
  } catch {
    return undefined;
  }
  const parsed = tusErrorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { code, message } = parsed.data.error;
  return { status: response.getStatus(), code, message };
}

/**
 * Runs `work` over the inputs with at most `limit` at a time and answers the results in input
 * order, e.g. a few uploads side by side instead of one connection per file.
 */
export async function runWithLimit<T, R>(
  inputs: readonly T[],
  limit: number,
  work: (input: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}
