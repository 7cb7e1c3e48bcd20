// The load generator of `http-load.ts`, in a worker thread of its own so that making requests
// does not share an event loop with the servers measured. Plain JavaScript: tsx does not load
// TypeScript into worker threads on Node 20.
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

/** @type {{ url: string | string[], method: string, body?: Uint8Array, headers: Record<string, string>, concurrency: number, warmupMs: number, durationMs: number }} */
const { url, method, body, headers, concurrency, warmupMs, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
/** The URLs to request, in turn. */
const targets = (Array.isArray(url) ? url : [url]).map((each) => new URL(each));
let turn = 0;
const payload = body ? Buffer.from(body) : undefined;

/** One request; resolves with its status once the whole answer is in. */
function send() {
  const target = targets[turn++ % targets.length];
  return new Promise((resolve, reject) => {
    const request = http.request(
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
    if (status === 200) latencies.push(ended - begun);
    else failures.set(status, (failures.get(status) ?? 0) + 1);
  }
}

await Promise.all(Array.from({ length: concurrency }, () => connection()));
agent.destroy();
parentPort?.postMessage({ latencies, failures: Object.fromEntries(failures) });
