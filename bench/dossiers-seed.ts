import type pg from "pg";
import {
  clientLogin,
  findClientLogin,
  hashed,
  id,
  officeSeed,
  type SeedStep,
  STREETS,
} from "./seed-sql.ts";

/**
 * The dossier benchmark's database, which grows in steps: offices of 100 dossiers, 30 clients
 * and 2 staff each, up to 1,000, then 100,000, then 1,000,000 dossiers; and at last one very
 * large office of 50,000 dossiers beside them. The measured client and office are office 1's.
 */

export const DOSSIERS_PER_OFFICE = 100;
const CLIENTS_PER_OFFICE = 30;
const STAFF_PER_OFFICE = 2;
const OFFICES = 10_000;
/** The offices in the database at each step: 1,000, 100,000 and 1,000,000 dossiers. */
export const SCALES = [10, 1_000, OFFICES] as const;
/** The very large office, seeded after the others: the last, so the others keep their rows. */
export const LARGE_OFFICE = OFFICES + 1;
export const LARGE_OFFICE_DOSSIERS = 50_000;
/** Offices per INSERT of dossiers and their links, so no statement runs for minutes. */
const OFFICES_PER_BATCH = 2_500;
/** Offices whose dossiers get progress steps and documents (the measured one is the first). */
const DETAILED_OFFICES = 100;
/** The measured office and its client 0, who is linked to every tenth dossier: 10 in all. */
const MEASURED_OFFICE = 1;
const CLIENT_EMAIL = "klant@bench.example.nl";
const CLIENT_ACCOUNT = id("client-account", "1");

const dossierCount = (o: string) =>
  `CASE WHEN ${o} = ${LARGE_OFFICE} THEN ${LARGE_OFFICE_DOSSIERS} ELSE ${DOSSIERS_PER_OFFICE} END`;

const seed = officeSeed({
  offices: LARGE_OFFICE,
  staffPerOffice: STAFF_PER_OFFICE,
  // As many clients to a dossier in the large office as in the others.
  clients: (o) => `(${dossierCount(o)}) * ${CLIENTS_PER_OFFICE} / ${DOSSIERS_PER_OFFICE}`,
  clientStride: (LARGE_OFFICE_DOSSIERS * CLIENTS_PER_OFFICE) / DOSSIERS_PER_OFFICE,
  dossiers: dossierCount,
  dossierStride: LARGE_OFFICE_DOSSIERS,
  handler: (staff) => `CASE WHEN k % 3 = 2 THEN NULL ELSE ${staff("o", "k % 3")} END`,
  // Client 0 of each office is in every tenth dossier: 10 dossiers, like the measured client.
  clientZeroInEveryTenth: true,
});

const STEP_TITLES = [
  "Gegevens ontvangen",
  "Concept-akte verstuurd",
  "Afspraak gepland",
  "Akte getekend",
  "Ingeschreven bij het Kadaster",
];

/**
 * The offices `from` to `to` with their staff, clients, dossiers and the dossiers' clients (set-
 * based INSERT … SELECT over generate_series); progress steps and documents for those among the
 * first 100; and with office 1 the measured client's login, documents and reads.
 */
export function officesFrom(from: number, to: number): SeedStep[] {
  const created = seed.statements.officesFrom(from, to);
  const steps: SeedStep[] = [created.offices, created.staff, created.clients];
  for (let first = from; first <= to; first += OFFICES_PER_BATCH) {
    const last = Math.min(to, first + OFFICES_PER_BATCH - 1);
    steps.push(
      seed.statements.dossiers(first, last),
      seed.statements.dossierClients(first, last),
      seed.statements.searchText(first, last),
    );
  }
  if (from <= DETAILED_OFFICES) steps.push(...details(from, Math.min(to, DETAILED_OFFICES)));
  if (from <= MEASURED_OFFICE && MEASURED_OFFICE <= to) steps.push(...measuredClient());
  return steps;
}

/** Progress steps and documents in the dossiers of offices `from` to `to`. */
function details(from: number, to: number): SeedStep[] {
  const { office, staff, client, dossier } = seed;
  const detailed = `generate_series(${from}, ${to}) o, generate_series(0, ${DOSSIERS_PER_OFFICE - 1}) k,
              LATERAL (SELECT (o - 1) * ${DOSSIERS_PER_OFFICE} + k AS n) numbered`;
  return [
    [
      `progress steps ${from}–${to}`,
      `INSERT INTO progress_steps (dossier_id, position, title, done_on)
       SELECT ${dossier("o", "k")}, step - 1, (ARRAY[${STEP_TITLES.map((title) => `'${title}'`).join(",")}])[step],
              CASE WHEN step <= ${hashed("n * 41", 6)} THEN (current_date - (60 - step * 10)) END
       FROM ${detailed}, generate_series(1, ${STEP_TITLES.length}) step`,
    ],
    [
      `documents ${from}–${to}`,
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
  ];
}

/** The measured client's login, the documents it supplied, and the letters it has read. */
function measuredClient(): SeedStep[] {
  const client = seed.client(String(MEASURED_OFFICE), "0");
  return [
    clientLogin(CLIENT_EMAIL, CLIENT_ACCOUNT, client),
    [
      "supplied by the measured client",
      `INSERT INTO documents (office_id, dossier_id, category, title, file_name, content_type, size,
                              sha256, blob_key, scan_status, state, added_by_account_id, added_by_name,
                              added_by_kind, supplied_by_client_id, created_at)
       SELECT d.office_id, d.dossier_id, 'supplied', 'Loonstrook', 'loonstrook.pdf', 'application/pdf',
              120000, md5(d.dossier_id::text) || md5(d.dossier_id::text), gen_random_uuid()::text,
              'not-scanned', 'published', ${CLIENT_ACCOUNT}, clients.name, 'client',
              ${client}, now()
       FROM (SELECT DISTINCT dossier_id, ${seed.office(String(MEASURED_OFFICE))} AS office_id FROM dossier_clients
             WHERE client_id = ${client}) d
       JOIN clients ON clients.id = ${client}`,
    ],
    [
      "document reads",
      // The measured client has read the letters, not the documents.
      `INSERT INTO document_reads (document_id, account_id, read_at)
       SELECT documents.id, ${CLIENT_ACCOUNT}, now()
       FROM documents JOIN dossier_clients ON dossier_clients.dossier_id = documents.dossier_id
       WHERE dossier_clients.client_id = ${client} AND documents.category = 'correspondence'`,
    ],
  ];
}

export interface MeasuredPeople {
  officeId: string;
  clientId: string;
  clientAccountId: string;
  staffAccountId: string;
  /** Part of the measured client's name, as staff would type it. */
  searchText: string;
}

/** The measured client of office 1 and the office's admin, who searches. */
export async function measuredPeople(pool: pg.Pool): Promise<MeasuredPeople> {
  const login = await findClientLogin(pool, CLIENT_EMAIL);
  // Staff type a part of the surname: "de Vries" → "vries", "Jansen" → "janse".
  const surname = login.clientName.split(" ").at(-1) ?? login.clientName;
  return {
    officeId: login.officeId,
    clientId: login.clientId,
    clientAccountId: login.accountId,
    staffAccountId: await adminOf(pool, MEASURED_OFFICE),
    searchText: surname.slice(0, 5).toLowerCase(),
  };
}

/** The admin of office `o` (staff member 0). */
async function adminOf(pool: pg.Pool, o: number): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM accounts WHERE id = ${seed.staff(String(o), "0")} AND role = 'admin'`,
  );
  const admin = rows[0];
  if (!admin) throw new Error(`office ${o} has no admin`);
  return admin.id;
}

/** An office that staff search in, and the one who does. */
export interface SearchingOffice {
  name: string;
  officeId: string;
  staffAccountId: string;
}

/** Office 1 (100 dossiers) and the very large office, each with its admin. */
export async function searchingOffices(pool: pg.Pool): Promise<SearchingOffice[]> {
  return Promise.all(
    [
      { o: MEASURED_OFFICE, dossiers: DOSSIERS_PER_OFFICE },
      { o: LARGE_OFFICE, dossiers: LARGE_OFFICE_DOSSIERS },
    ].map(async ({ o, dossiers }) => {
      const { rows } = await pool.query<{ id: string }>(`SELECT ${seed.office(String(o))} AS id`);
      const officeId = rows[0]?.id;
      if (!officeId) throw new Error(`no id for office ${o}`);
      return {
        name: `${dossiers.toLocaleString("en")} dossiers`,
        officeId,
        staffAccountId: await adminOf(pool, o),
      };
    }),
  );
}

/**
 * What staff type to find a dossier, the same in both offices: a part of a client's surname
 * (the measured client's), a part of a dossier number (the last four digits of one of office
 * 1's) and a word of the descriptions (a street of the seed's addresses).
 */
export async function searchTexts(
  pool: pg.Pool,
  who: MeasuredPeople,
): Promise<Array<{ kind: string; q: string }>> {
  const { rows } = await pool.query<{ number: string }>(
    `SELECT number FROM dossiers WHERE id = ${seed.dossier(String(MEASURED_OFFICE), "0")}`,
  );
  const number = rows[0]?.number;
  if (!number) throw new Error("office 1 has no dossier 0");
  return [
    { kind: "a client's surname", q: who.searchText },
    { kind: "a dossier number", q: number.slice(-4) },
    { kind: "a description word", q: (STREETS[0] ?? "").toLowerCase() },
  ];
}
