import pg from "pg";
import { time } from "./report.ts";

/**
 * Seeding a benchmark database with set-based INSERT … SELECT over generate_series: the SQL
 * expressions and statements the database benchmarks share. Every row is numbered, and its id,
 * names and dates are functions of its number, so rows point at each other without looking up.
 */

/** A named statement of a seed; names that differ only in a batch suffix " 1–2500" add up. */
export type SeedStatement = [name: string, sql: string];

/**
 * A deterministic id for the n-th row of a kind, shaped as a version-4 UUID (the API's
 * contracts check that), so rows can point at each other without looking ids up.
 */
export const id = (kind: string, n: string) =>
  `overlay(overlay(md5('${kind}:' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;
/** A non-negative pseudo-random integer below `below`, fixed by `seed`. */
export const hashed = (seed: string, below: number) =>
  `((hashint8((${seed})::bigint) & 2147483647) % ${below})`;
/** One of the words, picked by `seed`. */
export const pick = (words: readonly string[], seed: string) =>
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
/** The streets of the seed's addresses (in the descriptions of deeds about property). */
export const STREETS = [
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

/** A person's name, picked by `seed`. */
const person = (seed: string) =>
  `${pick(FIRST_NAMES, `(${seed}) * 3`)} || ' ' || ${pick(LAST_NAMES, `(${seed}) * 5`)}`;

/**
 * The offices of a seed and how much each holds: counts are SQL expressions of the office's
 * number (1, 2, …), so one office may be larger than the rest; a stride is the most any office
 * has, which numbers the rows of all offices apart: client `c` of office `o` is row
 * `(o - 1) * clientStride + c`.
 */
export interface OfficeShape {
  offices: number;
  staffPerOffice: number;
  clients: (o: string) => string;
  clientStride: number;
  /** At most 50,000 (dossier numbers run from 2020.00100 for 5,000 a year, until 2029). */
  dossiers: (o: string) => string;
  dossierStride: number;
  /** The handler of dossier `k` of office `o` (SQL of `o` and `k`; NULL for none). */
  handler: (staff: (o: string, j: string) => string) => string;
  /** Client 0 of each office is in every tenth dossier (the dossier benchmark's client). */
  clientZeroInEveryTenth: boolean;
}

/**
 * Offices with their staff (the first of each an admin), clients (one in ten a company),
 * dossiers (a quarter in progress) and the dossiers' clients: every dossier has one of the
 * clients 1 and up, every fifth a second one. The ids and names are exposed, so that a
 * benchmark's own rows point at these.
 */
export function officeSeed(shape: OfficeShape) {
  const office = (o: string) => id("office", o);
  const staff = (o: string, j: string) =>
    id("staff", `(${o} - 1) * ${shape.staffPerOffice} + ${j}`);
  const staffName = (o: string, j: string) => person(`(${o}) * ${shape.staffPerOffice} + ${j}`);
  const client = (o: string, c: string) =>
    id("client", `(${o} - 1) * ${shape.clientStride} + ${c}`);
  const dossier = (o: string, k: string) =>
    id("dossier", `(${o} - 1) * ${shape.dossierStride} + ${k}`);
  const clientCount = (o: string) => `(${shape.clients(o)})`;
  const dossierCount = (o: string) => `(${shape.dossiers(o)})`;
  /** The client of row `n`: a person, or a company for one in ten (never client 0). */
  const clientKind = (n: string, c: string) =>
    `CASE WHEN ${c} > 0 AND ${hashed(n, 10)} = 0 THEN 'company' ELSE 'person' END`;
  const clientName = (n: string, c: string) =>
    `CASE ${clientKind(n, c)} WHEN 'company'
       THEN ${pick(COMPANY_KINDS, n)} || ' ' || ${pick(LAST_NAMES, `(${n}) * 7`)} || ' B.V.'
       ELSE ${person(n)} END`;
  /** Dossier `k`'s first client, and its second one (for every fifth dossier; else NULL). */
  const firstClient = (o: string, k: string) => `(1 + (${k}) % (${clientCount(o)} - 1))`;
  const secondClient = (o: string, k: string) =>
    `CASE WHEN (${k}) % 5 = 1 THEN 1 + ((${k}) + 13) % (${clientCount(o)} - 1) END`;
  /**
   * Rows `j` of each of the offices `from` to `to`, `n` numbering them apart; a bigint, since
   * expressions multiply it (`hashed("n * 41", …)`) past the 2³¹ of an integer in a large seed.
   */
  const rowsOf = (from: number, to: number, j: string, count: string, stride: number) =>
    `generate_series(${from}, ${to}) o, generate_series(0, ${count} - 1) ${j},
              LATERAL (SELECT (o - 1)::bigint * ${stride} + ${j} AS n) numbered`;
  const dossiersOf = (from: number, to: number) =>
    rowsOf(from, to, "k", dossierCount("o"), shape.dossierStride);

  const street = pick(STREETS, "n * 11");
  const place = `${street} || ' ' || (1 + ${hashed("n * 13", 180)}) || ' te ' || ${pick(CITIES, "n * 17")}`;
  /** The offices `from` to `to` themselves, their staff and their clients. */
  const officesFrom = (from: number, to: number) => ({
    offices: [
      `offices ${from}–${to}`,
      `INSERT INTO offices (id, name, debtor_number, email, created_at)
       SELECT ${office("o")}, 'Notariskantoor ' || ${pick(LAST_NAMES, "o")} || ' ' || o,
              (300000 + o)::text, 'info@kantoor' || o || '.nl', now() - interval '6 years'
       FROM generate_series(${from}, ${to}) o`,
    ] satisfies SeedStatement,
    staff: [
      `staff ${from}–${to}`,
      `INSERT INTO accounts (id, kind, office_id, role, email, name, status, two_factor_method,
                             two_factor_phone, created_at)
       SELECT ${staff("o", "j")}, 'staff', ${office("o")}, CASE j WHEN 0 THEN 'admin' ELSE 'handler' END,
              'medewerker' || j || '@kantoor' || o || '.nl', ${staffName("o", "j")}, 'active', 'sms',
              '+316' || lpad(((o * ${shape.staffPerOffice} + j) % 100000000)::text, 8, '0'), now() - interval '5 years'
       FROM generate_series(${from}, ${to}) o, generate_series(0, ${shape.staffPerOffice - 1}) j`,
    ] satisfies SeedStatement,
    clients: [
      `clients ${from}–${to}`,
      `INSERT INTO clients (id, office_id, kind, name, created_at)
       SELECT ${client("o", "c")}, ${office("o")}, ${clientKind("n", "c")}, ${clientName("n", "c")},
              now() - interval '4 years'
       FROM ${rowsOf(from, to, "c", clientCount("o"), shape.clientStride)}`,
    ] satisfies SeedStatement,
  });
  const statements = {
    ...officesFrom(1, shape.offices),
    /** The offices `from` to `to` with staff and clients, for a seed that grows in steps. */
    officesFrom,
    /** The dossiers of offices `from` to `to`. */
    dossiers: (from: number, to: number): SeedStatement => [
      `dossiers ${from}–${to}`,
      `INSERT INTO dossiers (id, office_id, number, description, status, handler_id, created_at, updated_at)
       SELECT ${dossier("o", "k")}, ${office("o")},
              (2020 + k / 5000)::text || '.' || lpad((100 + k % 5000 * 13 + o % 97)::text, 5, '0'),
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
              ${shape.handler(staff)},
              now() - (${hashed("n * 31", 730 * 24 * 60)} + ${hashed("n * 37", 90 * 24 * 60)}) * interval '1 minute',
              now() - ${hashed("n * 31", 730 * 24 * 60)} * interval '1 minute'
       FROM ${dossiersOf(from, to)}`,
    ],
    /** The clients of the dossiers of offices `from` to `to`. */
    dossierClients: (from: number, to: number): SeedStatement => [
      `dossier_clients ${from}–${to}`,
      `INSERT INTO dossier_clients (dossier_id, client_id)
       SELECT ${dossier("o", "k")}, ${client("o", "linked.c")}
       FROM ${dossiersOf(from, to)},
            LATERAL (SELECT ${firstClient("o", "k")} AS c
                     UNION ALL SELECT ${secondClient("o", "k")} WHERE k % 5 = 1
                     ${shape.clientZeroInEveryTenth ? "UNION ALL SELECT 0 WHERE k % 10 = 0" : ""}) linked`,
    ],
    /**
     * The staff search's text of the dossiers of offices `from` to `to`, once their clients are
     * linked: the seed runs without triggers (`session_replication_role`), so it writes what
     * migration 0022's triggers would, with the same function.
     */
    searchText: (from: number, to: number): SeedStatement => [
      `search text ${from}–${to}`,
      `UPDATE dossiers SET search_text = dossier_search_text(id, number, description)
       WHERE office_id IN (SELECT ${office("o")} FROM generate_series(${from}, ${to}) o)`,
    ],
  };
  return {
    office,
    staff,
    staffName,
    client,
    clientName,
    dossier,
    firstClient,
    secondClient,
    dossierCount,
    statements,
  };
}

/** Statements of a seed in order; the statements of a list run at the same time. */
export type SeedStep = SeedStatement | readonly SeedStatement[];

/**
 * Runs the steps, each list of statements at once on connections of their own (no synchronous
 * commit, no JIT compilation, which costs more than it saves on a single pass over generated
 * rows, and no foreign-key triggers where the role may skip them), with the GIN indexes built
 * afresh after them (`withoutGinIndexes`), then VACUUM ANALYZE and CHECKPOINT; returns the time
 * of the whole and of each statement (those of a list overlap).
 */
export async function seedDatabase(
  databaseUrl: string,
  seedSteps: readonly SeedStep[],
): Promise<{ total: number; steps: Array<[string, number]> }> {
  const connections = Math.max(
    1,
    ...seedSteps.map((step) => (typeof step[0] === "string" ? 1 : step.length)),
  );
  const clients = Array.from(
    { length: connections },
    () => new pg.Client({ connectionString: databaseUrl }),
  );
  const connection = (index: number) => {
    const client = clients[index];
    if (!client) throw new Error(`no connection ${index}`);
    return client;
  };
  const steps: Array<[string, number]> = [];
  const start = process.hrtime.bigint();
  try {
    for (const client of clients) {
      await client.connect();
      await client.query("SET synchronous_commit = off");
      await client.query("SET maintenance_work_mem = '256MB'");
      await client.query("SET jit = off");
      // The seed is consistent by construction: skipping the foreign-key triggers (superuser
      // only) saves a lookup per row. Without the right, the keys are checked as usual.
      await client.query("SET session_replication_role = replica").catch(() => {});
    }
    await withoutGinIndexes(connection(0), steps, async () => {
      for (const step of seedSteps) {
        const together = (typeof step[0] === "string" ? [step] : step) as readonly SeedStatement[];
        const times = await Promise.all(
          together.map(([, statement], index) => time(() => connection(index).query(statement))),
        );
        steps.push(...together.map(([name], index): [string, number] => [name, times[index] ?? 0]));
      }
    });
    // VACUUM too: otherwise autovacuum sets the visibility map of the new rows while the
    // measurements run, on the same two cores; and a CHECKPOINT (where the role may), or the
    // checkpointer writes the seed's pages out then.
    steps.push(["vacuum analyze", await time(() => connection(0).query("VACUUM (ANALYZE)"))]);
    await connection(0)
      .query("CHECKPOINT")
      .catch(() => {});
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
  const merged = new Map<string, number>();
  for (const [name, ms] of steps) {
    const group = name.replace(/ \d+–\d+$/, "");
    merged.set(group, (merged.get(group) ?? 0) + ms);
  }
  return { total: Number(process.hrtime.bigint() - start) / 1e6, steps: [...merged] };
}

/**
 * Runs `work` with the GIN indexes of the schema dropped, and builds them again after it (the
 * time as the step "GIN indexes"): the trigram indexes take each new row at once (`fastupdate`
 * off), which makes a seed of 1,000,000 dossiers minutes slower than building them afterwards,
 * with the same result.
 */
async function withoutGinIndexes(
  client: pg.Client,
  steps: Array<[string, number]>,
  work: () => Promise<void>,
): Promise<void> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT index.oid::regclass::text AS name, pg_get_indexdef(index.oid) AS definition
     FROM pg_class index JOIN pg_am ON pg_am.oid = index.relam
     WHERE index.relkind = 'i' AND pg_am.amname = 'gin' AND index.relnamespace = 'public'::regnamespace`,
  );
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  await work();
  const took = await time(async () => {
    for (const { definition } of rows) await client.query(definition);
  });
  steps.push(["GIN indexes", took]);
}

/** "in 12.3 s (offices 0.1 s, …)": how long the seed took, by step (a step's statements added up). */
export function seedTimes(seeding: { total: number; steps: Array<[string, number]> }): string {
  return (
    `in ${(seeding.total / 1000).toFixed(1)} s ` +
    `(${seeding.steps.map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(", ")})`
  );
}

/**
 * A client login with the address `email` (account `accountId`, an SQL expression) and its one
 * membership: it acts for client `clientId` (an SQL expression) at that client's office, as the
 * main account, since a year.
 */
export function clientLogin(email: string, accountId: string, clientId: string): SeedStatement {
  return [
    "client login",
    `WITH login AS (
       INSERT INTO accounts (id, kind, email, name, status, created_at)
       SELECT ${accountId}, 'client', '${email}', name, 'active', now() - interval '1 year'
       FROM clients WHERE id = ${clientId}
       RETURNING id, name)
     INSERT INTO client_memberships (account_id, office_id, client_id, is_main_account, name,
                                     invited_at, joined_at, created_at)
     SELECT login.id, clients.office_id, clients.id, true, login.name, now() - interval '1 year',
            now() - interval '1 year', now() - interval '1 year'
     FROM login, clients WHERE clients.id = ${clientId}`,
  ];
}

/** The client login with this address: its account, and the office and client it acts for. */
export async function findClientLogin(pool: pg.Pool, email: string) {
  const { rows } = await pool.query<{
    accountId: string;
    officeId: string;
    clientId: string;
    clientName: string;
  }>(
    `SELECT accounts.id AS "accountId", client_memberships.office_id AS "officeId",
            clients.id AS "clientId", clients.name AS "clientName"
     FROM accounts JOIN client_memberships ON client_memberships.account_id = accounts.id
     JOIN clients ON clients.id = client_memberships.client_id
     WHERE accounts.kind = 'client' AND accounts.email = $1`,
    [email],
  );
  const login = rows[0];
  if (!login) throw new Error(`the client login ${email} was not seeded`);
  return login;
}
