import pg from "pg";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { measureLoad } from "../http-load.ts";
import { SESSION_TOUCH } from "../poort-sql.ts";
import {
  type BenchDatabase,
  benchSession,
  buildPoort,
  type Captured,
  CONCURRENCY,
  DURATION_MS,
  fetchCapturing,
  listen,
  POOL_SIZE,
  WARMUP_MS,
} from "../poort-vs-bare.ts";
import { printTable, ratio } from "../report.ts";
import { saveRequestBody } from "./answers.ts";
import { bareSaveServer } from "./bare-save-server.ts";
import { SAVED_PAGE } from "./questionnaire.ts";
import type { Measured } from "./seed.ts";

/**
 * Saving the page under load on the baseline, on the bare server with all of Poort's SQL, and on
 * Poort: spread over the measured client's actions, and all on one action (its row lock takes
 * them in turn). First one save on each, to check that the bare server still sends Poort's SQL.
 * Returns Poort's answer to that save.
 */
export async function measureSaves(
  database: BenchDatabase,
  definition: QuestionnaireDefinition,
  measured: Measured,
): Promise<unknown> {
  const poort = await buildPoort(database);
  const bare = bareSaveServer(database.bare, definition, measured);
  const captured: Captured = { queries: undefined };
  const stopCapturing = captureClientQueries(captured);
  try {
    const poortUrl = await listen(poort.app);
    const bareUrl = await listen(bare);
    const { cookie, csrfToken } = await benchSession(database, measured.accountId);
    const headers = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
    const body = saveRequestBody(definition);
    const servers = [
      { server: "bare Fastify + pg (baseline)", base: bareUrl },
      { server: "bare + all of Poort's SQL", base: `${bareUrl}/with-session/poort-sql` },
      { server: "Poort", base: `${poortUrl}/api/portal` },
    ];
    const urls = (base: string, actionIds: readonly string[]) =>
      actionIds.map((actionId) => `${base}/actions/${actionId}/pages/${SAVED_PAGE}`);
    const first = measured.actionIds.slice(0, 1);

    const checks = [];
    for (const { server, base } of servers) {
      const url = urls(base, first)[0] as string;
      const { text, queries } = await fetchCapturing(
        url,
        { method: "PUT", headers, body },
        captured,
      );
      checks.push({ server, text, queries, bytes: Buffer.byteLength(text) });
    }
    stopCapturing();
    checkSameSql(checks[2]?.queries ?? [], checks[1]?.queries ?? []);
    console.log(
      `One save: ${checks.map(({ server, queries, bytes }) => `${server} ${queries.length} queries, answered ${(bytes / 1024).toFixed(1)} KB`).join("; ")}.`,
    );

    const rows: Array<Record<string, string | number>> = [];
    for (const [spread, actionIds] of [
      [`${measured.actionIds.length} actions in turn`, measured.actionIds],
      ["one action", first],
    ] as const) {
      let baselinePerSecond = 0;
      for (const { server, base } of servers) {
        const result = await measureLoad({
          url: urls(base, actionIds),
          method: "PUT",
          body: Buffer.from(body),
          headers,
          concurrency: CONCURRENCY,
          warmupMs: WARMUP_MS,
          durationMs: DURATION_MS,
        });
        baselinePerSecond ||= result.perSecond;
        rows.push({
          saves: spread,
          server,
          "req/s": Math.round(result.perSecond),
          "p50 ms": result.p50.toFixed(1),
          "p95 ms": result.p95.toFixed(1),
          vs: ratio(result.perSecond, baselinePerSecond),
        });
      }
    }
    console.log(
      `PUT …/pages/${SAVED_PAGE} with the page's 10 answers and go "stay"; ${CONCURRENCY} keep-alive connections, ` +
        `${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s each; pools of ${POOL_SIZE}; ` +
        `"vs" is requests per second relative to the bare server (baseline).`,
    );
    printTable(rows);
    return JSON.parse(checks[2]?.text ?? "{}");
  } finally {
    stopCapturing();
    await poort.close();
    await bare.close();
  }
}

/**
 * Records what every pg client sends into `captured`, until the returned undo. On the clients
 * rather than the pools: Poort's save runs in a transaction, on a client it takes from the pool.
 */
function captureClientQueries(captured: Captured): () => void {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first] = args;
    captured.queries?.push(typeof first === "string" ? first : (first as { text: string }).text);
    return query.apply(this, args);
  };
  return () => {
    prototype.query = query;
  };
}

/** Poort's queries for one save are the bare server's with Poort's SQL (but the session's touch). */
function checkSameSql(poort: string[], bare: string[]): void {
  const sent = poort.filter((text) => text !== SESSION_TOUCH);
  if (sent.join("\n;\n") === bare.join("\n;\n")) {
    console.log(`The bare server ran the same ${bare.length} queries as Poort, in the same order.`);
    return;
  }
  console.warn("The bare server's SQL no longer matches Poort's; copy it again:");
  for (const text of sent.filter((text) => !bare.includes(text))) {
    console.warn(`  Poort: ${JSON.stringify(text)}`);
  }
  for (const text of bare.filter((text) => !sent.includes(text))) {
    console.warn(`  bare:  ${JSON.stringify(text)}`);
  }
}

/** How many rows of `actions` the saves updated, and how many of those without touching an index. */
export async function printActionUpdates(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ updates: string; hot: string }>(
    "SELECT n_tup_upd AS updates, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = 'actions'",
  );
  const stats = rows[0];
  if (stats) {
    console.log(
      `actions: ${Number(stats.updates).toLocaleString("en")} rows updated, ${Number(stats.hot).toLocaleString("en")} of them HOT (no index touched) as the statistics say so far.`,
    );
  }
}
