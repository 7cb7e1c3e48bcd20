import type { FastifyInstance } from "fastify";
import type pg from "pg";
import * as poortSql from "./poort-sql.ts";
import * as baseline from "./poort-vs-bare.ts";
import {
  clientLogin,
  findClientLogin,
  hashed,
  id,
  officeSeed,
  type SeedStatement,
  seedDatabase,
  seedTimes,
} from "./seed-sql.ts";

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

/**
 * The dossier list of a client and the staff search of an office, in a database of 10,000
 * offices and 1,000,000 dossiers on PostgreSQL, through the whole Poort app (sessions, Zod
 * validation and serialisation, Drizzle), next to a bare Fastify + pg server in the same run
 * that runs the same SQL without any of that. Poort runs in this process (`buildApp` on a free
 * port); the load comes from a worker thread.
 */
export async function run(): Promise<void> {
  await baseline.withBenchDatabase(
    DATABASE,
    "PostgreSQL only; 1,000,000 dossiers",
    async (database: baseline.BenchDatabase) => {
      const seeding = await seedDatabase(database.databaseUrl, seedStatements());
      console.log(
        `Seeded ${OFFICES.toLocaleString("en")} offices, ${(OFFICES * DOSSIERS_PER_OFFICE).toLocaleString("en")} dossiers, ` +
          `${(OFFICES * CLIENTS_PER_OFFICE).toLocaleString("en")} clients ${seedTimes(seeding)}.`,
      );

      const who = await measuredPeople(database.bare);
      const client = await baseline.sessionCookie(database, who.clientAccountId);
      const staff = await baseline.sessionCookie(database, who.staffAccountId);
      const search = encodeURIComponent(who.searchText);
      await baseline.comparePoortWithBare(
        database,
        bareDossierServer(database.bare, who),
        [
          {
            name: "client dossier list",
            poort: "/api/portal/dossiers?status=in-progress",
            bare: "/portal/dossiers?status=in-progress",
            cookie: client,
          },
          {
            name: `staff search q=${who.searchText}`,
            poort: `/api/office/dossiers?q=${search}`,
            bare: `/office/dossiers?q=${search}`,
            cookie: staff,
          },
        ],
        describeAnswer,
      );
      await explainDossierQueries(database.bare, who);
    },
  );
}

// ── Seeding ────────────────────────────────────────────────────────────────────────────

const STEP_TITLES = [
  "Gegevens ontvangen",
  "Concept-akte verstuurd",
  "Afspraak gepland",
  "Akte getekend",
  "Ingeschreven bij het Kadaster",
];

/** Set-based INSERT … SELECT over generate_series; the measured office is office 1. */
function seedStatements(): SeedStatement[] {
  const seed = officeSeed({
    offices: OFFICES,
    staffPerOffice: STAFF_PER_OFFICE,
    clients: () => String(CLIENTS_PER_OFFICE),
    clientStride: CLIENTS_PER_OFFICE,
    dossiers: () => String(DOSSIERS_PER_OFFICE),
    dossierStride: DOSSIERS_PER_OFFICE,
    handler: (staff) => `CASE WHEN k % 3 = 2 THEN NULL ELSE ${staff("o", "k % 3")} END`,
    // Client 0 of each office is in every tenth dossier: 10 dossiers, like the measured client.
    clientZeroInEveryTenth: true,
  });
  const { office, staff, client, dossier } = seed;
  const statements: SeedStatement[] = [
    seed.statements.offices,
    seed.statements.staff,
    seed.statements.clients,
  ];
  for (let from = 1; from <= OFFICES; from += OFFICES_PER_BATCH) {
    const to = Math.min(OFFICES, from + OFFICES_PER_BATCH - 1);
    statements.push(seed.statements.dossiers(from, to), seed.statements.dossierClients(from, to));
  }
  const detailed = `generate_series(1, ${DETAILED_OFFICES}) o, generate_series(0, ${DOSSIERS_PER_OFFICE - 1}) k,
              LATERAL (SELECT (o - 1) * ${DOSSIERS_PER_OFFICE} + k AS n) numbered`;
  const measuredClient = client(String(MEASURED_OFFICE), "0");
  statements.push(
    clientLogin("klant@bench.example.nl", id("client-account", "1"), measuredClient),
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
                              added_by_account_id, added_by_name, added_by_kind, supplied_by_client_id, created_at)
       SELECT ${office("o")}, ${dossier("o", "k")}, kind.category, kind.title, kind.title || '.pdf',
              'application/pdf', 100000 + ${hashed("n * 43 + d", 900000)}, md5(n || ':' || d) || md5(d || ':' || n),
              gen_random_uuid()::text, 'not-scanned', kind.state,
              CASE kind.state WHEN 'published' THEN now() - d * interval '3 days' END,
              ${staff("o", "0")}, ${seed.staffName("o", "0")}, 'staff', CASE kind.category WHEN 'supplied' THEN ${client("o", seed.firstClient("o", "k"))} END,
              now() - d * interval '3 days'
       FROM ${detailed}, generate_series(1, 6) d,
            LATERAL (SELECT (ARRAY['correspondence','correspondence','documents','documents','documents','supplied'])[d] AS category,
                            (ARRAY['Brief','Offerte','Concept-akte','Volmacht','Nota van afrekening','Kopie paspoort'])[d] AS title,
                            CASE d WHEN 5 THEN 'draft' ELSE 'published' END AS state) kind`,
    ],
    [
      "supplied by the measured client",
      `INSERT INTO documents (office_id, dossier_id, category, title, file_name, content_type, size,
                              sha256, blob_key, scan_status, state, added_by_account_id, added_by_name,
                              added_by_kind, supplied_by_client_id, created_at)
       SELECT d.office_id, d.dossier_id, 'supplied', 'Loonstrook', 'loonstrook.pdf', 'application/pdf',
              120000, md5(d.dossier_id::text) || md5(d.dossier_id::text), gen_random_uuid()::text,
              'not-scanned', 'published', ${id("client-account", "1")}, clients.name, 'client',
              ${measuredClient}, now()
       FROM (SELECT DISTINCT dossier_id, ${office(String(MEASURED_OFFICE))} AS office_id FROM dossier_clients
             WHERE client_id = ${measuredClient}) d
       JOIN clients ON clients.id = ${measuredClient}`,
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

interface MeasuredPeople {
  officeId: string;
  clientId: string;
  clientAccountId: string;
  staffAccountId: string;
  /** Part of the measured client's name, as staff would type it. */
  searchText: string;
}

async function measuredPeople(pool: pg.Pool): Promise<MeasuredPeople> {
  const login = await findClientLogin(pool, "klant@bench.example.nl");
  const { rows } = await pool.query<{ id: string }>(
    "SELECT id FROM accounts WHERE office_id = $1 AND role = 'admin'",
    [login.officeId],
  );
  const staff = rows[0];
  if (!staff) throw new Error("the measured office has no admin");
  // Staff type a part of the surname: "de Vries" → "vries", "Jansen" → "janse".
  const surname = login.clientName.split(" ").at(-1) ?? login.clientName;
  return {
    officeId: login.officeId,
    clientId: login.clientId,
    clientAccountId: login.accountId,
    staffAccountId: staff.id,
    searchText: surname.slice(0, 5).toLowerCase(),
  };
}

// ── The bare server ────────────────────────────────────────────────────────────────────

/*
 * The SQL below is the same SQL that Drizzle generates for the repository functions the two
 * routes call (copied from `.text` of the queries Poort sends; the run checks that they still
 * match, see `checkSameSql`). Only the data queries: the bare server has no sessions.
 */

/** `listClientDossiers` with one status: $1 office, $2 client, $3 status. */
const CLIENT_DOSSIERS = `${poortSql.SELECT_DOSSIERS} where (${poortSql.sharedWithClient("dossiers", 1)} and "dossiers"."status" in ($3)) order by "dossiers"."updated_at" desc, "dossiers"."number" asc`;

/** `countClientDossiersByStatus`: $1 office, $2 client. */
const CLIENT_STATUS_COUNTS = `select "dossiers"."status", "dossiers"."custom_status_id", "dossier_statuses"."label", count(*) from "dossiers" left join "dossier_statuses" on "dossier_statuses"."id" = "dossiers"."custom_status_id" where ${poortSql.sharedWithClient("dossiers", 1)} group by "dossiers"."status", "dossiers"."custom_status_id", "dossier_statuses"."label"`;

/** `countProgress`: the dossier ids. */
const progressCounts = (count: number) =>
  `select "dossier_id", count(*), count("done_on") from "progress_steps" where "progress_steps"."dossier_id" in (${poortSql.placeholders(1, count)}) group by "progress_steps"."dossier_id"`;

/**
 * documents/repository.ts `countUnreadByDossier`: the dossier ids, then office, client,
 * 'published', 'correspondence', 'documents', 'supplied', client, account.
 */
const unreadCounts = (count: number) => {
  const n = count;
  return `select "dossier_id", count(*) from "documents" where ("documents"."dossier_id" in (${poortSql.placeholders(1, n)}) and (${poortSql.sharedWithClient("documents", n + 1)} and "documents"."state" = $${n + 3} and ("documents"."category" in ($${n + 4}, $${n + 5}) or ("documents"."category" = $${n + 6} and "documents"."supplied_by_client_id" = $${n + 7}))) and not exists (select 1 from "document_reads" where "document_reads"."document_id" = "documents"."id"\n        and "document_reads"."account_id" = $${n + 8})) group by "documents"."dossier_id"`;
};

/** messages/repository.ts `countClientUnreadByDossier`: the dossier ids, then office, client, client, account. */
const unreadMessageCounts = (count: number) =>
  `select "dossier_id", count(*) from "messages" where ("messages"."dossier_id" in (${poortSql.placeholders(1, count)}) and ${poortSql.visibleMessages(count + 1)} and not ${poortSql.messageReadBy(count + 4)}) group by "messages"."dossier_id"`;

/** `searchOfficeDossiers`' condition: $1 office, $2–$4 the `%text%` pattern. */
const SEARCH_WHERE =
  'where ("dossiers"."office_id" = $1 and ("dossiers"."number" ilike $2 or "dossiers"."description" ilike $3 or exists (select 1 from "dossier_clients" join "clients" on "clients"."id" = "dossier_clients"."client_id"\n                where "dossier_clients"."dossier_id" = "dossiers"."id" and "clients"."office_id" = "dossiers"."office_id"\n                  and "clients"."name" ilike $4)))';

/** `searchOfficeDossiers` rows on page 1 (Drizzle leaves out `offset 0`): $5 page size. */
const SEARCH_ROWS = `${poortSql.SELECT_DOSSIERS} ${SEARCH_WHERE} order by "dossiers"."updated_at" desc, "dossiers"."number" asc limit $5`;

/** `searchOfficeDossiers` total. */
const SEARCH_COUNT = `select count(*) from "dossiers" ${SEARCH_WHERE}`;

/** `listDossierClients`: the dossier ids. */
const dossierClientsOf = (count: number) =>
  `select "dossier_clients"."dossier_id", "clients"."id", "clients"."name", "clients"."kind" from "dossier_clients" inner join "clients" on "clients"."id" = "dossier_clients"."client_id" where "dossier_clients"."dossier_id" in (${poortSql.placeholders(1, count)}) order by "clients"."name" asc`;

/** The columns of `poortSql.SELECT_DOSSIERS`, by position (two are called "name"). */
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
function bareDossierServer(pool: pg.Pool, who: MeasuredPeople) {
  return baseline.bareServer(pool, (app: FastifyInstance, rows: baseline.Rows) => {
    app.get<{ Querystring: { status?: string } }>("/portal/dossiers", async (request) => {
      const status = request.query.status ?? "in-progress";
      const [listed, counted] = await Promise.all([
        rows(CLIENT_DOSSIERS, [who.officeId, who.clientId, status]),
        rows(CLIENT_STATUS_COUNTS, [who.officeId, who.clientId]),
      ]);
      const ids = listed.map((row) => row[ID] as string);
      const progress = await rows(progressCounts(ids.length), ids);
      // "Ongelezen": the documents and the messages this login has not read.
      const [unreadDocuments, unreadMessages] = await Promise.all([
        rows(unreadCounts(ids.length), [
          ...ids,
          who.officeId,
          who.clientId,
          "published",
          "correspondence",
          "documents",
          "supplied",
          who.clientId,
          who.clientAccountId,
        ]),
        rows(unreadMessageCounts(ids.length), [
          ...ids,
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
  });
}

function describeAnswer(body: unknown): string {
  const answer = body as { dossiers?: unknown[]; total?: number };
  return `${answer.dossiers?.length ?? 0} dossiers in the answer${answer.total === undefined ? "" : ` of ${answer.total} found`}`;
}

/** The plans of the measured queries. */
function explainDossierQueries(pool: pg.Pool, who: MeasuredPeople) {
  const pattern = `%${who.searchText}%`;
  return baseline.explain(pool, [
    {
      name: "client dossier list",
      text: CLIENT_DOSSIERS,
      values: [who.officeId, who.clientId, "in-progress"],
    },
    {
      name: "client status counts",
      text: CLIENT_STATUS_COUNTS,
      values: [who.officeId, who.clientId],
    },
    {
      name: "staff search rows",
      text: SEARCH_ROWS,
      values: [who.officeId, pattern, pattern, pattern, 25],
    },
    {
      name: "staff search total",
      text: SEARCH_COUNT,
      values: [who.officeId, pattern, pattern, pattern],
    },
  ]);
}
