import { useCallback, useEffect, useRef, useState } from "react";
import { defaultOptions, type PreviousUpload, Upload } from "tus-js-client";
import { currentCsrfToken, forgetCsrfToken } from "../api/api-client.ts";
import {
  addFiles,
  runWithLimit,
  sameMetadata,
  tusServerError,
  type UploadItem,
  uploadableItems,
} from "./upload-files.ts";

export interface TusUploadsOptions {
  endpoint: string;
  metadata: Record<string, string>;
  maxFileBytes: number;
  onUploaded(fileName: string): void;
}

type Outcome = "done" | "failed" | "aborted";

/** A running upload and how to end its promise when the dialog aborts it. */
interface Running {
  upload: Upload;
  settle(outcome: Outcome): void;
}

/** A few files side by side; the browser keeps connections free for the rest of the page. */
const PARALLEL_UPLOADS = 3;

/**
 * After a dropped connection tus-js-client asks the server how far it got (HEAD) and sends
 * the rest; these are the waits before each new try (about 20 s in all, then the file fails
 * and "Upload" tries it again, still resuming).
 */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000];

/**
 * The chosen files of the upload dialog and their tus uploads: add and remove files, start
 * them (a few at a time), and abort whatever runs.
 */
export function useTusUploads(options: TusUploadsOptions) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const running = useRef(new Map<string, Running>());
  // Starting bumps it; aborting too, so queued files of an aborted round never start.
  const round = useRef(0);
  const lastId = useRef(0);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const update = useCallback((id: string, change: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback((files: Iterable<File>) => {
    // Copied at once: a file input's list empties when the input is reset for the next choice.
    const chosen = Array.from(files);
    const { maxFileBytes } = latest.current;
    setItems((list) =>
      addFiles(list, chosen, maxFileBytes, () => {
        lastId.current += 1;
        return `upload-${lastId.current}`;
      }),
    );
  }, []);

  const remove = useCallback((id: string) => {
    setItems((list) => list.filter((item) => item.id !== id));
  }, []);

  const uploadOne = useCallback(
    (item: UploadItem): Promise<Outcome> =>
      new Promise((resolve) => {
        const { endpoint, metadata } = latest.current;
        const settle = (outcome: Outcome) => {
          if (!running.current.delete(item.id)) return;
          resolve(outcome);
        };
        const upload = new Upload(item.file, {
          endpoint,
          metadata: {
            ...metadata,
            filename: item.file.name,
            // An empty value would be sent as a bare key; the server sniffs the type anyway.
            ...(item.file.type ? { filetype: item.file.type } : {}),
          },
          // No chunkSize: one PATCH streams the whole file, the fastest way, and a broken
          // connection costs nothing extra, since the retry asks the server for its offset
          // and resumes there. (Chunks only help behind proxies that cap request bodies.)
          retryDelays: RETRY_DELAYS,
          storeFingerprintForResuming: true,
          removeFingerprintOnSuccess: true,
          // Every tus request passes the API's CSRF check, like apiRequest's changes.
          onBeforeRequest: async (request) => {
            request.setHeader("x-csrf-token", await currentCsrfToken());
          },
          onShouldRetry: (error, attempt, retryOptions) => {
            // The session changed since this page fetched its token (e.g. a login in another
            // tab): fetch the new one once and try again.
            if (tusServerError(error)?.code === "csrf_failed") {
              forgetCsrfToken();
              return attempt === 0;
            }
            return defaultOptions.onShouldRetry?.(error, attempt, retryOptions) ?? false;
          },
          onProgress: (bytesSent) => update(item.id, { bytesSent }),
          onSuccess: () => {
            update(item.id, { status: "done", bytesSent: item.file.size });
            latest.current.onUploaded(item.file.name);
            settle("done");
          },
          onError: (error) => {
            // tus-js-client gave up: after its retries, or at once for a 4xx answer, which
            // the server gives when it will not take this file (too large, wrong type, …).
            const refusal = tusServerError(error);
            const refused = refusal !== undefined && refusal.status >= 400 && refusal.status < 500;
            update(item.id, { status: refused ? "refused" : "failed", error: refusal?.message });
            settle("failed");
          },
        });
        running.current.set(item.id, { upload, settle });
        update(item.id, { status: "uploading", bytesSent: 0, error: undefined });
        // An unfinished upload of this file to the same place (a dropped connection, a closed
        // tab) continues where it stopped instead of starting over.
        upload
          .findPreviousUploads()
          .then(
            (previous) => {
              const own = previous
                .filter((stored) => sameMetadata(stored.metadata, metadata))
                .sort(newestFirst)[0];
              if (own) upload.resumeFromPreviousUpload(own);
            },
            () => undefined,
          )
          .finally(() => {
            if (running.current.has(item.id)) upload.start();
          });
      }),
    [update],
  );

  /**
   * Uploads the chosen and the failed files; answers whether every one of them arrived (false
   * when one failed or the uploads were aborted).
   */
  const start = useCallback(async (): Promise<boolean> => {
    const queue = uploadableItems(items);
    if (queue.length === 0) return false;
    round.current += 1;
    const thisRound = round.current;
    const queued = new Set(queue.map((item) => item.id));
    setItems((list) =>
      list.map((item) =>
        queued.has(item.id) ? { ...item, status: "waiting", bytesSent: 0, error: undefined } : item,
      ),
    );
    const outcomes = await runWithLimit(queue, PARALLEL_UPLOADS, (item) =>
      round.current === thisRound ? uploadOne(item) : Promise.resolve<Outcome>("aborted"),
    );
    return outcomes.every((outcome) => outcome === "done");
  }, [items, uploadOne]);

  /**
   * Stops every running upload. `terminate` also deletes the partial uploads on the server
   * (cancelled by the user); without it they stay resumable (e.g. the page is left).
   */
  const abortAll = useCallback((terminate: boolean) => {
    round.current += 1;
    for (const { upload, settle } of [...running.current.values()]) {
      upload.abort(terminate).catch(() => undefined);
      settle("aborted");
    }
  }, []);

  /** Aborts and deletes what runs, and empties the list: the dialog starts afresh. */
  const reset = useCallback(() => {
    abortAll(true);
    setItems([]);
  }, [abortAll]);

  useEffect(() => () => abortAll(false), [abortAll]);

  return { items, add, remove, start, reset };
}

// tus-js-client stores the creation time as `Date#toString()`.
const newestFirst = (a: PreviousUpload, b: PreviousUpload) =>
  Date.parse(b.creationTime) - Date.parse(a.creationTime);
