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
import { openDatabase } from "#src/server/platform/db/database.ts";
import { migrateDatabase } from "#src/server/platform/db/migrate.ts";
import { hashToken } from "#src/server/platform/security/random-secrets.ts";
import { createServices } from "#src/server/services.ts";
import { databaseUrlFor, withAdminClient } from "#test/support/postgres-admin.ts";
import { measureLoad } from "./http-load.ts";
import { printTable, ratio, time } from "./report.ts";

const DATABASE = "poort_bench_dossiers";
const OFFICES = 10_000;
const DOSSIERS_PER_OFFICE = 100;
const CLIENTS_PER_OFFICE = 30;
const STAFF_PER_OFFICE = 2;
/** Offices per INSERT of dossiers and their links, so no statement runs for minutes. */
const OFFICES_PER_BATCH = 2_500;
/** Offices whose dossiers get progress steps and documents (the measured one is the first). */
const DETAILED_OFFICES = 100;
/** The measured office and its client 0, who is linked to every tenth dossier: 10 in all. */
const MEASURED_OFFICE = 1;

const CONCURRENCY = 16;
const WARMUP_MS = 2_000;
const DURATION_MS = 10_000;
/** The same pool size for Poort and the bare server. */
const POOL_SIZE = 10;

/**
 * The dossier list of a client and the staff search of an office, in a database of 10,000
 * offices and 1,000,000 dossiers on PostgreSQL, through the whole Poort app (sessions, Zod
 * validation and serialisation, Drizzle), next to a bare Fastify + pg server in the same run
 * that runs the same SQL without any of that. Poort runs in this process (`buildApp` on a free
 * port); the load comes from a worker thread.
 */
export async function run(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.log("skipped: set DATABASE_URL (PostgreSQL only; 1,000,000 dossiers)");
    return;
  }
  await withAdminClient(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  });
  const databaseUrl = databaseUrlFor(serverUrl, DATABASE);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-bench-dossiers-"));
  const handle = await openDatabase({ databaseUrl, poolSize: POOL_SIZE });
  const bare = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  try {
    if (handle.kind !== "postgres") throw new Error("expected PostgreSQL");
    await migrateDatabase(handle);
    const seeding = await seed(databaseUrl);
    console.log(
      `Seeded ${OFFICES.toLocaleString("en")} offices, ${(OFFICES * DOSSIERS_PER_OFFICE).toLocaleString("en")} dossiers, ` +
        `${(OFFICES * CLIENTS_PER_OFFICE).toLocaleString("en")} clients in ${(seeding.total / 1000).toFixed(1)} s ` +
        `(${seeding.steps.map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(", ")}).`,
    );

    const who = await measuredPeople(bare);
    const clientSession = await startSession(
      handle.db,
      systemClock,
      who.clientAccountId,
      "complete",
      {
        ip: "127.0.0.1",
        userAgent: "bench",
      },
    );
    const staffSession = await startSession(
      handle.db,
      systemClock,
      who.staffAccountId,
      "complete",
      {
        ip: "127.0.0.1",
        userAgent: "bench",
      },
    );

    const captured: Captured = { queries: undefined };
    captureQueries(handle.pool, captured);
    captureQueries(bare, captured);
    const config = loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "silent",
      JOBS_ENABLED: "false",
      // One session under load on purpose: the general API limit would answer 429 within a
      // second, and the figures are about the handlers.
      API_RATE_LIMIT_PER_SESSION: "0",
      API_RATE_LIMIT_PER_IP: "0",
    });
    const services = await createServices(config, pino({ level: "silent" }), { database: handle });
    const poort = await buildApp(services);
    const bareApp = bareServer(bare, who);
    try {
      const poortUrl = await listen(poort);
      const bareUrl = await listen(bareApp);
      const search = encodeURIComponent(who.searchText);
      const endpoints = [
        {
          name: "client dossier list",
          poort: `${poortUrl}/api/portal/dossiers?status=in-progress`,
          cookie: `${SESSION_COOKIE}=${clientSession.token}`,
          bare: `${bareUrl}/portal/dossiers?status=in-progress`,
        },
        {
          name: `staff search q=${who.searchText}`,
          poort: `${poortUrl}/api/office/dossiers?q=${search}`,
          cookie: `${SESSION_COOKIE}=${staffSession.token}`,
          bare: `${bareUrl}/office/dossiers?q=${search}`,
        },
      ];

      const rows: Array<Record<string, string | number>> = [];
      for (const endpoint of endpoints) {
        const poortAnswer = await get(endpoint.poort, endpoint.cookie, captured);
        const bareAnswer = await get(endpoint.bare, undefined, captured);
        const withSession = endpoint.bare.replace(bareUrl, `${bareUrl}/with-session`);
        const withSessionAnswer = await get(withSession, endpoint.cookie, captured);
        checkSameSql(
          endpoint.name,
          poortAnswer.queries,
          bareAnswer.queries,
          withSessionAnswer.queries,
        );
        console.log(`${endpoint.name}: ${describeAnswer(poortAnswer.body)}`);
        const servers = [
          { server: "bare Fastify + pg (baseline)", url: endpoint.bare },
          { server: "bare + the session's 2 queries", url: withSession },
          { server: "Poort", url: endpoint.poort },
        ];
        let baseline = 0;
        for (const { server, url } of servers) {
          const measured = await measureLoad({
            url,
            headers: { cookie: endpoint.cookie },
            concurrency: CONCURRENCY,
            warmupMs: WARMUP_MS,
            durationMs: DURATION_MS,
          });
          baseline ||= measured.perSecond;
          rows.push({
            endpoint: endpoint.name,
            server,
            "req/s": Math.round(measured.perSecond),
            "p50 ms": measured.p50.toFixed(1),
            "p95 ms": measured.p95.toFixed(1),
            vs: ratio(measured.perSecond, baseline),
          });
        }
      }
      console.log(
        `${CONCURRENCY} keep-alive connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s each; ` +
          `pools of ${POOL_SIZE}; "vs" is requests per second relative to the bare server (baseline).`,
      );
      printTable(rows);
      await explain(bare, who);
    } finally {
      await poort.close();
      await bareApp.close();
      await services.close();
    }
  } finally {
    await bare.end();
    await handle.close();
    await withAdminClient(serverUrl, (admin) =>
      admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`),
    );
    await rm(dataDir, { recursive: true, force: true });
  }
}

// ── Seeding ────────────────────────────────────────────────────────────────────────────

/**
 * A deterministic id for the n-th row of a kind, shaped as a version-4 UUID (the API's
 * contracts check that), so rows can point at each other without looking ids up.
 */
const id = (kind: string, n: string) =>
  `overlay(overlay(md5('${kind}:' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;
/** A non-negative pseudo-random integer below `below`, fixed by `seed`. */
const hashed = (seed: string, below: number) =>
  `((hashint8((${seed})::bigint) & 2147483647) % ${below})`;
/** One of the words, picked by `seed`. */
const pick = (words: readonly string[], seed: string) =>
  `(ARRAY[${words.map((word) => `'${word}'`).join(",")}])[1 + ${hashed(seed, words.length)}]`;

const FIRST_NAMES = [
  "Jan",
  "Anna",
  "Pieter",
  "Fatima",
  "Mohamed",
  "Sanne",
  "Daan",
  "Emma",
  "Lucas",
  "Julia",
  "Sem",
  "Tess",
  "Noah",
  "Lotte",
  "Bram",
  "Eva",
  "Thijs",
  "Sophie",
  "Ruben",
  "Lisa",
  "Youssef",
  "Fleur",
  "Jesse",
  "Noor",
  "Milan",
  "Iris",
  "Lars",
  "Anouk",
  "Kees",
  "Marieke",
];
const LAST_NAMES = [
  "Jansen",
  "de Vries",
  "van den Berg",
  "van Dijk",
  "Bakker",
  "Janssen",
  "Visser",
  "Smit",
  "Meijer",
  "de Boer",
  "Mulder",
  "de Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "van Leeuwen",
  "Dekker",
  "Brouwer",
  "de Wit",
  "Dijkstra",
  "Smits",
  "de Graaf",
  "van der Meer",
  "El Amrani",
  "van der Linden",
  "Kok",
  "Jacobs",
  "de Haan",
  "Vermeulen",
  "van den Heuvel",
  "van der Veen",
  "van den Broek",
  "de Bruijn",
  "de Jong",
  "Schouten",
  "van Beek",
  "Willems",
  "Yilmaz",
  "Hoekstra",
];
const STREETS = [
  "Kerkstraat",
  "Dorpsstraat",
  "Molenweg",
  "Stationsweg",
  "Prinsengracht",
  "Herengracht",
  "Schoolstraat",
  "Julianalaan",
  "Beatrixstraat",
  "Parallelweg",
  "Zonnige Kade",
  "Lindelaan",
];
const CITIES = [
  "Amsterdam",
  "Rotterdam",
  "Utrecht",
  "Den Haag",
  "Eindhoven",
  "Groningen",
  "Tilburg",
  "Almere",
  "Breda",
  "Nijmegen",
  "Haarlem",
  "Zwolle",
  "Leiden",
  "Amersfoort",
  "Delft",
];
const COMPANY_KINDS = ["Bakkerij", "Holding", "Bouwbedrijf", "Transport", "Installatiebedrijf"];
const STEP_TITLES = [
  "Gegevens ontvangen",
  "Concept-akte verstuurd",
  "Afspraak gepland",
  "Akte getekend",
  "Ingeschreven bij het Kadaster",
];

/** Set-based INSERT … SELECT over generate_series; the measured office is office 1. */
function seedStatements(): Array<[string, string]> {
  const office = (o: string) => id("office", o);
  const staff = (o: string, j: string) => id("staff", `(${o} - 1) * ${STAFF_PER_OFFICE} + ${j}`);
  const client = (o: string, c: string) =>
    id("client", `(${o} - 1) * ${CLIENTS_PER_OFFICE} + ${c}`);
  const dossier = (o: string, k: string) =>
    id("dossier", `(${o} - 1) * ${DOSSIERS_PER_OFFICE} + ${k}`);
  const person = (seed: string) =>
    `${pick(FIRST_NAMES, `${seed} * 3`)} || ' ' || ${pick(LAST_NAMES, `${seed} * 5`)}`;
  const statements: Array<[string, string]> = [
    [
      "offices",
      `INSERT INTO offices (id, name, debtor_number, email, created_at)
       SELECT ${office("o")}, 'Notariskantoor ' || ${pick(LAST_NAMES, "o")} || ' ' || o,
              (300000 + o)::text, 'info@kantoor' || o || '.nl', now() - interval '6 years'
       FROM generate_series(1, ${OFFICES}) o`,
    ],
    [
      "staff",
      `INSERT INTO accounts (id, kind, office_id, role, email, name, status, two_factor_method,
                             two_factor_phone, created_at)
       SELECT ${staff("o", "j")}, 'staff', ${office("o")}, CASE j WHEN 0 THEN 'admin' ELSE 'handler' END,
              'medewerker' || j || '@kantoor' || o || '.nl', ${person("o * 2 + j")}, 'active', 'sms',
              '+316' || lpad(((o * 2 + j) % 100000000)::text, 8, '0'), now() - interval '5 years'
       FROM generate_series(1, ${OFFICES}) o, generate_series(0, ${STAFF_PER_OFFICE - 1}) j`,
    ],
    [
      "clients",
      `INSERT INTO clients (id, office_id, kind, name, created_at)
       SELECT ${client("o", "c")}, ${office("o")}, kinds.kind,
              CASE kinds.kind WHEN 'company'
                THEN ${pick(COMPANY_KINDS, "n")} || ' ' || ${pick(LAST_NAMES, "n * 7")} || ' B.V.'
                ELSE ${person("n")} END,
              now() - interval '4 years'
       FROM generate_series(1, ${OFFICES}) o, generate_series(0, ${CLIENTS_PER_OFFICE - 1}) c,
            LATERAL (SELECT (o - 1) * ${CLIENTS_PER_OFFICE} + c AS n) numbered,
            LATERAL (SELECT CASE WHEN c > 0 AND ${hashed("n", 10)} = 0 THEN 'company' ELSE 'person' END AS kind) kinds`,
    ],
  ];
  for (let from = 1; from <= OFFICES; from += OFFICES_PER_BATCH) {
    const to = Math.min(OFFICES, from + OFFICES_PER_BATCH - 1);
    const street = pick(STREETS, "n * 11");
    const place = `${street} || ' ' || (1 + ${hashed("n * 13", 180)}) || ' te ' || ${pick(CITIES, "n * 17")}`;
    statements.push(
      [
        `dossiers ${from}–${to}`,
        `INSERT INTO dossiers (id, office_id, number, description, status, handler_id, created_at, updated_at)
         SELECT ${dossier("o", "k")}, ${office("o")},
                (2020 + k / 20)::text || '.' || lpad((100 + k * 13 + o % 97)::text, 5, '0'),
                CASE ${hashed("n * 19", 8)}
                  WHEN 0 THEN 'Levering woning ' || ${place}
                  WHEN 1 THEN 'Hypotheekakte ' || ${place}
                  WHEN 2 THEN 'Testament ' || ${pick(LAST_NAMES, "n * 23")}
                  WHEN 3 THEN 'Levenstestament ' || ${pick(LAST_NAMES, "n * 23")}
                  WHEN 4 THEN 'Oprichting ' || ${pick(LAST_NAMES, "n * 23")} || ' Holding B.V.'
                  WHEN 5 THEN 'Huwelijkse voorwaarden ' || ${pick(LAST_NAMES, "n * 23")}
                  WHEN 6 THEN 'Statutenwijziging ' || ${pick(COMPANY_KINDS, "n")} || ' ' || ${pick(LAST_NAMES, "n * 29")} || ' B.V.'
                  ELSE 'Schenking ' || ${place} END,
                CASE WHEN ${hashed("n", 10)} < 4 THEN 'in-progress'
                     WHEN ${hashed("n", 10)} < 9 THEN 'completed' ELSE 'cancelled' END,
                CASE WHEN k % 3 = 2 THEN NULL ELSE ${staff("o", "k % 3")} END,
                now() - (${hashed("n * 31", 730 * 24 * 60)} + ${hashed("n * 37", 90 * 24 * 60)}) * interval '1 minute',
                now() - ${hashed("n * 31", 730 * 24 * 60)} * interval '1 minute'
         FROM generate_series(${from}, ${to}) o, generate_series(0, ${DOSSIERS_PER_OFFICE - 1}) k,
              LATERAL (SELECT (o - 1) * ${DOSSIERS_PER_OFFICE} + k AS n) numbered`,
      ],
      [
        `dossier_clients ${from}–${to}`,
        // Every dossier has one of clients 1–29; every fifth a second one; client 0 of each
        // office is in every tenth dossier: 10 dossiers, like the measured client.
        `INSERT INTO dossier_clients (dossier_id, client_id)
         SELECT ${dossier("o", "k")}, ${client("o", "linked.c")}
         FROM generate_series(${from}, ${to}) o, generate_series(0, ${DOSSIERS_PER_OFFICE - 1}) k,
              LATERAL (SELECT 1 + k % ${CLIENTS_PER_OFFICE - 1} AS c
                       UNION ALL SELECT 1 + (k + 13) % ${CLIENTS_PER_OFFICE - 1} WHERE k % 5 = 1
                       UNION ALL SELECT 0 WHERE k % 10 = 0) linked`,
      ],
    );
  }
  const detailed = `generate_series(1, ${DETAILED_OFFICES}) o, generate_series(0, ${DOSSIERS_PER_OFFICE - 1}) k,
              LATERAL (SELECT (o - 1) * ${DOSSIERS_PER_OFFICE} + k AS n) numbered`;
  const measuredClient = client(String(MEASURED_OFFICE), "0");
  statements.push(
    [
      "client account",
      `INSERT INTO accounts (id, kind, office_id, client_id, is_main_account, email, name, status, created_at)
       SELECT ${id("client-account", "1")}, 'client', ${office(String(MEASURED_OFFICE))}, id, true,
              'klant@bench.example.nl', name, 'active', now() - interval '1 year'
       FROM clients WHERE id = ${measuredClient}`,
    ],
    [
      "progress steps",
      `INSERT INTO progress_steps (dossier_id, position, title, done_on)
       SELECT ${dossier("o", "k")}, step - 1, (ARRAY[${STEP_TITLES.map((title) => `'${title}'`).join(",")}])[step],
              CASE WHEN step <= ${hashed("n * 41", 6)} THEN (current_date - (60 - step * 10)) END
       FROM ${detailed}, generate_series(1, ${STEP_TITLES.length}) step`,
    ],
    [
      "documents",
      // Published letters and documents, a draft, and one supplied by the dossier's first client;
      // the blob keys point nowhere: the benchmark only counts documents.
      `INSERT INTO documents (office_id, dossier_id, category, title, file_name, content_type, size,
                              sha256, blob_key, scan_status, state, published_at,
                              added_by_account_id, supplied_by_client_id, created_at)
       SELECT ${office("o")}, ${dossier("o", "k")}, kind.category, kind.title, kind.title || '.pdf',
              'application/pdf', 100000 + ${hashed("n * 43 + d", 900000)}, md5(n || ':' || d) || md5(d || ':' || n),
              gen_random_uuid()::text, 'not-scanned', kind.state,
              CASE kind.state WHEN 'published' THEN now() - d * interval '3 days' END,
              ${staff("o", "0")}, CASE kind.category WHEN 'supplied' THEN ${client("o", `1 + k % ${CLIENTS_PER_OFFICE - 1}`)} END,
              now() - d * interval '3 days'
       FROM ${detailed}, generate_series(1, 6) d,
            LATERAL (SELECT (ARRAY['correspondence','correspondence','documents','documents','documents','supplied'])[d] AS category,
                            (ARRAY['Brief','Offerte','Concept-akte','Volmacht','Nota van afrekening','Kopie paspoort'])[d] AS title,
                            CASE d WHEN 5 THEN 'draft' ELSE 'published' END AS state) kind`,
    ],
    [
      "supplied by the measured client",
      `INSERT INTO documents (office_id, dossier_id, category, title, file_name, content_type, size,
                              sha256, blob_key, scan_status, state, added_by_account_id,
                              supplied_by_client_id, created_at)
       SELECT d.office_id, d.dossier_id, 'supplied', 'Loonstrook', 'loonstrook.pdf', 'application/pdf',
              120000, md5(d.dossier_id::text) || md5(d.dossier_id::text), gen_random_uuid()::text,
              'not-scanned', 'published', ${id("client-account", "1")}, ${measuredClient}, now()
       FROM (SELECT DISTINCT dossier_id, ${office(String(MEASURED_OFFICE))} AS office_id FROM dossier_clients
             WHERE client_id = ${measuredClient}) d`,
    ],
    [
      "document reads",
      // The measured client has read the letters, not the documents.
      `INSERT INTO document_reads (document_id, account_id, read_at)
       SELECT documents.id, ${id("client-account", "1")}, now()
       FROM documents JOIN dossier_clients ON dossier_clients.dossier_id = documents.dossier_id
       WHERE dossier_clients.client_id = ${measuredClient} AND documents.category = 'correspondence'`,
    ],
  );
  return statements;
}

async function seed(
  databaseUrl: string,
): Promise<{ total: number; steps: Array<[string, number]> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const steps: Array<[string, number]> = [];
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    // The seed is consistent by construction: skipping the foreign-key triggers (superuser only)
    // saves a lookup per row. Without the right, the keys are checked as usual.
    await client.query("SET session_replication_role = replica").catch(() => {});
    for (const [name, statement] of seedStatements()) {
      steps.push([name, await time(() => client.query(statement))]);
    }
    // VACUUM too: otherwise autovacuum sets the visibility map of the new rows while the
    // measurements run, on the same two cores.
    steps.push(["vacuum analyze", await time(() => client.query("VACUUM (ANALYZE)"))]);
  } finally {
    await client.end();
  }
  const merged = new Map<string, number>();
  for (const [name, ms] of steps) {
    const group = name.replace(/ \d+–\d+$/, "");
    merged.set(group, (merged.get(group) ?? 0) + ms);
  }
  return { total: steps.reduce((sum, [, ms]) => sum + ms, 0), steps: [...merged] };
}

interface MeasuredPeople {
  officeId: string;
  clientId: string;
  clientAccountId: string;
  staffAccountId: string;
  /** Part of the measured client's name, as staff would type it. */
  searchText: string;
}

async function measuredPeople(pool: pg.Pool): Promise<MeasuredPeople> {
  const { rows } = await pool.query<{
    office_id: string;
    client_id: string;
    client_account_id: string;
    client_name: string;
    staff_account_id: string;
  }>(
    `SELECT accounts.office_id, accounts.client_id, accounts.id AS client_account_id,
            clients.name AS client_name, staff.id AS staff_account_id
     FROM accounts JOIN clients ON clients.id = accounts.client_id
     JOIN accounts staff ON staff.office_id = accounts.office_id AND staff.role = 'admin'
     WHERE accounts.email = 'klant@bench.example.nl'`,
  );
  const row = rows[0];
  if (!row) throw new Error("the measured client was not seeded");
  // Staff type a part of the surname: "de Vries" → "vries", "Jansen" → "janse".
  const surname = row.client_name.split(" ").at(-1) ?? row.client_name;
  return {
    officeId: row.office_id,
    clientId: row.client_id,
    clientAccountId: row.client_account_id,
    staffAccountId: row.staff_account_id,
    searchText: surname.slice(0, 5).toLowerCase(),
  };
}

// ── The bare server ────────────────────────────────────────────────────────────────────

/*
 * The SQL below is the same SQL that Drizzle generates for the repository functions the two
 * routes call (copied from `.text` of the queries Poort sends; the run checks that they still
 * match, see `checkSameSql`). Only the data queries: the bare server has no sessions.
 */

/** `in ($n, $n+1, …)` for `count` values, numbered from `first`, as Drizzle writes `inArray`. */
const placeholders = (first: number, count: number) =>
  Array.from({ length: count }, (_, index) => `$${first + index}`).join(", ");

/** dossiers/repository.ts `selectDossiers`: the columns and joins of every dossier answer. */
const SELECT_DOSSIERS =
  'select "dossiers"."id", "dossiers"."office_id", "offices"."name", "dossiers"."number", "dossiers"."description", "dossiers"."status", "dossiers"."custom_status_id", "dossier_statuses"."label", "dossiers"."handler_id", "accounts"."name", "dossiers"."created_at", "dossiers"."updated_at" from "dossiers" inner join "offices" on "offices"."id" = "dossiers"."office_id" left join "dossier_statuses" on "dossier_statuses"."id" = "dossiers"."custom_status_id" left join "accounts" on "accounts"."id" = "dossiers"."handler_id"';

/** accounts/repository.ts `findLiveSessionByHash`: $1 the token's hash, $2 now. */
const SESSION_BY_HASH =
  'select "id", "token_hash", "account_id", "stage", "csrf_token", "ip", "user_agent", "last_seen_at", "expires_at", "ended_at", "created_at" from "sessions" where ("sessions"."token_hash" = $1 and "sessions"."ended_at" is null and "sessions"."expires_at" > $2)';

/** accounts/repository.ts `findAccountById`: $1 the session's account. */
const ACCOUNT_BY_ID =
  'select "id", "kind", "office_id", "client_id", "role", "is_main_account", "email", "name", "mobile", "locale", "status", "password_hash", "password_changed_at", "two_factor_method", "two_factor_phone", "totp_secret", "totp_last_step", "notify_documents", "notify_questionnaires", "notify_messages", "profile_seen_at", "failed_logins", "locked_until", "created_at" from "accounts" where "accounts"."id" = $1';

/** access/tenant-filters.ts `inVisibleDossier` for a client: $n office, $n+1 client. */
const sharedWithClient = (table: "dossiers" | "documents", n: number) => {
  const dossierId = table === "dossiers" ? '"dossiers"."id"' : '"documents"."dossier_id"';
  return `("${table}"."office_id" = $${n} and exists (select 1 from "dossier_clients" where "dossier_clients"."dossier_id" = ${dossierId}\n          and "dossier_clients"."client_id" = $${n + 1}))`;
};

/** `listClientDossiers` with one status: $1 office, $2 client, $3 status. */
const CLIENT_DOSSIERS = `${SELECT_DOSSIERS} where (${sharedWithClient("dossiers", 1)} and "dossiers"."status" in ($3)) order by "dossiers"."updated_at" desc, "dossiers"."number" asc`;

/** `countClientDossiersByStatus`: $1 office, $2 client. */
const CLIENT_STATUS_COUNTS = `select "dossiers"."status", "dossiers"."custom_status_id", "dossier_statuses"."label", count(*) from "dossiers" left join "dossier_statuses" on "dossier_statuses"."id" = "dossiers"."custom_status_id" where ${sharedWithClient("dossiers", 1)} group by "dossiers"."status", "dossiers"."custom_status_id", "dossier_statuses"."label"`;

/** `countProgress`: the dossier ids. */
const progressCounts = (count: number) =>
  `select "dossier_id", count(*), count("done_on") from "progress_steps" where "progress_steps"."dossier_id" in (${placeholders(1, count)}) group by "progress_steps"."dossier_id"`;

/**
 * documents/repository.ts `countUnreadByDossier`: the dossier ids, then office, client,
 * 'correspondence', 'documents', 'published', 'supplied', client, account.
 */
const unreadCounts = (count: number) => {
  const n = count;
  return `select "dossier_id", count(*) from "documents" where ("documents"."dossier_id" in (${placeholders(1, n)}) and (${sharedWithClient("documents", n + 1)} and (("documents"."category" in ($${n + 3}, $${n + 4}) and "documents"."state" = $${n + 5}) or ("documents"."category" = $${n + 6} and "documents"."supplied_by_client_id" = $${n + 7}))) and not exists (select 1 from "document_reads" where "document_reads"."document_id" = "documents"."id"\n        and "document_reads"."account_id" = $${n + 8})) group by "documents"."dossier_id"`;
};

/** `searchOfficeDossiers`' condition: $1 office, $2–$4 the `%text%` pattern. */
const SEARCH_WHERE =
  'where ("dossiers"."office_id" = $1 and ("dossiers"."number" ilike $2 or "dossiers"."description" ilike $3 or exists (select 1 from "dossier_clients" join "clients" on "clients"."id" = "dossier_clients"."client_id"\n                where "dossier_clients"."dossier_id" = "dossiers"."id" and "clients"."office_id" = "dossiers"."office_id"\n                  and "clients"."name" ilike $4)))';

/** `searchOfficeDossiers` rows on page 1 (Drizzle leaves out `offset 0`): $5 page size. */
const SEARCH_ROWS = `${SELECT_DOSSIERS} ${SEARCH_WHERE} order by "dossiers"."updated_at" desc, "dossiers"."number" asc limit $5`;

/** `searchOfficeDossiers` total. */
const SEARCH_COUNT = `select count(*) from "dossiers" ${SEARCH_WHERE}`;

/** `listDossierClients`: the dossier ids. */
const dossierClientsOf = (count: number) =>
  `select "dossier_clients"."dossier_id", "clients"."id", "clients"."name", "clients"."kind" from "dossier_clients" inner join "clients" on "clients"."id" = "dossier_clients"."client_id" where "dossier_clients"."dossier_id" in (${placeholders(1, count)}) order by "clients"."name" asc`;

type Row = unknown[];
/** The columns of `SELECT_DOSSIERS`, by position (two are called "name"). */
const [ID, , , NUMBER, DESCRIPTION, STATUS, CUSTOM_STATUS_ID, LABEL, HANDLER_ID, HANDLER_NAME] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
] as const;
const UPDATED_AT = 11;

const statusOfRow = (status: unknown, customStatusId: unknown, label: unknown) =>
  status === "custom" ? { key: customStatusId, label } : { key: status, label: null };

/**
 * The two lists with plain Fastify and pg: the same queries in the same order (and the same
 * ones in parallel), answers of the same shape; no session, no validation, no response schema.
 * The client and office are fixed, as a session would have given them.
 */
function bareServer(pool: pg.Pool, who: MeasuredPeople) {
  const app = fastify();
  const rows = async (text: string, values: unknown[]): Promise<Row[]> =>
    (await pool.query({ text, values, rowMode: "array" })).rows;
  const lists = async (app: FastifyInstance) => {
    app.get<{ Querystring: { status?: string } }>("/portal/dossiers", async (request) => {
      const status = request.query.status ?? "in-progress";
      const [listed, counted] = await Promise.all([
        rows(CLIENT_DOSSIERS, [who.officeId, who.clientId, status]),
        rows(CLIENT_STATUS_COUNTS, [who.officeId, who.clientId]),
      ]);
      const ids = listed.map((row) => row[ID] as string);
      const progress = await rows(progressCounts(ids.length), ids);
      const unread = await rows(unreadCounts(ids.length), [
        ...ids,
        who.officeId,
        who.clientId,
        "correspondence",
        "documents",
        "published",
        "supplied",
        who.clientId,
        who.clientAccountId,
      ]);
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
            unread: Number(unread.find(([dossierId]) => dossierId === row[ID])?.[1] ?? 0),
          };
        }),
      };
    });

    app.get<{ Querystring: { q: string } }>("/office/dossiers", async (request) => {
      const text = request.query.q.trim().replace(/[\\%_]/g, (character) => `\\${character}`);
      const where = [who.officeId, `%${text}%`, `%${text}%`, `%${text}%`];
      const [found, counted] = await Promise.all([
        rows(SEARCH_ROWS, [...where, 25]),
        rows(SEARCH_COUNT, where),
      ]);
      const ids = found.map((row) => row[ID] as string);
      const links = await rows(dossierClientsOf(ids.length), ids);
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
        total: Number(counted[0]?.[0] ?? 0),
        page: 1,
        pageSize: 25,
      };
    });
  };
  void app.register(lists);
  // The same lists after the session plugin's two queries (no cookie plugin, no CSRF, no
  // account rules): what the database work of a session costs on its own.
  void app.register(
    async (scope) => {
      scope.addHook("onRequest", async (request, reply) => {
        const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(
          request.headers.cookie ?? "",
        )?.[1];
        const [session] = token
          ? await rows(SESSION_BY_HASH, [hashToken(token), new Date().toISOString()])
          : [];
        const [account] = session ? await rows(ACCOUNT_BY_ID, [session[2]]) : [];
        if (!account) return reply.code(401).send();
      });
      await lists(scope);
    },
    { prefix: "/with-session" },
  );
  return app;
}

// ── Helpers ────────────────────────────────────────────────────────────────────────────

interface Captured {
  queries: string[] | undefined;
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

async function get(url: string, cookie: string | undefined, captured: Captured) {
  captured.queries = [];
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = (await response.json()) as unknown;
  const queries = captured.queries;
  captured.queries = undefined;
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${JSON.stringify(body)}`);
  return { body, queries };
}

/**
 * Poort's queries for one request are the session's two and then exactly the bare server's;
 * the bare server with the session's queries runs all of them.
 */
function checkSameSql(name: string, poort: string[], bare: string[], withSession: string[]) {
  const isSession = (text: string) => text === SESSION_BY_HASH || text === ACCOUNT_BY_ID;
  const sorted = (texts: string[]) => [...texts].sort().join("\n;\n");
  const data = poort.filter((text) => !isSession(text));
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

function describeAnswer(body: unknown): string {
  const answer = body as { dossiers?: unknown[]; total?: number };
  return `${answer.dossiers?.length ?? 0} dossiers in the answer${answer.total === undefined ? "" : ` of ${answer.total} found`}`;
}

async function listen(app: {
  listen(options: object): Promise<string>;
  server: { address(): unknown };
}) {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** The plans of the measured queries, with their timings, to see what an index would change. */
async function explain(pool: pg.Pool, who: MeasuredPeople) {
  const pattern = `%${who.searchText}%`;
  const queries: Array<[string, string, unknown[]]> = [
    ["client dossier list", CLIENT_DOSSIERS, [who.officeId, who.clientId, "in-progress"]],
    ["client status counts", CLIENT_STATUS_COUNTS, [who.officeId, who.clientId]],
    ["staff search rows", SEARCH_ROWS, [who.officeId, pattern, pattern, pattern, 25]],
    ["staff search total", SEARCH_COUNT, [who.officeId, pattern, pattern, pattern]],
  ];
  for (const [name, text, values] of queries) {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, COSTS OFF) ${text}`,
      values,
    );
    const lines = rows.map((row) => row["QUERY PLAN"]);
    console.log(
      `\nplan of the ${name}:\n${lines.filter((line) => !line.startsWith("Planning")).join("\n")}`,
    );
  }
}
