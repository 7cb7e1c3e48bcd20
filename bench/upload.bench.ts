import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
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
import { type Clamd, clamdRequired, startClamd } from "#test/support/clamd.ts";
import { freePort, startServerProcess } from "#test/support/server-process.ts";
import { profiling } from "./cpu-profile.ts";
import { median, printTable, ratio } from "./report.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const MiB = 1024 * 1024;
const FILE_BYTES = 1024 * MiB;
const CHUNK_BYTES = MiB;
const SAMPLE_MS = 50;
const CLIENT_EMAIL = "jan.jansen@example.nl";
/** With `--profile`: each server's CPU profile of its upload, from the first byte to the answer. */
const PROFILE_DIR = path.join(os.tmpdir(), "poort-upload-profiles");
const PROFILER = pathToFileURL(path.join(root, "bench/profile-on-signal.mjs")).href;

/** Uploads per server; each row shows the median, against noise from whatever else runs. */
const ROUNDS = 3;

/**
 * A 1 GiB file through the portal's tus upload (one POST, then one PATCH that streams the whole
 * body, which is what is timed) to Poort running as a child process from `dist/`, so that its
 * memory is its own; next to a bare `node:http` child process that pipes the request body to a
 * file on the same disk, the two taking turns upload by upload. Poort answers the PATCH only
 * after the file checks (type, virus scan) and the move into the blob store, so all of that is
 * inside the time to the answer; the time is split into sending the body and what follows it.
 * Where clamd is installed, Poort is measured a second time with a clamd of its own scanning
 * every upload.
 */
export async function run(): Promise<void> {
  if (!existsSync(path.join(root, "dist/server/main.js"))) {
    throw new Error("dist/server/main.js is missing: run `npm run build:server` first");
  }
  warnWhenBuildIsOlderThanSources();
  const work = await mkdtemp(path.join(os.tmpdir(), "poort-bench-upload-"));
  if (profiling) await mkdir(PROFILE_DIR, { recursive: true });
  const children: ChildProcess[] = [];
  let clamd: Clamd | undefined;
  try {
    const dataDir = path.join(work, "poort");
    await prepareDemoData(dataDir);
    const bare = await startBareServer(path.join(work, "baseline", "upload.bin"));
    children.push(bare.child);

    const measured = async (environment: Record<string, string>, name: string) => {
      const poort = await startPoort(dataDir, environment, name);
      children.push(poort.child);
      const [baseline, result] = await takingTurns(bare, poort);
      await poort.stop();
      return { baseline, result };
    };
    const unscanned = await measured({}, "poort");
    // StreamMaxLength above the file's size: clamd refuses a longer stream.
    clamd = clamdRequired ? await startClamd({ streamMaxLength: "2000M" }) : undefined;
    const scanned = clamd && (await measured({ CLAMAV_URL: clamd.url }, "poort-clamd"));
    const baseline = joined(unscanned.baseline, scanned?.baseline);

    const leftOver = readdirSync(path.join(dataDir, "uploads"), {
      recursive: true,
      withFileTypes: true,
    }).filter((entry) => entry.isFile());
    console.log(
      `1 GiB (${FILE_BYTES.toLocaleString("en")} bytes) in ${CHUNK_BYTES / MiB} MiB writes over ` +
        `loopback, ${ROUNDS} uploads per Poort row and ${baseline.rounds.length} of the ` +
        `baseline (taking turns with Poort), medians shown; every upload stored as ` +
        `${unscanned.result.document.contentType} in Poort's blob store, ${leftOver.length} ` +
        `files left in uploads/.`,
    );
    const baselineMs = median(baseline.rounds.map((round) => round.answeredMs));
    const row = (name: string, series: Series) => {
      const answeredMs = median(series.rounds.map((round) => round.answeredMs));
      return {
        server: name,
        "MiB/s to answer": mibPerSecond(answeredMs),
        "s body sent": (median(series.rounds.map((round) => round.sentMs)) / 1000).toFixed(1),
        "s to answer": (answeredMs / 1000).toFixed(1),
        "each upload, s": series.rounds
          .map((round) => (round.answeredMs / 1000).toFixed(1))
          .join(" "),
        "RSS before MiB": toMiB(series.rssBefore),
        "peak RSS MiB": toMiB(series.peakRss),
        "RSS growth MiB": toMiB(series.peakRss - series.rssBefore),
        vs: ratio(FILE_BYTES / answeredMs, FILE_BYTES / baselineMs),
      };
    };
    printTable([
      row("bare node:http → file (baseline)", baseline),
      row("Poort tus PATCH, no virus scanner", unscanned.result),
      ...(scanned ? [row("Poort tus PATCH, clamd INSTREAM", scanned.result)] : []),
    ]);
    const peak = baseline.exactPeak
      ? "VmHWM, reset before the first"
      : `sampled every ${SAMPLE_MS} ms`;
    console.log(
      `"vs": throughput to the answer against the baseline's. "RSS growth": the peak RSS ` +
        `during a server's uploads (${peak}) less its RSS before the first (Poort's RSS ` +
        `before holds the embedded PGlite). ` +
        (scanned
          ? "With clamd (a private one, with its default scan limits), the scan is inside the " +
            "timed part: Poort answers the PATCH only after clamd's verdict."
          : "clamd is not installed here: no row with a virus scan."),
    );
    if (profiling) {
      console.log(`CPU profiles of each server's last upload: ${PROFILE_DIR}/*.cpuprofile`);
    }
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await clamd?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

/** A server the benchmark uploads to: its process, and one upload's sending. */
interface UploadTarget {
  name: string;
  child: ChildProcess;
  /** Readies an upload (untimed); the function it gives sends the body and answers the reply. */
  prepare(): Promise<(progress: { sentAt?: number }) => Promise<string>>;
}

/** The uploads of one server, and its memory over them. */
interface Series {
  rounds: Measured[];
  rssBefore: number;
  /** The highest RSS sampled, or VmHWM when it counts from before the first upload. */
  peakRss: number;
  exactPeak: boolean;
  /** Poort's answer to its last upload: the document it made of the file. */
  document: { size?: number; contentType?: string };
}

/** `ROUNDS` uploads to each of the two in turn, so that both see the same machine. */
async function takingTurns(first: UploadTarget, second: UploadTarget): Promise<[Series, Series]> {
  const series = async (target: UploadTarget): Promise<Series> => {
    const pid = processIdOf(target.child);
    const exactPeak = await resetPeakRss(pid);
    const { rss } = await memoryOf(pid);
    return { rounds: [], rssBefore: rss, peakRss: rss, exactPeak, document: {} };
  };
  const firstSeries = await series(first);
  const secondSeries = await series(second);
  const turns: Array<[UploadTarget, Series]> = [
    [first, firstSeries],
    [second, secondSeries],
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [target, own] of turns) {
      const send = await target.prepare();
      const result = await uploadTo(target.child, target.name, send);
      own.rounds.push(result);
      own.peakRss = Math.max(own.peakRss, result.peakRss, own.exactPeak ? result.after.hwm : 0);
      if (result.body) own.document = JSON.parse(result.body) as Series["document"];
    }
  }
  return [firstSeries, secondSeries];
}

/** The baseline's rounds of both phases, its memory from the first. */
function joined(first: Series, second: Series | undefined): Series {
  if (!second) return first;
  return {
    ...first,
    rounds: [...first.rounds, ...second.rounds],
    peakRss: Math.max(first.peakRss, second.peakRss),
  };
}

/** What a server process needs to write a CPU profile of its upload, with `--profile`. */
function profilerEnvironment(name: string): Record<string, string> {
  if (!profiling) return {};
  return {
    NODE_OPTIONS: `--import=${PROFILER}`,
    POORT_PROFILE_FILE: path.join(PROFILE_DIR, `${name}.cpuprofile`),
  };
}

/** Poort from `dist/` on the demo data, logged in as Jan Jansen, uploading into his dossier. */
async function startPoort(
  dataDir: string,
  environment: Record<string, string>,
  name: string,
): Promise<UploadTarget & { stop(): Promise<unknown> }> {
  const server = await startServerProcess(
    {
      DATA_DIR: dataDir,
      UPLOAD_MAX_BYTES: String(2 * 1024 * MiB),
      ...environment,
      ...profilerEnvironment(name),
    },
    { built: true },
  );
  const browser = await logIn(server.url);
  const dossierId = await firstDossier(server.url, browser);
  return {
    name,
    child: server.child,
    stop: () => server.stop(),
    async prepare() {
      const location = await createUpload(server.url, browser, dossierId);
      return async (progress) => {
        const answer = await sendBody(
          new URL(location, server.url).toString(),
          "PATCH",
          {
            ...browser.headers,
            "tus-resumable": "1.0.0",
            "upload-offset": "0",
            "content-type": "application/offset+octet-stream",
          },
          progress,
        );
        const document = JSON.parse(answer) as { size?: number };
        if (document.size !== FILE_BYTES) throw new Error(`unexpected answer: ${answer}`);
        await discardStoredGigabytes(path.join(dataDir, "blobs"));
        return answer;
      };
    },
  };
}

// ── The Poort side ─────────────────────────────────────────────────────────────────────

/**
 * Deletes the uploads stored in Poort's blob store, after their answer: the page cache drops
 * what the disk has not written yet, as it does for the baseline's file, which each of its
 * uploads overwrites. Otherwise the gigabytes piling up would be written back during later
 * uploads and slow them down, whichever server they go to.
 */
async function discardStoredGigabytes(blobRoot: string): Promise<void> {
  const entries = readdirSync(blobRoot, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && statSync(file).size === FILE_BYTES) await rm(file);
  }
}

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

async function startBareServer(file: string): Promise<UploadTarget> {
  const port = await freePort();
  const child = spawn(process.execPath, ["-e", BARE_SERVER], {
    env: { PATH: process.env.PATH, PORT: String(port), FILE: file, ...profilerEnvironment("bare") },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}/upload`;
  return {
    name: "bare",
    child,
    prepare: async () => (progress) => sendBody(url, "PUT", {}, progress),
  };
}

// ── Sending and measuring ──────────────────────────────────────────────────────────────

interface Memory {
  rss: number;
  hwm: number;
}

interface Measured {
  sentMs: number;
  answeredMs: number;
  body: string;
  before: Memory;
  after: Memory;
  peakRss: number;
}

/**
 * Sets a process's VmHWM back to its RSS now (Linux 4.0 and later), so that VmHWM afterwards is
 * the exact peak of what follows, between the samples too. False where that is not allowed:
 * VmHWM then still holds the start's peak, and only the samples count.
 */
async function resetPeakRss(pid: number): Promise<boolean> {
  return writeFile(`/proc/${pid}/clear_refs`, "5").then(
    () => true,
    () => false,
  );
}

/** VmRSS and VmHWM (peak RSS since the start or the last reset) of a process, in bytes. */
async function memoryOf(pid: number): Promise<Memory> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]) * 1024;
  return { rss: kib("VmRSS"), hwm: kib("VmHWM") };
}

function processIdOf(child: ChildProcess): number {
  if (child.pid === undefined) throw new Error("the server has no process id");
  return child.pid;
}

/** Runs one upload while sampling the server's resident memory. */
async function uploadTo(
  child: ChildProcess,
  name: string,
  send: (progress: { sentAt?: number }) => Promise<string>,
): Promise<Measured> {
  const pid = processIdOf(child);
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
  if (profiling) child.kill("SIGUSR2");
  const start = performance.now();
  try {
    const body = await send(progress);
    const answeredMs = performance.now() - start;
    const after = await memoryOf(pid);
    peakRss = Math.max(peakRss, after.rss);
    if (profiling) await profileWritten(child, name);
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

/** Stops the server's profiler (profile-on-signal.mjs) and waits for its profile. */
async function profileWritten(child: ChildProcess, name: string): Promise<void> {
  const file = path.join(PROFILE_DIR, `${name}.cpuprofile`);
  await rm(file, { force: true });
  child.kill("SIGUSR2");
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 50));
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
