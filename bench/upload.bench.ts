import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { count, inArray } from "drizzle-orm";
import pino from "pino";
import { type Config, loadConfig } from "#src/server/config.ts";
import { DEMO_PASSWORD, seedDemo } from "#src/server/demo/seed-demo.ts";
import {
  findAccountByEmail,
  listAccountMemberships,
} from "#src/server/modules/accounts/repository.ts";
import { clientActorOf, staffActorOf } from "#src/server/modules/accounts/request-actors.ts";
import { documents } from "#src/server/modules/documents/schema.ts";
import { clientDossierList, createDossier } from "#src/server/modules/dossiers/service.ts";
import { resumableUploads } from "#src/server/modules/portal/schema.ts";
import { objectStoreOf } from "#src/server/platform/blobs/file-storage.ts";
import type { ObjectStore } from "#src/server/platform/blobs/object-store.ts";
import { createServices, type Services } from "#src/server/services.ts";
import { type Clamd, clamdRequired, startClamd } from "#test/support/clamd.ts";
import { withAdminClient } from "#test/support/postgres-admin.ts";
import { type S3Server, s3Environment, startS3Server } from "#test/support/s3-server.ts";
import { freePort, startServerProcess } from "#test/support/server-process.ts";
import { freshDatabase } from "./bench-database.ts";
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
/** The namespace of the object store that holds the parts of uploads in progress. */
const UPLOAD_PARTS = "upload-parts/";

/** Uploads per server; each row shows the median, against noise from whatever else runs. */
const ROUNDS = 5;

/**
 * A 1 GiB file through the portal's tus upload (one POST, then one PATCH that streams the whole
 * body, which is what is timed) to Poort running as a child process from `dist/`, so that its
 * memory is its own; next to a bare `node:http` child process that pipes the request body to a
 * file on the same disk, the two taking turns upload by upload. Poort seals the body into a part
 * in its object store and answers the PATCH only after the file checks (the type from the
 * part's head; with clamd, a scan that reads the file once) and after keeping the part as the
 * document, so all of that is inside the time to the answer; the time is split into sending the body and what follows it. Poort is
 * measured with its objects on disk, in an S3 bucket of s3rver, and, where clamd is installed,
 * on disk again with a clamd of its own scanning every upload. Afterwards the run checks that
 * every upload became a document with the sent file's SHA-256, downloads one per row to hash
 * it, and checks that nothing of the uploads in progress is left.
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
  let s3: S3Server | undefined;
  const { DATABASE_URL: databaseUrl } = process.env;
  const databases: string[] = [];
  /** A store's Poort on a database of its own on that server, or on its embedded PGlite. */
  const storeIn = async (name: string, environment: Record<string, string>, server?: S3Server) => {
    const database = databaseUrl && `poort_bench_upload_${name}`;
    if (database) databases.push(database);
    const onServer: Record<string, string> = database
      ? { DATABASE_URL: await freshDatabase(databaseUrl, database) }
      : {};
    return storeOf(path.join(work, name), { ...environment, ...onServer }, server);
  };
  try {
    const sentSha256 = sha256OfFile();
    const onDisk = await storeIn("disk", { BLOB_STORE: "disk" });
    s3 = await startS3Server();
    const inS3 = await storeIn("s3", s3Environment(s3), s3);
    await prepareDemoData(onDisk);
    await prepareDemoData(inS3);
    const bare = await startBareServer(path.join(work, "baseline", "upload.bin"));
    children.push(bare.child);

    const measured = async (
      store: PoortStore,
      environment: Record<string, string>,
      name: string,
    ) => {
      const poort = await startPoort(store, environment, name);
      children.push(poort.child);
      const [baseline, result] = await takingTurns(bare, poort);
      await poort.stop();
      return { baseline, result, stored: poort.stored };
    };
    const disk = await measured(onDisk, {}, "poort-disk");
    const bucket = await measured(inS3, {}, "poort-s3");
    // StreamMaxLength above the file's size: clamd refuses a longer stream.
    clamd = clamdRequired ? await startClamd({ streamMaxLength: "2000M" }) : undefined;
    const scanned =
      clamd && (await measured(onDisk, { CLAMAV_URL: clamd.url }, "poort-disk-clamd"));
    const poortRows = [disk, bucket, ...(scanned ? [scanned] : [])];
    const baseline = joined(poortRows.map((row) => row.baseline));

    const checks = [
      await storedAsSent(onDisk, [disk, ...(scanned ? [scanned] : [])], sentSha256),
      await storedAsSent(inS3, [bucket], sentSha256),
    ];
    const documentCount = sum(checks.map((check) => check.documents));
    const asSent = sum(checks.map((check) => check.asSent));
    const downloads = poortRows.map((row) => row.stored.downloadedSha256);
    const uploadRows = sum(checks.map((check) => check.resumableUploads));
    const partObjects = sum(checks.map((check) => check.partObjects));
    console.log(
      `1 GiB (${FILE_BYTES.toLocaleString("en")} bytes) in ${CHUNK_BYTES / MiB} MiB writes over ` +
        `loopback, ${ROUNDS} uploads per Poort row and ${baseline.rounds.length} of the ` +
        `baseline (taking turns with Poort), medians shown. Every upload became a document ` +
        `(${disk.stored.contentType}), sealed in its store: ${asSent} of ${documentCount} with ` +
        `the sent file's SHA-256 (${sentSha256.slice(0, 12)}…) and their row's scan status ` +
        `(clean where clamd scanned); the last of each Poort row, ` +
        `downloaded through the API, hashes ` +
        `${downloads.every((sha256) => sha256 === sentSha256) ? "the same" : "DIFFERENTLY"}. ` +
        `Left of the uploads: ${uploadRows} resumable_uploads rows, ${partObjects} objects ` +
        `under ${UPLOAD_PARTS} (on disk: files under DATA_DIR/${UPLOAD_PARTS}; in S3: the ` +
        "bucket's listing).",
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
      row("Poort tus PATCH, disk store, no virus scanner", disk.result),
      row("Poort tus PATCH, S3 store (s3rver), no virus scanner", bucket.result),
      ...(scanned ? [row("Poort tus PATCH, disk store, clamd INSTREAM", scanned.result)] : []),
    ]);
    const peak = baseline.exactPeak
      ? "VmHWM, reset before the first"
      : `sampled every ${SAMPLE_MS} ms`;
    console.log(
      `"vs": throughput to the answer against the baseline's. "RSS growth": the peak RSS ` +
        `during a server's uploads (${peak}) less its RSS before the first. ` +
        (databaseUrl
          ? "Poort on PostgreSQL (DATABASE_URL), a database of its own per store. "
          : "Poort on its embedded PGlite (no DATABASE_URL), which its RSS before holds. ") +
        "Both stores seal every file (AES-256-GCM). The S3 " +
        "row's server is s3rver, a Node.js S3 test server that writes to this machine's disk " +
        "and shares its cores with Poort (its own memory is not counted): that row is a floor " +
        "for S3, not a forecast for AWS S3 or another real service. " +
        (scanned
          ? "With clamd (a private one, with its default scan limits), the scan is inside the " +
            "timed part: Poort answers the PATCH only after clamd's verdict."
          : "clamd is not installed here: no row with a virus scan."),
    );
    if (profiling) {
      console.log(`CPU profiles of each server's last upload: ${PROFILE_DIR}/*.cpuprofile`);
    }
    const wrong = [
      asSent < documentCount && `${documentCount - asSent} uploads not stored as sent`,
      downloads.some((sha256) => sha256 !== sentSha256) && "a download differs from the upload",
      uploadRows > 0 && `${uploadRows} resumable_uploads rows left`,
      partObjects > 0 && `${partObjects} upload parts left`,
    ].filter(Boolean);
    if (wrong.length > 0) throw new Error(`The uploads went wrong: ${wrong.join("; ")}`);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await clamd?.stop();
    await s3?.close();
    for (const database of databases) {
      await withAdminClient(databaseUrl as string, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
      );
    }
    await rm(work, { recursive: true, force: true });
  }
}

/** A server the benchmark uploads to: its process, and one upload's sending. */
interface UploadTarget {
  name: string;
  child: ChildProcess;
  /** Readies an upload (untimed); the function it gives sends the body and answers the reply. */
  prepare(): Promise<(progress: { sentAt?: number }) => Promise<string>>;
  /** Untimed, after each answer: checks and clears away what the upload stored. */
  settle(answer: string, last: boolean): Promise<void>;
}

/** The uploads of one server, and its memory over them. */
interface Series {
  rounds: Measured[];
  rssBefore: number;
  /** The highest RSS sampled, or VmHWM when it counts from before the first upload. */
  peakRss: number;
  exactPeak: boolean;
}

/** `ROUNDS` uploads to each of the two in turn, so that both see the same machine. */
async function takingTurns(first: UploadTarget, second: UploadTarget): Promise<[Series, Series]> {
  const series = async (target: UploadTarget): Promise<Series> => {
    const pid = processIdOf(target.child);
    const exactPeak = await resetPeakRss(pid);
    const { rss } = await memoryOf(pid);
    return { rounds: [], rssBefore: rss, peakRss: rss, exactPeak };
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
      await target.settle(result.body, round === ROUNDS - 1);
    }
  }
  return [firstSeries, secondSeries];
}

/** The baseline's rounds of every phase, its memory from the first. */
function joined([first, ...others]: Series[]): Series {
  if (!first) throw new Error("no baseline was measured");
  return {
    ...first,
    rounds: [first, ...others].flatMap((series) => series.rounds),
    peakRss: Math.max(first.peakRss, ...others.map((series) => series.peakRss)),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** What a server process needs to write a CPU profile of its upload, with `--profile`. */
function profilerEnvironment(name: string): Record<string, string> {
  if (!profiling) return {};
  return {
    NODE_OPTIONS: `--import=${PROFILER}`,
    POORT_PROFILE_FILE: path.join(PROFILE_DIR, `${name}.cpuprofile`),
  };
}

// ── The Poort side ─────────────────────────────────────────────────────────────────────

/**
 * Where one Poort keeps its data: a DATA_DIR and a database of its own (PGlite in DATA_DIR, or
 * one on the server of DATABASE_URL), and the object store that its environment's BLOB_STORE
 * names, reached here as Poort reaches it.
 */
interface PoortStore {
  config: Config;
  environment: Record<string, string>;
  objects: ObjectStore;
  /** The S3 server, for the S3 store. */
  s3?: S3Server;
}

function storeOf(dataDir: string, environment: Record<string, string>, s3?: S3Server): PoortStore {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", ...environment });
  return { config, environment, objects: objectStoreOf(config), ...(s3 ? { s3 } : {}) };
}

/** What a Poort row's uploads became. */
interface Stored {
  documentIds: string[];
  contentType: string;
  /** What each document must record of the virus scan: "clean" where clamd scanned it. */
  scanStatus: "clean" | "not-scanned";
  /** The SHA-256 of its last upload, downloaded again through the API. */
  downloadedSha256: string;
}

/** Poort from `dist/` on the demo data, logged in as Jan Jansen, uploading into his dossier. */
async function startPoort(
  store: PoortStore,
  environment: Record<string, string>,
  name: string,
): Promise<UploadTarget & { stop(): Promise<unknown>; stored: Stored }> {
  const server = await startServerProcess(
    {
      DATA_DIR: store.config.dataDir,
      UPLOAD_MAX_BYTES: String(2 * 1024 * MiB),
      ...store.environment,
      ...environment,
      ...profilerEnvironment(name),
    },
    { built: true },
  );
  const browser = await logIn(server.url);
  const dossierId = await firstDossier(server.url, browser);
  const stored: Stored = {
    documentIds: [],
    contentType: "",
    scanStatus: environment.CLAMAV_URL ? "clean" : "not-scanned",
    downloadedSha256: "",
  };
  return {
    name,
    child: server.child,
    stop: () => server.stop(),
    stored,
    async prepare() {
      const location = await createUpload(server.url, browser, dossierId);
      return (progress) =>
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
        );
    },
    async settle(answer, last) {
      const document = JSON.parse(answer) as { id?: string; size?: number; contentType?: string };
      if (!document.id || document.size !== FILE_BYTES) {
        throw new Error(`unexpected answer: ${answer}`);
      }
      stored.documentIds.push(document.id);
      stored.contentType = document.contentType ?? "";
      if (last) {
        const content = `${server.url}/api/portal/documents/${document.id}/content`;
        stored.downloadedSha256 = await downloadedSha256(content, browser.headers);
      }
      await discardStoredGigabytes(store.objects);
    },
  };
}

/**
 * Deletes the uploads stored in Poort's blob store (the only objects of a gigabyte or more),
 * after their answer: the page cache drops what the disk has not written yet, as it does for
 * the baseline's file, which each of its uploads overwrites. Otherwise the gigabytes piling up
 * would be written back during later uploads and slow them down, whichever server they go to.
 * Their documents keep their rows, which the checks at the end read.
 */
async function discardStoredGigabytes(objects: ObjectStore): Promise<void> {
  for await (const object of objects.list("blobs/")) {
    if (object.size >= FILE_BYTES) await objects.delete(object.key);
  }
}

/** The SHA-256 of a download, streamed. */
async function downloadedSha256(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers });
  if (!response.ok || !response.body) {
    throw new Error(`download ${url}: ${response.status} ${await response.text()}`);
  }
  const hash = createHash("sha256");
  for await (const chunk of response.body) hash.update(chunk);
  return hash.digest("hex");
}

/** The SHA-256 of the file every upload sends. */
function sha256OfFile(): string {
  const hash = createHash("sha256");
  for (const chunk of fileChunks()) hash.update(chunk);
  return hash.digest("hex");
}

/**
 * After the servers of a store have stopped: how many of the documents the rows' uploads became
 * hold the sent file (by the SHA-256 taken as it was stored) with the scan their row made, and
 * what is left of the uploads
 * in progress: their rows, and the parts' objects, listed raw (every file on disk, every key in
 * the bucket), not through the store, which passes over what it does not recognise.
 */
async function storedAsSent(
  store: PoortStore,
  rows: Array<{ stored: Stored }>,
  sentSha256: string,
): Promise<{ documents: number; asSent: number; resumableUploads: number; partObjects: number }> {
  const expected = new Map(
    rows.flatMap(({ stored }) => stored.documentIds.map((id) => [id, stored.scanStatus])),
  );
  const ids = [...expected.keys()];
  return withServices(store, async ({ database: { db } }) => {
    const stored = await db
      .select({
        id: documents.id,
        size: documents.size,
        sha256: documents.sha256,
        scanStatus: documents.scanStatus,
      })
      .from(documents)
      .where(inArray(documents.id, ids));
    const [uploads] = await db.select({ rows: count() }).from(resumableUploads);
    return {
      documents: ids.length,
      asSent: stored.filter(
        (row) =>
          row.size === FILE_BYTES &&
          row.sha256 === sentSha256 &&
          row.scanStatus === expected.get(row.id),
      ).length,
      resumableUploads: uploads?.rows ?? 0,
      partObjects: store.s3
        ? await keysUnder(store.s3, UPLOAD_PARTS)
        : filesUnder(path.join(store.config.dataDir, UPLOAD_PARTS)),
    };
  });
}

function filesUnder(folder: string): number {
  if (!existsSync(folder)) return 0;
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  ).length;
}

async function keysUnder(s3: S3Server, prefix: string): Promise<number> {
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    credentials: s3.credentials,
    forcePathStyle: true,
  });
  try {
    const listing = await client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }),
    );
    return listing.KeyCount ?? 0;
  } finally {
    client.destroy();
  }
}

/** Poort's services on the store's data, as the server opens them, for work outside a server. */
async function withServices<T>(store: PoortStore, work: (services: Services) => Promise<T>) {
  const services = await createServices(store.config, pino({ level: "silent" }));
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

/**
 * The demo data, loaded before the server starts on the same store: when the demo has no
 * dossier for Jan Jansen yet, one is made for him as the demo admin would.
 */
async function prepareDemoData(store: PoortStore): Promise<void> {
  await withServices(store, async (services) => {
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
  });
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
    // Each upload overwrites the one before.
    settle: async () => {},
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
