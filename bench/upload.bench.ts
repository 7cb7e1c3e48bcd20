import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { loadConfig } from "#src/server/config.ts";
import { DEMO_PASSWORD, seedDemo } from "#src/server/demo/seed-demo.ts";
import {
  findAccountByEmail,
  listAccountMemberships,
} from "#src/server/modules/accounts/repository.ts";
import { clientActorOf, staffActorOf } from "#src/server/modules/accounts/request-actors.ts";
import { clientDossierList, createDossier } from "#src/server/modules/dossiers/service.ts";
import { createServices } from "#src/server/services.ts";
import { freePort, startServerProcess } from "#test/support/server-process.ts";
import { printTable, ratio } from "./report.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const MiB = 1024 * 1024;
const FILE_BYTES = 1024 * MiB;
const CHUNK_BYTES = MiB;
const SAMPLE_MS = 50;
const CLIENT_EMAIL = "jan.jansen@example.nl";

/**
 * One 1 GiB file through the portal's tus upload (one POST, one PATCH that streams the whole
 * body) to Poort running as a child process from `dist/`, so that its memory is its own; next
 * to a bare `node:http` child process in the same run that pipes the request body to a file on
 * the same disk. Poort's answer comes after the file checks and the copy into the blob store,
 * so the time to the answer is split into sending the body and what follows it.
 */
export async function run(): Promise<void> {
  if (!existsSync(path.join(root, "dist/server/main.js"))) {
    throw new Error("dist/server/main.js is missing: run `npm run build:server` first");
  }
  warnWhenBuildIsOlderThanSources();
  const work = await mkdtemp(path.join(os.tmpdir(), "poort-bench-upload-"));
  const children: ChildProcess[] = [];
  try {
    const dataDir = path.join(work, "poort");
    await prepareDemoData(dataDir);

    const baselineFile = path.join(work, "baseline", "upload.bin");
    const bare = await startBareServer(baselineFile);
    children.push(bare.child);
    const baseline = await uploadTo(bare.child, (progress) =>
      sendBody(`${bare.url}/upload`, "PUT", {}, progress),
    );
    bare.child.kill("SIGTERM");
    await rm(path.dirname(baselineFile), { recursive: true, force: true });

    const server = await startServerProcess(
      {
        DATA_DIR: dataDir,
        UPLOAD_MAX_BYTES: String(2 * 1024 * MiB),
      },
      { built: true },
    );
    children.push(server.child);
    const browser = await logIn(server.url);
    const dossierId = await firstDossier(server.url, browser);
    const location = await createUpload(server.url, browser, dossierId);
    const poort = await uploadTo(server.child, (progress) =>
      sendBody(
        new URL(location, server.url).toString(),
        "PATCH",
        {
          ...browser.headers,
          "tus-resumable": "1.0.0",
          "upload-offset": "0",
          "content-type": "application/offset+octet-stream",
        },
        progress,
      ),
    );
    const document = JSON.parse(poort.body) as { size?: number; contentType?: string };
    if (document.size !== FILE_BYTES) throw new Error(`unexpected answer: ${poort.body}`);
    const leftOver = readdirSync(path.join(dataDir, "uploads"), {
      recursive: true,
      withFileTypes: true,
    }).filter((entry) => entry.isFile());

    console.log(
      `1 GiB (${FILE_BYTES.toLocaleString("en")} bytes) in ${CHUNK_BYTES / MiB} MiB writes over loopback; ` +
        `Poort ${document.contentType}, stored in its blob store, ${leftOver.length} files left in uploads/; ` +
        `memory sampled every ${SAMPLE_MS} ms.`,
    );
    const row = (name: string, result: UploadResult, vs: string) => ({
      server: name,
      "MiB/s to answer": mibPerSecond(result.answeredMs),
      "s body sent": (result.sentMs / 1000).toFixed(1),
      "s to answer": (result.answeredMs / 1000).toFixed(1),
      "RSS before MiB": toMiB(result.before.rss),
      "peak RSS MiB (sampled)": toMiB(result.peakRss),
      "peak − before MiB": toMiB(result.peakRss - result.before.rss),
      "VmHWM MiB": toMiB(result.after.hwm),
      vs,
    });
    printTable([
      row("bare node:http → file (baseline)", baseline, "1.00× baseline"),
      row(
        "Poort tus PATCH",
        poort,
        ratio(FILE_BYTES / poort.answeredMs, FILE_BYTES / baseline.answeredMs),
      ),
    ]);
    console.log(
      `"vs" is throughput to the answer relative to the baseline. Poort's peak RSS is ` +
        `${(poort.peakRss / baseline.peakRss).toFixed(2)}× the baseline's (the embedded PGlite ` +
        `lives in Poort's process); during the upload Poort's RSS grew by ` +
        `${toMiB(poort.peakRss - poort.before.rss)} MiB, the baseline's by ` +
        `${toMiB(baseline.peakRss - baseline.before.rss)} MiB.`,
    );
    await server.stop();
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await rm(work, { recursive: true, force: true });
  }
}

// ── The Poort side ─────────────────────────────────────────────────────────────────────

/**
 * The demo data, loaded before the server starts on the same DATA_DIR: when the demo has no
 * dossier for Jan Jansen yet, one is made for him as the demo admin would.
 */
async function prepareDemoData(dataDir: string): Promise<void> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const services = await createServices(config, pino({ level: "silent" }));
  try {
    await seedDemo(services);
    const { db } = services.database;
    const client = await findAccountByEmail(db, "client", CLIENT_EMAIL);
    const [membership] = client ? await listAccountMemberships(db, client.id) : [];
    const admin = await findAccountByEmail(db, "staff", "sara@devriespartners.nl");
    if (!client || !membership || !admin?.officeId) {
      throw new Error("the demo data has no Jan Jansen or Sara de Wit");
    }
    const deps = { db, clock: services.clock };
    const actor = clientActorOf(client, membership.membership);
    const { dossiers } = await clientDossierList(deps, actor, {});
    if (dossiers.length > 0) return;
    await createDossier(deps, staffActorOf(admin), {
      number: "BENCH-UPLOAD-1",
      description: "Benchmark: upload van 1 GiB",
      status: "in-progress",
      handlerId: null,
      clientIds: [actor.clientId],
    });
  } finally {
    await services.close();
  }
}

interface Browser {
  headers: { cookie: string; "x-csrf-token": string };
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");
}

/** Logs in to the portal through the API, as the web app does: CSRF token, then password. */
async function logIn(url: string): Promise<Browser> {
  const anonymous = await fetch(`${url}/api/session`);
  const { csrfToken } = (await anonymous.json()) as { csrfToken: string };
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-csrf-token": csrfToken,
      cookie: cookiesOf(anonymous).join("; "),
    },
    body: JSON.stringify({ area: "portal", email: CLIENT_EMAIL, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = cookiesOf(login).join("; ");
  const session = await fetch(`${url}/api/session`, { headers: { cookie } });
  const state = (await session.json()) as { csrfToken: string; stage?: string };
  if (state.stage !== "complete") throw new Error(`no complete session: ${JSON.stringify(state)}`);
  return { headers: { cookie, "x-csrf-token": state.csrfToken } };
}

async function firstDossier(url: string, browser: Browser): Promise<string> {
  const response = await fetch(`${url}/api/portal/dossiers`, { headers: browser.headers });
  const { dossiers } = (await response.json()) as { dossiers: Array<{ id: string }> };
  const dossier = dossiers[0];
  if (!dossier) throw new Error("Jan Jansen has no dossier");
  return dossier.id;
}

/** The tus creation request; answers where the PATCH goes. */
async function createUpload(url: string, browser: Browser, dossierId: string): Promise<string> {
  const base64 = (text: string) => Buffer.from(text).toString("base64");
  const response = await fetch(`${url}/api/portal/uploads`, {
    method: "POST",
    headers: {
      ...browser.headers,
      "tus-resumable": "1.0.0",
      "upload-length": String(FILE_BYTES),
      "upload-metadata": `dossierId ${base64(dossierId)},filename ${base64("bench-1gib.pdf")}`,
    },
  });
  const location = response.headers.get("location");
  if (response.status !== 201 || !location) {
    throw new Error(`tus POST: ${response.status} ${await response.text()}`);
  }
  return location;
}

// ── The bare side ──────────────────────────────────────────────────────────────────────

/** Pipes any request's body into FILE and answers 204 when it is on disk. */
const BARE_SERVER = `
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const { pipeline } = require("node:stream/promises");
const file = process.env.FILE;
fs.mkdirSync(path.dirname(file), { recursive: true });
const server = http.createServer(async (request, response) => {
  try {
    await pipeline(request, fs.createWriteStream(file));
    response.writeHead(204).end();
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
`;

async function startBareServer(file: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["-e", BARE_SERVER], {
    env: { PATH: process.env.PATH, PORT: String(port), FILE: file },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

// ── Sending and measuring ──────────────────────────────────────────────────────────────

interface Memory {
  rss: number;
  hwm: number;
}

interface UploadResult {
  sentMs: number;
  answeredMs: number;
  body: string;
  before: Memory;
  after: Memory;
  peakRss: number;
}

/** VmRSS and VmHWM (peak RSS over the process's life) of a process, in bytes. */
async function memoryOf(pid: number): Promise<Memory> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]) * 1024;
  return { rss: kib("VmRSS"), hwm: kib("VmHWM") };
}

/** Runs one upload while sampling the server's resident memory. */
async function uploadTo(
  child: ChildProcess,
  send: (progress: { sentAt?: number }) => Promise<string>,
): Promise<UploadResult> {
  const pid = child.pid;
  if (pid === undefined) throw new Error("the server has no process id");
  const before = await memoryOf(pid);
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    memoryOf(pid).then(
      (memory) => {
        peakRss = Math.max(peakRss, memory.rss);
      },
      () => {},
    );
  }, SAMPLE_MS);
  const progress: { sentAt?: number } = {};
  const start = performance.now();
  try {
    const body = await send(progress);
    const answeredMs = performance.now() - start;
    const after = await memoryOf(pid);
    peakRss = Math.max(peakRss, after.rss);
    return {
      sentMs: (progress.sentAt ?? performance.now()) - start,
      answeredMs,
      body,
      before,
      after,
      peakRss,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The 1 GiB body: a PDF header, then the same megabyte over and over, never held whole. */
function* fileChunks(): Generator<Buffer> {
  const filler = Buffer.alloc(CHUNK_BYTES, "Poort benchmark, geen echte akte. ");
  const first = Buffer.concat([Buffer.from("%PDF-1.4\n"), filler]).subarray(0, CHUNK_BYTES);
  yield first;
  for (let sent = CHUNK_BYTES; sent < FILE_BYTES; sent += CHUNK_BYTES) yield filler;
}

/** Streams the body in one request; resolves with the answer's body once it is complete. */
async function sendBody(
  url: string,
  method: string,
  headers: Record<string, string>,
  progress: { sentAt?: number },
): Promise<string> {
  const request = http.request(url, {
    method,
    headers: { ...headers, "content-length": String(FILE_BYTES) },
  });
  const answer = new Promise<string>((resolve, reject) => {
    request.once("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.once("end", () => {
        const status = response.statusCode ?? 0;
        if (status >= 300) reject(new Error(`${method} ${url}: ${status} ${body}`));
        else resolve(body);
      });
      response.once("error", reject);
    });
    request.once("error", reject);
  });
  // An early refusal ends the request; the answer then says why.
  answer.catch(() => {});
  await pipeline(Readable.from(fileChunks()), request).catch(async (error: unknown) => {
    await answer;
    throw error;
  });
  progress.sentAt = performance.now();
  return answer;
}

function mibPerSecond(milliseconds: number): string {
  return ((FILE_BYTES / MiB / milliseconds) * 1000).toFixed(0);
}

function toMiB(bytes: number): number {
  return Math.round(bytes / MiB);
}

/** A source changed since the last build means the child process would run old code. */
function warnWhenBuildIsOlderThanSources(): void {
  const builtAt = statSync(path.join(root, "dist/server/main.js")).mtimeMs;
  const newest = (entry: string): number => {
    const stat = statSync(entry);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return readdirSync(entry).reduce(
      (latest, child) => Math.max(latest, newest(path.join(entry, child))),
      stat.mtimeMs,
    );
  };
  const sources = ["src/server", "src/contracts"].map((folder) => newest(path.join(root, folder)));
  if (Math.max(...sources) > builtAt) {
    console.warn(
      "dist/ may be older than src/: `npm run build:server` to measure the current code",
    );
  }
}
