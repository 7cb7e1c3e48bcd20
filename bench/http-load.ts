import { Worker } from "node:worker_threads";
import { percentile } from "./report.ts";

export interface LoadOptions {
  /** Several URLs are requested in turn (the same request on many rows, say). */
  url: string | readonly string[];
  /** GET by default; a POST or PUT sends `body` each time (give its content-type in `headers`). */
  method?: "GET" | "POST" | "PUT";
  body?: Buffer;
  headers?: Record<string, string>;
  /** The status every answer must have (default 200): 201 for a POST that creates. */
  expectStatus?: number;
  /**
   * For https URLs: the client certificate every connection presents (PKCS#12 and its
   * password) and the CA chain the server's certificate must lead to.
   */
  tls?: { pfx: Buffer; passphrase: string; ca: string; servername?: string };
  /** Keep-alive connections, each sending its next request when the previous one answered. */
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  /** The highest resident set size of this process while measured, in MiB (the server's and the load's). */
  peakRssMiB: number;
}

const MiB = 1024 * 1024;
/** How often the resident set size is sampled while a load runs. */
const RSS_SAMPLE_MS = 100;

/**
 * Requests `url` from a worker thread (`http-load-worker.mjs`) for a fixed time at a fixed
 * concurrency; the requests of the warm-up are not counted. Any answer but 200 (or
 * `expectStatus`) fails the run.
 */
export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  const worker = new Worker(new URL("./http-load-worker.mjs", import.meta.url), {
    workerData: {
      headers: {},
      method: "GET",
      expectStatus: 200,
      ...options,
      body: options.body ? new Uint8Array(options.body) : undefined,
      tls: options.tls ? { ...options.tls, pfx: new Uint8Array(options.tls.pfx) } : undefined,
    },
  });
  let peakRss = process.memoryUsage.rss();
  const sampling = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, RSS_SAMPLE_MS);
  const { latencies, failures } = await new Promise<{
    latencies: number[];
    failures: Record<string, number>;
  }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  }).finally(() => clearInterval(sampling));
  await worker.terminate();
  if (Object.keys(failures).length > 0) {
    throw new Error(
      `${options.method ?? "GET"} ${describeUrl(options.url)} answered other than ${options.expectStatus ?? 200}: ${JSON.stringify(failures)}`,
    );
  }
  return {
    requests: latencies.length,
    perSecond: (latencies.length / options.durationMs) * 1000,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    peakRssMiB: Math.round(peakRss / MiB),
  };
}

function describeUrl(url: LoadOptions["url"]): string {
  if (typeof url === "string") return url;
  return `${url[0]} (and ${url.length - 1} more URLs)`;
}
