import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import fastify, { type FastifyInstance } from "fastify";
import pg from "pg";
import pino from "pino";
import { buildApp } from "#src/server/app.ts";
import { loadConfig } from "#src/server/config.ts";
import { SESSION_COOKIE } from "#src/server/modules/accounts/session-plugin.ts";
import { startSession } from "#src/server/modules/accounts/sessions.ts";
import { systemClock } from "#src/server/platform/clock.ts";
import { type DatabaseHandle, openDatabase } from "#src/server/platform/db/database.ts";
import { migrateDatabase } from "#src/server/platform/db/migrate.ts";
import { hashToken } from "#src/server/platform/security/random-secrets.ts";
import { createServices } from "#src/server/services.ts";
import { withAdminClient } from "#test/support/postgres-admin.ts";
import { freshDatabase } from "./bench-database.ts";
import { maybeProfiled } from "./cpu-profile.ts";
import { measureLoad } from "./http-load.ts";
import { SESSION_CONTEXT, SESSION_TOUCH } from "./poort-sql.ts";
import { printTable, ratio } from "./report.ts";

/**
 * What the database benchmarks share: a seeded PostgreSQL database of their own, Poort in this
 * process (`buildApp` on a free port) next to a bare Fastify + pg server that runs the same SQL
 * without sessions, validation, serialisation or Drizzle, the check that both still send the
 * same SQL, the same load on both (from a worker thread), and the plans of the queries.
 */

/** The load of a measurement: keep-alive connections, and how long it is warmed up and measured. */
export const CONCURRENCY = 16;
export const WARMUP_MS = 2_000;
export const DURATION_MS = 10_000;
/** The same pool size for Poort and the bare server. */
export const POOL_SIZE = 10;

export interface BenchDatabase {
  databaseUrl: string;
  /** Poort's handle on the database. */
  handle: Extract<DatabaseHandle, { kind: "postgres" }>;
  /** The bare server's pool, of the same size. */
  bare: pg.Pool;
}

/**
 * A new, migrated database `name` on the server of DATABASE_URL for `work`, dropped afterwards.
 * Without DATABASE_URL the benchmark is skipped, saying why (`needs`).
 */
export async function withBenchDatabase(
  name: string,
  needs: string,
  work: (database: BenchDatabase) => Promise<void>,
): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.log(`skipped: set DATABASE_URL (${needs})`);
    return;
  }
  const databaseUrl = await freshDatabase(serverUrl, name);
  const handle = await openDatabase({ databaseUrl, poolSize: POOL_SIZE });
  const bare = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  // As Poort's pool does: a connection that the DROP below ends while the pool lets it go must
  // not crash the run.
  bare.on("error", () => {});
  try {
    if (handle.kind !== "postgres") throw new Error("expected PostgreSQL");
    await migrateDatabase(handle);
    await work({ databaseUrl, handle, bare });
  } finally {
    await bare.end();
    await handle.close();
    await withAdminClient(serverUrl, (admin) =>
      admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    );
  }
}

/**
 * A complete (logged-in) session of the account, made as a login makes it: its cookie, and the
 * CSRF token that a request which writes must send with it.
 */
export async function benchSession(
  database: BenchDatabase,
  accountId: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const { token, session } = await startSession(
    database.handle.db,
    systemClock,
    accountId,
    "complete",
    { ip: "127.0.0.1", userAgent: "bench" },
  );
  return { cookie: `${SESSION_COOKIE}=${token}`, csrfToken: session.csrfToken };
}

/** The cookie of a complete (logged-in) session of the account, made as a login makes it. */
export async function sessionCookie(database: BenchDatabase, accountId: string): Promise<string> {
  return (await benchSession(database, accountId)).cookie;
}

// ── The bare server ────────────────────────────────────────────────────────────────────

const SESSION_QUERIES = new Set([SESSION_CONTEXT]);

/** A row as pg gives it with `rowMode: "array"`, the columns by position. */
export type Row = unknown[];
export type Rows = (text: string, values: unknown[]) => Promise<Row[]>;

/**
 * A plain Fastify server with the benchmark's routes, which run their SQL with `rows` (no
 * session: the actor is fixed, as a session would have given it); the same routes again under
 * `/with-session` after the session plugin's query (no cookie plugin, no CSRF, no account
 * rules): what the database work of a session costs on its own; and under `/prepared` with
 * the session's query too, each statement prepared by name as Poort prepares its hot queries:
 * what is left is the cost of Poort's own code.
 */
export function bareServer(
  pool: pg.Pool,
  routes: (app: FastifyInstance, rows: Rows) => void,
): FastifyInstance {
  const app = fastify();
  const rows: Rows = async (text, values) =>
    (await pool.query({ text, values, rowMode: "array" })).rows;
  const statementNames = new Map<string, string>();
  const preparedRows: Rows = async (text, values) => {
    let name = statementNames.get(text);
    if (!name) {
      name = `bare_${statementNames.size}`;
      statementNames.set(text, name);
    }
    return (await pool.query({ name, text, values, rowMode: "array" })).rows;
  };
  void app.register(async (scope) => routes(scope, rows));
  for (const [prefix, run] of [
    ["/with-session", rows],
    ["/prepared", preparedRows],
  ] as const) {
    void app.register(
      async (scope) => {
        scope.addHook("onRequest", async (request, reply) => {
          const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(
            request.headers.cookie ?? "",
          )?.[1];
          const [session] = token
            ? await run(SESSION_CONTEXT, [hashToken(token), new Date().toISOString()])
            : [];
          if (!session) return reply.code(401).send();
        });
        routes(scope, run);
      },
      { prefix },
    );
  }
  return app;
}

// ── Measuring ──────────────────────────────────────────────────────────────────────────

export interface Endpoint {
  name: string;
  /** Poort's path and query, and the bare server's for the same answer. */
  poort: string;
  bare: string;
  /** The session's cookie (the bare server reads it only under `/with-session`). */
  cookie: string;
  /**
   * Fewer connections for longer, for a request that keeps the database busy for most of a
   * second: 16 at once would only queue, and few would end within the time.
   */
  load?: { concurrency: number; durationMs: number };
}

/** The texts of the queries sent while `queries` is set. */
export interface Captured {
  queries: string[] | undefined;
}

/** A running Poort app on the bench database, and how to stop it. */
export interface BenchPoort {
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Poort on the bench database (with jobs off and the general API limit off: one session under
 * load on purpose, and the figures are about the handlers), with a data folder of its own that
 * `close` removes.
 */
export async function buildPoort(database: BenchDatabase): Promise<BenchPoort> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-bench-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: database.databaseUrl,
    LOG_LEVEL: "silent",
    JOBS_ENABLED: "false",
    API_RATE_LIMIT_PER_SESSION: "0",
    API_RATE_LIMIT_PER_IP: "0",
  });
  const services = await createServices(config, pino({ level: "silent" }), {
    database: database.handle,
  });
  const app = await buildApp(services);
  return {
    app,
    async close() {
      await app.close();
      await services.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Poort (`buildPoort`) and the bare server, both listening; then each endpoint is checked (same
 * SQL, an answer) and measured on the bare server, the bare server with the session's query (plain and prepared),
 * and Poort, and the table printed; then, with `soakRequests`, Poort's memory over that many
 * requests to the first endpoint (`soak`).
 */
export async function comparePoortWithBare(
  database: BenchDatabase,
  bareApp: FastifyInstance,
  endpoints: readonly Endpoint[],
  describeAnswer: (body: unknown) => string,
  options: { soakRequests?: number } = {},
): Promise<void> {
  const captured: Captured = { queries: undefined };
  captureQueries(database.handle.pool, captured);
  captureQueries(database.bare, captured);
  const poort = await buildPoort(database);
  try {
    const poortUrl = await listen(poort.app);
    const bareUrl = await listen(bareApp);
    const rows: Array<Record<string, string | number>> = [];
    for (const endpoint of endpoints) {
      const servers = [
        { server: "bare Fastify + pg (baseline)", url: `${bareUrl}${endpoint.bare}` },
        { server: "bare + the session's query", url: `${bareUrl}/with-session${endpoint.bare}` },
        {
          server: "bare + the session's query, prepared",
          url: `${bareUrl}/prepared${endpoint.bare}`,
        },
        { server: "Poort", url: `${poortUrl}${endpoint.poort}` },
      ] as const;
      const [bareAnswer, withSessionAnswer, , poortAnswer] = [
        await get(servers[0].url, endpoint.cookie, captured),
        await get(servers[1].url, endpoint.cookie, captured),
        await get(servers[2].url, endpoint.cookie, captured),
        await get(servers[3].url, endpoint.cookie, captured),
      ];
      checkSameSql(
        endpoint.name,
        poortAnswer.queries,
        bareAnswer.queries,
        withSessionAnswer.queries,
      );
      console.log(`${endpoint.name}: ${describeAnswer(poortAnswer.body)}`);
      let baseline = 0;
      for (const { server, url } of servers) {
        const load = () =>
          measureLoad({
            url,
            headers: { cookie: endpoint.cookie },
            concurrency: endpoint.load?.concurrency ?? CONCURRENCY,
            warmupMs: WARMUP_MS,
            durationMs: endpoint.load?.durationMs ?? DURATION_MS,
          });
        const measured =
          server === "Poort" ? await maybeProfiled(`${endpoint.name}, Poort`, load) : await load();
        baseline ||= measured.perSecond;
        rows.push({
          endpoint: endpoint.name,
          server,
          // One decimal for a slow endpoint, whose 1.6 and 2.4 would both read "2".
          "req/s": Number(measured.perSecond.toFixed(measured.perSecond < 10 ? 1 : 0)),
          "p50 ms": measured.p50.toFixed(1),
          "p95 ms": measured.p95.toFixed(1),
          vs: ratio(measured.perSecond, baseline),
          "peak RSS MiB": measured.peakRssMiB,
        });
      }
    }
    const loads = endpoints.flatMap(({ name, load }) =>
      load ? [`; ${name}: ${load.concurrency} for ${load.durationMs / 1000} s`] : [],
    );
    console.log(
      `${CONCURRENCY} keep-alive connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s each${loads.join("")}; ` +
        `pools of ${POOL_SIZE}; "vs" is requests per second relative to the bare server (baseline).`,
    );
    printTable(rows);
    const [first] = endpoints;
    if (options.soakRequests && first) {
      await soak(`${poortUrl}${first.poort}`, first.cookie, options.soakRequests);
    }
  } finally {
    await poort.close();
    await bareApp.close();
  }
}

/** How long each round of the soak runs; the memory is read between rounds. */
const SOAK_ROUND_MS = 10_000;
const MiB = 1024 * 1024;

/**
 * Memory over many requests: `url` under load in rounds until `totalRequests` have been
 * answered, with this process's resident set and V8 heap after each round. A leak shows as
 * growth that does not flatten.
 */
export async function soak(url: string, cookie: string, totalRequests: number): Promise<void> {
  const start = process.memoryUsage();
  const rows: Array<Record<string, string | number>> = [
    {
      requests: 0,
      "req/s": "",
      "RSS MiB": Math.round(start.rss / MiB),
      "heap used MiB": Math.round(start.heapUsed / MiB),
    },
  ];
  let answered = 0;
  while (answered < totalRequests) {
    const measured = await measureLoad({
      url,
      headers: { cookie },
      concurrency: CONCURRENCY,
      warmupMs: 0,
      durationMs: SOAK_ROUND_MS,
    });
    answered += measured.requests;
    const memory = process.memoryUsage();
    rows.push({
      requests: answered.toLocaleString("en"),
      "req/s": Math.round(measured.perSecond),
      "RSS MiB": Math.round(memory.rss / MiB),
      "heap used MiB": Math.round(memory.heapUsed / MiB),
    });
  }
  console.log(
    `\nMemory of this process (Poort, and the load's worker while it runs) over ${answered.toLocaleString("en")} requests, read after each round of ${SOAK_ROUND_MS / 1000} s:`,
  );
  printTable(rows);
}

/** Records the text of each query the pool runs while `captured.queries` is set. */
function captureQueries(pool: pg.Pool, captured: Captured): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
    const [first] = args;
    captured.queries?.push(typeof first === "string" ? first : (first as { text: string }).text);
    return query(...args);
  };
}

async function get(url: string, cookie: string, captured: Captured) {
  const { text, queries } = await fetchCapturing(url, { headers: { cookie } }, captured);
  return { body: JSON.parse(text) as unknown, queries };
}

/** One request, with the answer's text and the queries sent meanwhile; any failure fails the run. */
export async function fetchCapturing(url: string, init: RequestInit, captured: Captured) {
  captured.queries = [];
  const response = await fetch(url, init);
  const text = await response.text();
  const queries = captured.queries;
  captured.queries = undefined;
  if (!response.ok) {
    throw new Error(`${init.method ?? "GET"} ${url}: ${response.status} ${text}`);
  }
  return { text, queries };
}

/**
 * Poort's queries for one request are the session's and then exactly the bare server's; the
 * bare server with the session's query runs all of them (but the touch of the session, which
 * Poort writes at most once a minute).
 */
function checkSameSql(name: string, sent: string[], bare: string[], withSession: string[]) {
  const sorted = (texts: string[]) => [...texts].sort().join("\n;\n");
  const poort = sent.filter((text) => text !== SESSION_TOUCH);
  const data = poort.filter((text) => !SESSION_QUERIES.has(text));
  if (sorted(data) === sorted(bare) && sorted(poort) === sorted(withSession)) {
    console.log(
      `${name}: the bare server ran the same ${bare.length} queries as Poort, which ran ${poort.length - data.length} more for the session.`,
    );
    return;
  }
  console.warn(`${name}: the bare server's SQL no longer matches Poort's; copy it again:`);
  for (const text of poort.filter((text) => !withSession.includes(text))) {
    console.warn(`  Poort: ${JSON.stringify(text)}`);
  }
  for (const text of withSession.filter((text) => !poort.includes(text))) {
    console.warn(`  bare:  ${JSON.stringify(text)}`);
  }
}

/** Listens on a free port of 127.0.0.1; returns the app's base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

// ── Plans ──────────────────────────────────────────────────────────────────────────────

export interface ExplainedQuery {
  name: string;
  text: string;
  values: unknown[];
  /** The query should read one of these indexes; the run warns when its plan does not. */
  expectIndex?: readonly string[];
}

/**
 * The plans of the measured queries, with their timings, to see what an index would change;
 * under each, the facts that matter: the indexes it reads, and any sequential scan.
 */
export async function explain(pool: pg.Pool, queries: readonly ExplainedQuery[]): Promise<void> {
  for (const { name, text, values, expectIndex } of queries) {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, COSTS OFF) ${text}`,
      values,
    );
    const lines = rows.map((row) => row["QUERY PLAN"]);
    console.log(
      `\nplan of the ${name}:\n${lines.filter((line) => !line.startsWith("Planning")).join("\n")}`,
    );
    const indexes = new Set(
      lines
        .flatMap((line) => [...line.matchAll(/Index (?:Only )?Scan(?: Backward)? using (\S+)/g)])
        .concat(lines.flatMap((line) => [...line.matchAll(/Bitmap Index Scan on (\S+)/g)]))
        .map((match) => match[1] as string),
    );
    const seqScans = lines.flatMap((line) => [...line.matchAll(/Seq Scan on (\S+)/g)]);
    console.log(
      `→ ${name}: indexes ${[...indexes].join(", ") || "none"}; ` +
        `sequential scans ${seqScans.map((match) => match[1]).join(", ") || "none"}`,
    );
    if (expectIndex && !expectIndex.some((index) => indexes.has(index))) {
      console.warn(`→ ${name} reads none of ${expectIndex.join(", ")}`);
    }
  }
}
