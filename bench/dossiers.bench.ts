import type { FastifyInstance } from "fastify";
import type pg from "pg";
import { maybeProfiled } from "./cpu-profile.ts";
import {
  DOSSIERS_PER_OFFICE,
  LARGE_OFFICE,
  LARGE_OFFICE_DOSSIERS,
  type MeasuredPeople,
  measuredPeople,
  officesFrom,
  SCALES,
  searchingOffices,
  searchTexts,
} from "./dossiers-seed.ts";
import { measureLoad } from "./http-load.ts";
import * as poortSql from "./poort-sql.ts";
import * as baseline from "./poort-vs-bare.ts";
import { printTable } from "./report.ts";
import { seedDatabase, seedTimes } from "./seed-sql.ts";

const DATABASE = "poort_bench_dossiers";
/** Requests to the client dossier list after which Poort's memory is read (issue 17). */
const SOAK_REQUESTS = 100_000;
const CLIENT_DOSSIER_LIST = "/api/portal/dossiers?status=in-progress";
const STAFF_SEARCH = "/api/office/dossiers?q=";
/** Each measurement as the database grows, and in the large office: shorter than the comparison's. */
const STEP_LOAD = {
  concurrency: baseline.CONCURRENCY,
  warmupMs: baseline.WARMUP_MS,
  durationMs: 5_000,
};
/**
 * The unmeasured load on each new Poort before its first measurement (see `withPoort`): its
 * throughput still rises for about 20 s (the first step measured 642 req/s after 7 s of load,
 * 833 after 22 s), which the first step would otherwise count as the cost of a small database.
 */
const PROCESS_WARMUP_MS = 20_000;
/**
 * Issue 17's goals: the client's list may slow down by this much (p95) from 1,000 to 1,000,000
 * dossiers in the database, and the staff search from an office of 100 to one of 50,000.
 */
const GROWTH_GOAL = 1.5;
const LARGE_OFFICE_GOAL = 2;
/** The index (migration 0022) that lets the staff search find its matches in a large office. */
const TRIGRAM_INDEXES = ["dossiers_office_search_trgm_idx"];

/**
 * The dossier list of a client and the staff search of an office on PostgreSQL, through the whole
 * Poort app (sessions, Zod validation and serialisation, Drizzle); Poort runs in this process
 * (`buildApp` on a free port), the load comes from a worker thread. In three parts:
 * - the client's list as the database grows from 1,000 to 100,000 to 1,000,000 dossiers
 *   (the client's own 10 stay; the rest are other offices'), which should barely slow it down;
 * - at 1,000,000 dossiers (10,000 offices), both next to a bare Fastify + pg server in the same
 *   run that runs the same SQL without any of that;
 * - the staff search in an office of 50,000 dossiers next to one of 100, which should be
 *   nearly as fast, with the plan that shows how.
 */
export async function run(): Promise<void> {
  const started = process.hrtime.bigint();
  let seedingMs = 0;
  await baseline.withBenchDatabase(
    DATABASE,
    "PostgreSQL only; 1,000,000 dossiers",
    async (database: baseline.BenchDatabase) => {
      /** Adds the offices `from` to `to`, then VACUUM ANALYZE (as `seedDatabase` does). */
      const grow = async (from: number, to: number, what: string) => {
        const seeding = await seedDatabase(database.databaseUrl, officesFrom(from, to));
        seedingMs += seeding.total;
        console.log(`${what} ${seedTimes(seeding)}.`);
      };
      const who = await clientListAsTheDatabaseGrows(database, grow);

      const client = await baseline.sessionCookie(database, who.clientAccountId);
      const staff = await baseline.sessionCookie(database, who.staffAccountId);
      const search = encodeURIComponent(who.searchText);
      await baseline.comparePoortWithBare(
        database,
        bareDossierServer(database.bare, who),
        [
          {
            name: "client dossier list",
            poort: CLIENT_DOSSIER_LIST,
            bare: "/portal/dossiers?status=in-progress",
            cookie: client,
          },
          {
            name: `staff search q=${who.searchText}`,
            poort: `${STAFF_SEARCH}${search}`,
            bare: `/office/dossiers?q=${search}`,
            cookie: staff,
          },
        ],
        describeAnswer,
        { soakRequests: SOAK_REQUESTS },
      );
      await explainDossierQueries(database.bare, who);

      await grow(
        LARGE_OFFICE,
        LARGE_OFFICE,
        `Added office ${LARGE_OFFICE.toLocaleString("en")} with ${LARGE_OFFICE_DOSSIERS.toLocaleString("en")} dossiers`,
      );
      await searchInALargeOffice(database, who);
    },
  );
  console.log(
    `Seeding took ${(seedingMs / 1000).toFixed(0)} s, the whole dossier benchmark ` +
      `${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s.`,
  );
}

type Grow = (from: number, to: number, what: string) => Promise<void>;

/**
 * Poort on the bench database for `work`, which gets its base URL; first under an unmeasured
 * load on `warmUp` for `PROCESS_WARMUP_MS`, so that a new Poort's first seconds (V8 compiling
 * its code, each pooled connection's first queries) fall in no measurement.
 */
async function withPoort<T>(
  database: baseline.BenchDatabase,
  warmUp: { path: string; cookie: string },
  work: (url: string) => Promise<T>,
): Promise<T> {
  const poort = await baseline.buildPoort(database);
  try {
    const url = await baseline.listen(poort.app);
    await measureLoad({
      url: `${url}${warmUp.path}`,
      headers: { cookie: warmUp.cookie },
      concurrency: STEP_LOAD.concurrency,
      warmupMs: 0,
      durationMs: PROCESS_WARMUP_MS,
    });
    return await work(url);
  } finally {
    await poort.close();
  }
}

/** `STEP_LOAD` on one URL (profiled with `--profile`). */
function measure(label: string, url: string, cookie: string) {
  return maybeProfiled(label, () => measureLoad({ url, headers: { cookie }, ...STEP_LOAD }));
}

const thousands = (count: number) => count.toLocaleString("en");
/** A factor, or a dash when a measurement had no request end (the search of before took seconds). */
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");
const milliseconds = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "none ended");
const describeLoad = () =>
  `${STEP_LOAD.concurrency} keep-alive connections, ${STEP_LOAD.warmupMs / 1000} s warm-up + ${STEP_LOAD.durationMs / 1000} s each`;

/**
 * Seeds the database in its steps (`SCALES`) and measures the client's dossier list through
 * Poort at each; prints p50/p95 per step and how much the p95 grew. Returns the measured people.
 */
async function clientListAsTheDatabaseGrows(
  database: baseline.BenchDatabase,
  grow: Grow,
): Promise<MeasuredPeople> {
  const rows: Array<Record<string, string | number>> = [];
  const p95s: number[] = [];
  let seeded = 0;
  const growTo = async (offices: number) => {
    await grow(
      seeded + 1,
      offices,
      `Grew to ${thousands(offices)} offices, ${thousands(offices * DOSSIERS_PER_OFFICE)} dossiers`,
    );
    seeded = offices;
  };
  const [first, ...larger] = SCALES;
  await growTo(first);
  const who = await measuredPeople(database.bare);
  const cookie = await baseline.sessionCookie(database, who.clientAccountId);
  await withPoort(database, { path: CLIENT_DOSSIER_LIST, cookie }, async (poortUrl) => {
    for (const offices of [first, ...larger]) {
      if (offices > seeded) await growTo(offices);
      const dossiers = thousands(offices * DOSSIERS_PER_OFFICE);
      const measured = await measure(
        `client dossier list, ${dossiers} dossiers`,
        `${poortUrl}${CLIENT_DOSSIER_LIST}`,
        cookie,
      );
      p95s.push(measured.p95);
      rows.push({
        "dossiers in the database": dossiers,
        "req/s": Math.round(measured.perSecond),
        "p50 ms": milliseconds(measured.p50),
        "p95 ms": milliseconds(measured.p95),
        "p95 vs the first": times(measured.p95 / (p95s[0] ?? measured.p95)),
      });
    }
  });
  console.log(
    `\nThe client dossier list (Poort) as the database grows; the client's own 10 dossiers stay. ${describeLoad()}.`,
  );
  printTable(rows);
  reportGoal(
    `client dossier list p95, ${rows[0]?.["dossiers in the database"]} → ${rows.at(-1)?.["dossiers in the database"]} dossiers`,
    (p95s.at(-1) ?? 0) / (p95s[0] ?? 1),
    GROWTH_GOAL,
  );
  return who;
}

/** Prints a measured factor next to its goal; warns when it misses. */
function reportGoal(what: string, factor: number, goal: number): void {
  const line = `${what}: ${times(factor)} (goal ≤ ${goal}×)`;
  if (factor <= goal) console.log(line);
  else console.warn(`${line}: missed`);
}

/**
 * The staff search for each kind of text in office 1 (100 dossiers) and in the large office
 * (50,000), through Poort; prints p50/p95 and how much slower the large office is, and the plans
 * of the search there.
 */
async function searchInALargeOffice(
  database: baseline.BenchDatabase,
  who: MeasuredPeople,
): Promise<void> {
  const offices = await searchingOffices(database.bare);
  const texts = await searchTexts(database.bare, who);
  const cookies = await Promise.all(
    offices.map((office) => baseline.sessionCookie(database, office.staffAccountId)),
  );
  const rows: Array<Record<string, string | number>> = [];
  const ratios: number[] = [];
  const warmUp = {
    path: `${STAFF_SEARCH}${encodeURIComponent(who.searchText)}`,
    cookie: cookies[0] ?? "",
  };
  await withPoort(database, warmUp, async (poortUrl) => {
    for (const { kind, q } of texts) {
      const url = `${poortUrl}${STAFF_SEARCH}${encodeURIComponent(q)}`;
      let smallOfficeP95 = 0;
      for (const [index, office] of offices.entries()) {
        const cookie = cookies[index] ?? "";
        const found = await fetch(url, { headers: { cookie } });
        if (!found.ok) throw new Error(`GET ${url}: ${found.status} ${await found.text()}`);
        const { total } = (await found.json()) as { total: number };
        const measured = await measure(`staff search q=${q}, ${office.name}`, url, cookie);
        smallOfficeP95 ||= measured.p95;
        rows.push({
          search: `q=${q} (${kind})`,
          office: office.name,
          found: total,
          "req/s": Math.round(measured.perSecond),
          "p50 ms": milliseconds(measured.p50),
          "p95 ms": milliseconds(measured.p95),
          [`p95 vs ${offices[0]?.name}`]: times(measured.p95 / smallOfficeP95),
        });
        if (index > 0) ratios.push(measured.p95 / smallOfficeP95);
      }
    }
  });
  console.log(
    `\nThe staff search (Poort) in an office of ${thousands(LARGE_OFFICE_DOSSIERS)} dossiers next to one of ${DOSSIERS_PER_OFFICE}, ` +
      `among ${thousands((SCALES.at(-1) ?? 0) * DOSSIERS_PER_OFFICE)} more. ${describeLoad()}.`,
  );
  printTable(rows);
  reportGoal(
    `staff search p95, an office of ${thousands(LARGE_OFFICE_DOSSIERS)} vs one of ${DOSSIERS_PER_OFFICE} (the worst text)`,
    Math.max(...ratios),
    LARGE_OFFICE_GOAL,
  );
  const large = offices.at(-1);
  if (!large) throw new Error("no large office");
  await baseline.explain(
    database.bare,
    texts.flatMap(({ q }) => [
      {
        name: `staff search rows, q=${q}, ${large.name}`,
        text: SEARCH_ROWS,
        values: [...searchValues(large.officeId, q), 25, 0],
        expectIndex: TRIGRAM_INDEXES,
      },
    ]),
  );
}

// ── The bare server ────────────────────────────────────────────────────────────────────

/*
 * The SQL below is the same SQL that Drizzle generates for the repository functions the two
 * routes call (copied from `.text` of the queries Poort sends; the run checks that they still
 * match, see `checkSameSql`). Only the data queries: the bare server has no sessions.
 */

/** `listClientDossiers` with a choice of statuses: $1 office, $2 client, $3 built-in statuses, $4 custom ones. */
const CLIENT_DOSSIERS = `${poortSql.SELECT_DOSSIERS} where (${poortSql.sharedWithClient("dossiers", 1)} and ("dossiers"."status" = any($3) or "dossiers"."custom_status_id" = any($4))) order by "dossiers"."updated_at" desc, "dossiers"."number" asc`;

/** `countClientDossiersByStatus`: $1 office, $2 client. */
const CLIENT_STATUS_COUNTS = `select "dossiers"."status", "dossiers"."custom_status_id", "dossier_statuses"."label", count(*) from "dossiers" left join "dossier_statuses" on "dossier_statuses"."id" = "dossiers"."custom_status_id" where ${poortSql.sharedWithClient("dossiers", 1)} group by "dossiers"."status", "dossiers"."custom_status_id", "dossier_statuses"."label"`;

/** `countProgress`: $1 the dossier ids. */
const PROGRESS_COUNTS =
  'select "dossier_id", count(*), count("done_on") from "progress_steps" where "progress_steps"."dossier_id" = any($1) group by "progress_steps"."dossier_id"';

/**
 * documents/repository.ts `countUnreadByDossier`: $1 the dossier ids, then office, client,
 * 'published', 'correspondence', 'documents', 'supplied', client, account.
 */
const UNREAD_DOCUMENT_COUNTS = `select "dossier_id", count(*) from "documents" where ("documents"."dossier_id" = any($1) and (${poortSql.sharedWithClient("documents", 2)} and "documents"."state" = $4 and ("documents"."category" in ($5, $6) or ("documents"."category" = $7 and "documents"."supplied_by_client_id" = $8))) and not exists (select 1 from "document_reads" where "document_reads"."document_id" = "documents"."id"\n        and "document_reads"."account_id" = $9)) group by "documents"."dossier_id"`;

/** messages/repository.ts `countClientUnreadByDossier`: $1 the dossier ids, then office, client, client, account. */
const UNREAD_MESSAGE_COUNTS = `select "dossier_id", count(*) from "messages" where ("messages"."dossier_id" = any($1) and ${poortSql.visibleMessages(2)} and not ${poortSql.messageReadBy(5)}) group by "messages"."dossier_id"`;

/**
 * `searchOfficeDossiers`, a page with the total: $1 office, $2 the `%text%` pattern, $3 0 (the
 * matches are planned apart), $4 page size, $5 offset.
 */
const SEARCH_ROWS = `${poortSql.SELECT_DOSSIERS_WITH_TOTAL} inner join (select "id", "updated_at", "number", count(*) over () as "total" from (select "id", "updated_at", "number" from "dossiers" where ("dossiers"."office_id" = $1 and "dossiers"."search_text" like lower($2)) offset $3) "matches" order by "matches"."updated_at" desc, "matches"."number" asc limit $4 offset $5) "page" on "page"."id" = "dossiers"."id" order by "page"."updated_at" desc, "page"."number" asc`;

/** The values of `SEARCH_ROWS` before the page's: the office, `%q%` with its `\`, `%` and `_` escaped, and 0. */
function searchValues(officeId: string, q: string): Array<string | number> {
  const pattern = `%${q.trim().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return [officeId, pattern, 0];
}

/** `listDossierClients`: $1 the dossier ids. */
const DOSSIER_CLIENTS =
  'select "dossier_clients"."dossier_id", "clients"."id", "clients"."name", "clients"."kind" from "dossier_clients" inner join "clients" on "clients"."id" = "dossier_clients"."client_id" where "dossier_clients"."dossier_id" = any($1) order by "clients"."name" asc';

/** The columns of `poortSql.SELECT_DOSSIERS`, by position (two are called "name"). */
const [ID, , , NUMBER, DESCRIPTION, STATUS, CUSTOM_STATUS_ID, LABEL, HANDLER_ID, HANDLER_NAME] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
] as const;
const UPDATED_AT = 11;
/** The search's window count, after the columns of `SELECT_DOSSIERS`. */
const TOTAL = 12;

const statusOfRow = (status: unknown, customStatusId: unknown, label: unknown) =>
  status === "custom" ? { key: customStatusId, label } : { key: status, label: null };

/**
 * The two lists with plain Fastify and pg: the same queries in the same order (and the same
 * ones in parallel), answers of the same shape; no session, no validation, no response schema.
 * The client and office are fixed, as a session would have given them.
 */
function bareDossierServer(pool: pg.Pool, who: MeasuredPeople) {
  return baseline.bareServer(pool, (app: FastifyInstance, rows: baseline.Rows) => {
    app.get<{ Querystring: { status?: string } }>("/portal/dossiers", async (request) => {
      const status = request.query.status ?? "in-progress";
      const [listed, counted] = await Promise.all([
        rows(CLIENT_DOSSIERS, [who.officeId, who.clientId, [status], []]),
        rows(CLIENT_STATUS_COUNTS, [who.officeId, who.clientId]),
      ]);
      const ids = listed.map((row) => row[ID] as string);
      const progress = await rows(PROGRESS_COUNTS, [ids]);
      // "Ongelezen": the documents and the messages this login has not read.
      const [unreadDocuments, unreadMessages] = await Promise.all([
        rows(UNREAD_DOCUMENT_COUNTS, [
          ids,
          who.officeId,
          who.clientId,
          "published",
          "correspondence",
          "documents",
          "supplied",
          who.clientId,
          who.clientAccountId,
        ]),
        rows(UNREAD_MESSAGE_COUNTS, [
          ids,
          who.officeId,
          who.clientId,
          who.clientId,
          who.clientAccountId,
        ]),
      ]);
      const unreadOf = (found: baseline.Row[], dossierId: unknown) =>
        Number(found.find((row) => row[0] === dossierId)?.[1] ?? 0);
      return {
        statuses: counted.map(([status, customStatusId, label, count]) => ({
          ...statusOfRow(status, customStatusId, label),
          count: Number(count),
        })),
        dossiers: listed.map((row) => {
          const steps = progress.find(([dossierId]) => dossierId === row[ID]);
          return {
            id: row[ID],
            number: row[NUMBER],
            description: row[DESCRIPTION],
            status: statusOfRow(row[STATUS], row[CUSTOM_STATUS_ID], row[LABEL]),
            progress: { done: Number(steps?.[2] ?? 0), total: Number(steps?.[1] ?? 0) },
            unread: unreadOf(unreadDocuments, row[ID]) + unreadOf(unreadMessages, row[ID]),
          };
        }),
      };
    });

    app.get<{ Querystring: { q: string } }>("/office/dossiers", async (request) => {
      const where = searchValues(who.officeId, request.query.q);
      const found = await rows(SEARCH_ROWS, [...where, 25, 0]);
      const ids = found.map((row) => row[ID] as string);
      const links = await rows(DOSSIER_CLIENTS, [ids]);
      return {
        dossiers: found.map((row) => ({
          id: row[ID],
          number: row[NUMBER],
          description: row[DESCRIPTION],
          status: statusOfRow(row[STATUS], row[CUSTOM_STATUS_ID], row[LABEL]),
          handler: row[HANDLER_ID] ? { id: row[HANDLER_ID], name: row[HANDLER_NAME] } : null,
          clients: links
            .filter(([dossierId]) => dossierId === row[ID])
            .map(([, id, name, kind]) => ({ id, name, kind })),
          updatedAt: (row[UPDATED_AT] as Date).toISOString(),
        })),
        total: Number(found[0]?.[TOTAL] ?? 0),
        page: 1,
        pageSize: 25,
      };
    });
  });
}

function describeAnswer(body: unknown): string {
  const answer = body as { dossiers?: unknown[]; total?: number };
  return `${answer.dossiers?.length ?? 0} dossiers in the answer${answer.total === undefined ? "" : ` of ${answer.total} found`}`;
}

/** The plans of the measured queries. */
function explainDossierQueries(pool: pg.Pool, who: MeasuredPeople) {
  const where = searchValues(who.officeId, who.searchText);
  return baseline.explain(pool, [
    {
      name: "client dossier list",
      text: CLIENT_DOSSIERS,
      values: [who.officeId, who.clientId, ["in-progress"], []],
    },
    {
      name: "client status counts",
      text: CLIENT_STATUS_COUNTS,
      values: [who.officeId, who.clientId],
    },
    {
      name: "staff search rows",
      text: SEARCH_ROWS,
      values: [...where, 25, 0],
    },
  ]);
}
