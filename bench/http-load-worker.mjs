// The load generator of `http-load.ts`, in a worker thread of its own so that making requests
// does not share an event loop with the servers measured. Plain JavaScript: tsx does not load
// TypeScript into worker threads on Node 20.
import http from "node:http";
import https from "node:https";
import { parentPort, workerData } from "node:worker_threads";

/** @type {{ url: string | string[], method: string, body?: Uint8Array, headers: Record<string, string>, expectStatus: number, tls?: { pfx: Uint8Array, passphrase: string, ca: string, servername?: string }, concurrency: number, warmupMs: number, durationMs: number }} */
const { url, method, body, headers, expectStatus, tls, concurrency, warmupMs, durationMs } =
  workerData;
// With `tls`, https: every connection presents the client certificate (and keeps it alive, so a
// handshake is paid once per connection, as a client that keeps its connections would).
const agent = tls
  ? new https.Agent({
      keepAlive: true,
      maxSockets: concurrency,
      pfx: Buffer.from(tls.pfx),
      passphrase: tls.passphrase,
      ca: tls.ca,
      servername: tls.servername ?? "localhost",
    })
  : new http.Agent({ keepAlive: true, maxSockets: concurrency });
const client = tls ? https : http;
/** The URLs to request, in turn. */
const targets = (Array.isArray(url) ? url : [url]).map((each) => new URL(each));
let turn = 0;
const payload = body ? Buffer.from(body) : undefined;

/** One request; resolves with its status once the whole answer is in. */
function send() {
  const target = targets[turn++ % targets.length];
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        agent,
        method,
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        headers: payload ? { ...headers, "content-length": payload.length } : headers,
      },
      (response) => {
        response.on("data", () => {});
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

const start = performance.now();
const measureFrom = start + warmupMs;
const stopAt = measureFrom + durationMs;
/** Latencies (ms) of the requests that started after the warm-up. */
const latencies = [];
const failures = new Map();

async function connection() {
  for (;;) {
    const begun = performance.now();
    if (begun >= stopAt) return;
    const status = await send();
    const ended = performance.now();
    if (begun < measureFrom || ended > stopAt) continue;
    if (status === expectStatus) latencies.push(ended - begun);
    else failures.set(status, (failures.get(status) ?? 0) + 1);
  }
}

await Promise.all(Array.from({ length: concurrency }, () => connection()));
agent.destroy();
parentPort?.postMessage({ latencies, failures: Object.fromEntries(failures) });
