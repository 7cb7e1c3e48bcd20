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
  pick,
  type SeedStatement,
  type SeedStep,
  seedDatabase,
  seedTimes,
} from "./seed-sql.ts";

const DATABASE = "poort_bench_messages";
const OFFICES = 5;
/** The dossiers of office 1, the measured one, and of each other office. */
const MEASURED_DOSSIERS = 20_000;
const OTHER_DOSSIERS = 1_000;
const STAFF_PER_OFFICE = 10;
/** On average: the two dossiers of each pair hold 100 messages together, 5 to 95 each. */
const MESSAGES_PER_DOSSIER = 50;
/**
 * Dossiers per INSERT of messages (200,000 messages, as many as the other offices hold), two
 * at a time, so no statement runs for minutes and both cores work.
 */
const DOSSIERS_PER_BATCH = 4_000;
/** The inbox's page (the default of its contract). */
const PAGE_SIZE = 25;
/**
 * The load on an inbox that counts tens of thousands of messages per request: as many
 * connections as cores, for longer, so that enough requests end to give a 95th percentile.
 */
const COUNTING = { concurrency: 2, durationMs: 20_000 };

/**
 * The office's inbox and a dossier's messages over 1,000,000 messages of one office (20,000
 * dossiers; 4 more offices hold 50,000 each) on PostgreSQL, through the whole Poort app
 * (sessions, Zod validation and serialisation, Drizzle), next to a bare Fastify + pg server in
 * the same run that runs the same SQL without any of that: as `dossiers.bench.ts` does.
 *
 * Of the messages 60 % come from clients, 95 % of those handled; one in ten messages has an
 * attachment. The measured staff member (the office's admin, handler of one dossier in eleven)
 * has read 90 % of the clients' messages, at random, so the unread ones lie all over the inbox;
 * a colleague has read 30 %. The measured client shares a dossier of 50 messages with a
 * co-client and sees the messages to both and its own conversation with the office.
 */
export async function run(): Promise<void> {
  await baseline.withBenchDatabase(
    DATABASE,
    "PostgreSQL only; 1,000,000 messages",
    async (database: baseline.BenchDatabase) => {
      const seeding = await seedDatabase(database.databaseUrl, seedStatements());
      const who = await measuredPeople(database.bare);
      console.log(
        `Seeded ${who.counts.messages.toLocaleString("en")} messages (${who.counts.office.toLocaleString("en")} of office 1, ` +
          `${who.counts.fromClients.toLocaleString("en")} of those from clients, ${who.counts.unread.toLocaleString("en")} unread by the staff member), ` +
          `${who.counts.reads.toLocaleString("en")} read marks, ${who.counts.attachments.toLocaleString("en")} attachments ${seedTimes(seeding)}.`,
      );

      const client = await baseline.sessionCookie(database, who.clientAccountId);
      const staff = await baseline.sessionCookie(database, who.staffAccountId);
      const inbox = (query: string, load?: baseline.Endpoint["load"]) => ({
        ...(load ? { load } : {}),
        poort: `/api/office/messages${query}`,
        bare: `/office/messages${query}`,
      });
      await baseline.comparePoortWithBare(
        database,
        bareMessageServer(database.bare, who),
        [
          { name: "inbox, first page", ...inbox("", COUNTING), cookie: staff },
          { name: "inbox of a dossier", ...inbox(`?dossierId=${who.dossierId}`), cookie: staff },
          {
            name: "inbox by handler",
            ...inbox(`?handler=${who.staffAccountId}`, COUNTING),
            cookie: staff,
          },
          { name: "inbox, unread only", ...inbox("?read=unread", COUNTING), cookie: staff },
          {
            name: "dossier's messages, client",
            poort: `/api/portal/dossiers/${who.dossierId}/messages`,
            bare: `/portal/dossiers/${who.dossierId}/messages`,
            cookie: client,
          },
          {
            name: "dossier's messages, staff",
            poort: `/api/office/dossiers/${who.dossierId}/messages`,
            bare: `/office/dossiers/${who.dossierId}/messages`,
            cookie: staff,
          },
        ],
        describeAnswer,
      );
      await baseline.explain(database.bare, explainedQueries(who));
    },
  );
}

// ── Seeding ────────────────────────────────────────────────────────────────────────────

const SUBJECTS = [
  "Vraag over de concept-akte",
  "Afspraak voor het passeren",
  "Nota van afrekening",
  "Ontbrekende gegevens",
  "Volmacht",
  "Kopie identiteitsbewijs",
  "Betaling van de koopsom",
  "Wijziging in de akte",
  "Bankgarantie",
  "Taxatierapport",
];
const NOTICES = [
  "Uw afspraak is bevestigd",
  "De akte is ingeschreven",
  "Nieuwe documenten in uw dossier",
];
const SENTENCES = [
  "Dank voor uw bericht van vorige week.",
  "Kunt u mij laten weten of de datum van de overdracht nog klopt?",
  "In de bijlage vindt u het document waar u om vroeg.",
  "Wij hebben de gegevens van de bank nog niet ontvangen.",
  "De concept-akte is aangepast op de punten die wij telefonisch hebben besproken.",
  "Graag ontvangen wij uiterlijk vrijdag een kopie van uw legitimatiebewijs.",
  "Het bedrag op de nota van afrekening wijkt af van wat de makelaar noemde.",
  "Na ontvangst van de volmacht kunnen wij de akte inplannen.",
  "Mijn partner kan niet bij het passeren zijn; wat zijn de mogelijkheden?",
  "Met vriendelijke groet, ook namens mijn partner.",
];

/**
 * Office `o` has this many dossiers (office 1 is the measured one), and 3 clients for every 5
 * of them: a client has one or two dossiers; one dossier in five has two clients.
 */
const dossierCount = (o: string) =>
  `CASE WHEN ${o} = 1 THEN ${MEASURED_DOSSIERS} ELSE ${OTHER_DOSSIERS} END`;
const clientCount = (o: string) => `(${dossierCount(o)}) * 3 / 5`;
const CLIENT_STRIDE = (MEASURED_DOSSIERS * 3) / 5;

const seed = officeSeed({
  offices: OFFICES,
  staffPerOffice: STAFF_PER_OFFICE,
  clients: clientCount,
  clientStride: CLIENT_STRIDE,
  dossiers: dossierCount,
  dossierStride: MEASURED_DOSSIERS,
  // Staff 0–9 handle one dossier in eleven each; one in eleven has no handler.
  handler: (staff) => `CASE WHEN k % 11 = 10 THEN NULL ELSE ${staff("o", "k % 11")} END`,
  clientZeroInEveryTenth: false,
});
const MEASURED_OFFICE = seed.office("1");
const MEASURED_STAFF = seed.staff("1", "0");
const COLLEAGUE = seed.staff("1", "1");

/**
 * The measured dossier: the office's first with exactly the average of messages and two
 * clients who both write. Its first message is from the measured client.
 */
const MEASURED_DOSSIER = `(SELECT dossier_id FROM messages WHERE office_id = ${MEASURED_OFFICE}
  GROUP BY dossier_id HAVING count(*) = ${MESSAGES_PER_DOSSIER} AND count(DISTINCT client_id) = 2
  ORDER BY dossier_id LIMIT 1)`;
const MEASURED_CLIENT = `(SELECT client_id FROM messages WHERE dossier_id = ${MEASURED_DOSSIER}
  ORDER BY sent_at LIMIT 1)`;
const CLIENT_EMAIL = "klant@bench.example.nl";

/**
 * The messages of dossiers `from` to `to` of offices `first` to `last`, message `j` of
 * dossier `n` numbered `n * 100 + j`. In each block of five: the client writes, writes again,
 * the office answers that, the client writes, the office answers (or, every other block, writes
 * to all clients of the dossier). In a dossier of two clients, blocks alternate between their
 * conversations. A dossier's messages are spread over 90 days, somewhere in the last two years.
 * What is the same for a dossier's messages (and for an office's staff) is worked out once.
 */
function messages(first: number, last: number, from: number, to: number): SeedStatement {
  const { office, staff, staffName, client, clientName, dossier, firstClient, secondClient } = seed;
  const messageId = (m: string) => id("message", m);
  const clientNumber = (c: string) => `(o - 1) * ${CLIENT_STRIDE} + ${c}`;
  return [
    first === last ? `messages ${from}–${to}` : "messages of the other offices",
    `WITH team AS MATERIALIZED (
       SELECT o, array_agg(${staff("o", "s")} ORDER BY s) AS ids,
              array_agg(${staffName("o", "s")} ORDER BY s) AS names
       FROM generate_series(${first}, ${last}) o, generate_series(0, ${STAFF_PER_OFFICE - 1}) s
       GROUP BY o),
     dossier AS MATERIALIZED (
       SELECT o, k, n, size, ${office("o")} AS office_id, ${dossier("o", "k")} AS dossier_id,
              ${client("o", "c1")} AS first_id, ${clientName(clientNumber("c1"), "c1")} AS first_name,
              ${client("o", "c2")} AS second_id, ${clientName(clientNumber("c2"), "c2")} AS second_name,
              now() - interval '91 days' - ${hashed("n * 31", 730 * 24 * 60)} * interval '1 minute' AS start
       FROM generate_series(${first}, ${last}) o,
            generate_series(${from}, least(${to}, ${dossierCount("o")} - 1)) k,
            LATERAL (SELECT (o - 1) * ${MEASURED_DOSSIERS} + k AS n) numbered,
            LATERAL (SELECT ${MESSAGES_PER_DOSSIER} + CASE WHEN n % 2 = 0 THEN 1 ELSE -1 END
                              * ${hashed("n / 2", MESSAGES_PER_DOSSIER - 4)} AS size,
                            ${firstClient("o", "k")} AS c1, ${secondClient("o", "k")} AS c2) facts)
     INSERT INTO messages (id, office_id, dossier_id, sender, client_id, author_account_id, author_name,
                           reply_to_message_id, subject, body, sent_at, handled_at, handled_by_account_id,
                           withdrawn_at, withdrawn_by_account_id)
     SELECT ${messageId("m")}, office_id, dossier_id, sender, CASE WHEN NOT to_all THEN client_id END,
            CASE sender WHEN 'office' THEN team.ids[1 + author] END,
            CASE sender WHEN 'office' THEN team.names[1 + author] ELSE client_name END,
            CASE WHEN sender = 'office' AND NOT to_all THEN ${messageId("m - 1")} END,
            CASE WHEN to_all THEN ${pick(NOTICES, "m")}
                 WHEN sender = 'office' THEN 'Re: ' || ${pick(SUBJECTS, "m - 1")}
                 ELSE ${pick(SUBJECTS, "m")} END,
            ${pick(SENTENCES, "m * 7")} || ' ' || ${pick(SENTENCES, "m * 11")}
              || CASE WHEN ${hashed("m * 13", 2)} = 0 THEN ' ' || ${pick(SENTENCES, "m * 17")} ELSE '' END,
            sent_at,
            CASE WHEN sender = 'client' AND NOT open THEN least(now(), sent_at + (1 + ${hashed("m * 19", 72)}) * interval '1 hour') END,
            CASE WHEN sender = 'client' AND NOT open THEN team.ids[1 + k % ${STAFF_PER_OFFICE}] END,
            CASE WHEN withdrawn THEN sent_at + interval '10 minutes' END,
            CASE WHEN withdrawn THEN team.ids[1 + author] END
     FROM dossier JOIN team USING (o), generate_series(0, size - 1) j,
          LATERAL (SELECT n * 100 + j AS m,
                          CASE WHEN j % 5 IN (0, 1, 3) THEN 'client' ELSE 'office' END AS sender,
                          j % 10 = 9 AS to_all,
                          (k + j) % ${STAFF_PER_OFFICE} AS author,
                          k % 5 = 1 AND (j / 5) % 2 = 1 AS second) message,
          LATERAL (SELECT CASE WHEN second THEN second_id ELSE first_id END AS client_id,
                          CASE WHEN second THEN second_name ELSE first_name END AS client_name,
                          start + (j::float8 / size) * interval '90 days' + ${hashed("m * 3", 60)} * interval '1 minute' AS sent_at,
                          ${hashed("m * 5", 20)} = 0 AS open,
                          sender = 'office' AND ${hashed("m * 23", 500)} = 0 AS withdrawn) facts`,
  ];
}

/**
 * Set-based INSERT … SELECT over generate_series, two statements at a time where they do not
 * depend on each other (the foreign keys are not checked); the measured office is office 1.
 */
function seedStatements(): SeedStep[] {
  const batches: SeedStatement[] = [];
  for (let from = 0; from < MEASURED_DOSSIERS; from += DOSSIERS_PER_BATCH) {
    batches.push(messages(1, 1, from, from + DOSSIERS_PER_BATCH - 1));
  }
  batches.push(messages(2, OFFICES, 0, OTHER_DOSSIERS - 1));
  // One in ten messages has a file: a client's is supplied by that client, the office's is of
  // category "message"; the blob keys point nowhere, as only the rows are read. Rows go in in
  // the order of their primary key, which halves the time of filling its index.
  const withFile = `${hashed("hashtext(messages.id::text)::bigint * 7", 10)} = 0`;
  const documentId = id("document", "messages.id::text");
  return [
    [seed.statements.offices, seed.statements.staff],
    [seed.statements.clients, seed.statements.dossiers(1, OFFICES)],
    seed.statements.dossierClients(1, OFFICES),
    ...pairs(batches),
    [
      [
        "attachments' documents",
        `INSERT INTO documents (id, office_id, dossier_id, category, title, file_name, content_type, size,
                                sha256, blob_key, scan_status, state, published_at, added_by_account_id,
                                added_by_name, added_by_kind, supplied_by_client_id, created_at)
         SELECT ${documentId}, office_id, dossier_id,
                CASE sender WHEN 'client' THEN 'supplied' ELSE 'message' END, 'Bijlage', 'bijlage.pdf',
                'application/pdf', 100000 + ${hashed("hashtext(messages.id::text)", 900000)},
                md5(id::text) || md5(dossier_id::text), gen_random_uuid()::text, 'not-scanned',
                'published', sent_at, author_account_id, author_name,
                CASE sender WHEN 'client' THEN 'client' ELSE 'staff' END,
                CASE sender WHEN 'client' THEN client_id END, sent_at
         FROM messages WHERE ${withFile} ORDER BY 1`,
      ],
      [
        "attachments",
        `INSERT INTO message_attachments (message_id, document_id, position)
         SELECT id, ${documentId}, 0 FROM messages WHERE ${withFile} ORDER BY id`,
      ],
    ],
    [
      [
        "staff member's reads",
        // 90 % of the clients' messages, at random, and what the member wrote.
        `INSERT INTO message_reads (message_id, account_id, read_at)
         SELECT id, ${MEASURED_STAFF}, sent_at + interval '1 hour' FROM messages
         WHERE office_id = ${MEASURED_OFFICE}
           AND (sender = 'client' AND ${hashed("hashtext(id::text)", 10)} <> 0
                OR author_account_id = ${MEASURED_STAFF})
         ORDER BY id`,
      ],
      [
        "colleague's reads",
        `INSERT INTO message_reads (message_id, account_id, read_at)
         SELECT id, ${COLLEAGUE}, sent_at + interval '2 hours' FROM messages
         WHERE office_id = ${MEASURED_OFFICE} AND sender = 'client'
           AND ${hashed("hashtext(id::text)::bigint * 3", 10)} < 3
         ORDER BY id`,
      ],
    ],
    [
      clientLogin(CLIENT_EMAIL, id("client-account", "1"), MEASURED_CLIENT),
      [
        "client's reads",
        // Four in five of the messages the measured client sees in its dossiers.
        `INSERT INTO message_reads (message_id, account_id, read_at)
         SELECT messages.id, ${id("client-account", "1")}, messages.sent_at + interval '1 day'
         FROM messages JOIN dossier_clients ON dossier_clients.dossier_id = messages.dossier_id
         WHERE dossier_clients.client_id = ${MEASURED_CLIENT} AND messages.withdrawn_at IS NULL
           AND (messages.client_id IS NULL OR messages.client_id = dossier_clients.client_id)
           AND ${hashed("hashtext(messages.id::text)", 5)} <> 0`,
      ],
    ],
  ];
}

/** The statements two by two. */
const pairs = (statements: SeedStatement[]): SeedStatement[][] =>
  Array.from({ length: Math.ceil(statements.length / 2) }, (_, pair) =>
    statements.slice(pair * 2, pair * 2 + 2),
  );

interface MeasuredPeople {
  officeId: string;
  clientId: string;
  clientAccountId: string;
  staffAccountId: string;
  dossierId: string;
  counts: {
    messages: number;
    office: number;
    fromClients: number;
    unread: number;
    reads: number;
    attachments: number;
  };
}

async function measuredPeople(pool: pg.Pool): Promise<MeasuredPeople> {
  const login = await findClientLogin(pool, CLIENT_EMAIL);
  const { rows } = await pool.query<{ staff: string; dossier: string } & MeasuredPeople["counts"]>(
    `SELECT ${MEASURED_STAFF} AS staff, ${MEASURED_DOSSIER} AS dossier,
            (SELECT count(*) FROM messages)::int AS messages,
            (SELECT count(*) FROM messages WHERE office_id = $1)::int AS office,
            (SELECT count(*) FROM messages WHERE office_id = $1 AND sender = 'client')::int AS "fromClients",
            (SELECT count(*) FROM messages WHERE office_id = $1 AND sender = 'client' AND NOT EXISTS
               (SELECT 1 FROM message_reads WHERE message_id = messages.id AND account_id = ${MEASURED_STAFF}))::int AS unread,
            (SELECT count(*) FROM message_reads)::int AS reads,
            (SELECT count(*) FROM message_attachments)::int AS attachments`,
    [login.officeId],
  );
  const row = rows[0];
  if (!row) throw new Error("nothing was seeded");
  const { staff, dossier, ...counts } = row;
  return {
    officeId: login.officeId,
    clientId: login.clientId,
    clientAccountId: login.accountId,
    staffAccountId: staff,
    dossierId: dossier,
    counts,
  };
}

// ── The bare server ────────────────────────────────────────────────────────────────────

/*
 * The SQL below is the same SQL that Drizzle generates for the repository functions the routes
 * call (copied from `.text` of the queries Poort sends; the run checks that they still match).
 * Only the data queries: the bare server has no sessions.
 */

const MESSAGE_COLUMNS =
  '"messages"."id", "messages"."office_id", "messages"."dossier_id", "messages"."sender", "messages"."client_id", "messages"."author_account_id", "messages"."author_name", "messages"."reply_to_message_id", "messages"."subject", "messages"."body", "messages"."sent_at", "messages"."handled_at", "messages"."handled_by_account_id", "messages"."withdrawn_at", "messages"."withdrawn_by_account_id"';
/** The columns of a message, by position. */
const [ID, , DOSSIER_ID, SENDER, CLIENT_ID, , AUTHOR_NAME, REPLY_TO_ID, SUBJECT, BODY, SENT_AT] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
] as const;
const [HANDLED_AT, , WITHDRAWN_AT] = [11, 12, 13] as const;

/** `findDossier` for the office: $1 dossier, $2 office. */
const OFFICE_DOSSIER = `${poortSql.SELECT_DOSSIERS} where ("dossiers"."id" = $1 and "dossiers"."office_id" = $2)`;
/** `findDossier` for a client: $1 dossier, $2 office, $3 client. */
const CLIENT_DOSSIER = `${poortSql.SELECT_DOSSIERS} where ("dossiers"."id" = $1 and ${poortSql.sharedWithClient("dossiers", 2)})`;

/**
 * `listClientMessages`: $1 reader, $2 client (of the message answered), $3 dossier, $4 office,
 * $5 client, $6 client.
 */
const CLIENT_MESSAGES = `select ${MESSAGE_COLUMNS}, "message_reads"."read_at", "reply_to"."subject" from "messages" left join "message_reads" on ("message_reads"."message_id" = "messages"."id" and "message_reads"."account_id" = $1) left join "messages" "reply_to" on ("reply_to"."id" = "messages"."reply_to_message_id" and "reply_to"."withdrawn_at" is null and ("reply_to"."client_id" is null or "reply_to"."client_id" = $2)) where ("messages"."dossier_id" = $3 and ${poortSql.visibleMessages(4)}) order by "messages"."sent_at" desc, "messages"."id" desc`;

/** `selectOfficeMessages`: $1 the staff member (read state); its columns after the message's. */
const SELECT_OFFICE_MESSAGES = `select ${MESSAGE_COLUMNS}, "dossiers"."id", "dossiers"."number", "dossiers"."description", "dossiers"."handler_id", "handler"."name", "clients"."name", "clients"."kind", "message_reads"."read_at", "handled_by"."name", "withdrawn_by"."name", "reply_to"."subject" from "messages" inner join "dossiers" on "dossiers"."id" = "messages"."dossier_id" left join "accounts" "handler" on "handler"."id" = "dossiers"."handler_id" left join "clients" on "clients"."id" = "messages"."client_id" left join "message_reads" on ("message_reads"."message_id" = "messages"."id" and "message_reads"."account_id" = $1) left join "accounts" "handled_by" on "handled_by"."id" = "messages"."handled_by_account_id" left join "accounts" "withdrawn_by" on "withdrawn_by"."id" = "messages"."withdrawn_by_account_id" left join "messages" "reply_to" on "reply_to"."id" = "messages"."reply_to_message_id"`;
const [DOSSIER_NUMBER, DOSSIER_DESCRIPTION, HANDLER_ID, HANDLER_NAME] = [16, 17, 18, 19] as const;
const [CLIENT_NAME, CLIENT_KIND, READ_AT, HANDLED_BY, WITHDRAWN_BY, REPLY_TO] = [
  20, 21, 22, 23, 24, 25,
] as const;

/** `listOfficeDossierMessages`: $1 the staff member, $2 dossier. */
const OFFICE_DOSSIER_MESSAGES = `${SELECT_OFFICE_MESSAGES} where "messages"."dossier_id" = $2 order by "messages"."sent_at" desc, "messages"."id" desc`;

/** `listAttachments`: the message ids. */
const attachmentsOf = (count: number) =>
  `select "message_attachments"."message_id", "documents"."id", "documents"."file_name", "documents"."content_type", "documents"."size" from "message_attachments" inner join "documents" on "documents"."id" = "message_attachments"."document_id" where "message_attachments"."message_id" in (${poortSql.placeholders(1, count)}) order by "message_attachments"."message_id" asc, "message_attachments"."position" asc`;

interface InboxFilter {
  handler?: string;
  dossierId?: string;
  read?: "read" | "unread";
  state?: "open" | "handled";
}

/**
 * `searchInbox`'s queries for the filter, each with its values: the count of all that match,
 * of the unread ones, and a part of the page (unread or read ones, newest first).
 */
function inboxQueries(who: MeasuredPeople, filter: InboxFilter) {
  const values: unknown[] = [who.officeId];
  const conditions = [`"messages"."office_id" = $1`, `"messages"."sender" = 'client'`];
  if (filter.state === "open") conditions.push(`"messages"."handled_at" is null`);
  if (filter.state === "handled") conditions.push(`"messages"."handled_at" is not null`);
  if (filter.dossierId) {
    values.push(filter.dossierId);
    conditions.push(`"messages"."dossier_id" = $${values.length}`);
  }
  if (filter.handler) {
    values.push(filter.handler);
    conditions.push(
      `exists (select 1 from "dossiers" where "dossiers"."id" = "messages"."dossier_id"\n          and "dossiers"."handler_id" = $${values.length})`,
    );
  }
  const where = `(${conditions.join(" and ")})`;
  const reader = values.length + 1;
  const read = (unread: boolean) =>
    `(${where} and ${unread ? "not " : ""}${poortSql.messageReadBy(reader)})`;
  return {
    all: { text: `select count(*) from "messages" where ${where}`, values },
    unread: {
      text: `select count(*) from "messages" where ${read(true)}`,
      values: [...values, who.staffAccountId],
    },
    /** A part of the page: `limit` unread or read messages from `offset`. */
    ids: (unread: boolean, offset: number, limit: number) => ({
      text: `select "id" from "messages" where ${read(unread)} order by "messages"."sent_at" desc, "messages"."id" desc limit $${reader + 1}${offset > 0 ? ` offset $${reader + 2}` : ""}`,
      values: [...values, who.staffAccountId, limit, ...(offset > 0 ? [offset] : [])],
    }),
  };
}

const byWhom = (at: unknown, name: unknown) =>
  at ? { at: (at as Date).toISOString(), byName: name ?? "" } : null;
const replyOf = (row: baseline.Row, subject: unknown) =>
  row[REPLY_TO_ID] && subject !== null ? { id: row[REPLY_TO_ID], subject } : null;

/** What an office's message and an inbox line share (`message-views.ts` `officeFields`). */
const officeFields = (row: baseline.Row) => ({
  id: row[ID],
  dossier: {
    id: row[DOSSIER_ID],
    number: row[DOSSIER_NUMBER],
    description: row[DOSSIER_DESCRIPTION],
  },
  sender: row[SENDER],
  authorName: row[AUTHOR_NAME],
  client:
    row[CLIENT_ID] && row[CLIENT_NAME] && row[CLIENT_KIND]
      ? { id: row[CLIENT_ID], name: row[CLIENT_NAME], kind: row[CLIENT_KIND] }
      : null,
  subject: row[SUBJECT],
  sentAt: (row[SENT_AT] as Date).toISOString(),
  read: row[READ_AT] !== null,
  handled: byWhom(row[HANDLED_AT], row[HANDLED_BY]),
});

/** The attachments of the messages, by message id. */
async function attachmentsByMessage(rows: baseline.Rows, messages: baseline.Row[]) {
  const ids = messages.map((row) => row[ID] as string);
  const found = ids.length === 0 ? [] : await rows(attachmentsOf(ids.length), ids);
  const byMessage = new Map<unknown, unknown[]>();
  for (const [messageId, id, fileName, contentType, size] of found) {
    byMessage.set(messageId, [
      ...(byMessage.get(messageId) ?? []),
      { id, fileName, contentType, size: Number(size) },
    ]);
  }
  return byMessage;
}

/**
 * The inbox and a dossier's messages with plain Fastify and pg: the same queries in the same
 * order, answers of the same shape; no session, no validation, no response schema. The staff
 * member, client and office are fixed, as a session would have given them.
 */
function bareMessageServer(pool: pg.Pool, who: MeasuredPeople) {
  return baseline.bareServer(pool, (app: FastifyInstance, rows: baseline.Rows) => {
    const count = async (query: { text: string; values: unknown[] }) =>
      Number((await rows(query.text, query.values))[0]?.[0] ?? 0);
    const idsOf = async (query: { text: string; values: unknown[] }, limit: number) =>
      limit <= 0 ? [] : (await rows(query.text, query.values)).map((row) => row[0] as string);

    app.get<{ Querystring: InboxFilter & { page?: string } }>(
      "/office/messages",
      async (request) => {
        const { page: pageText, ...filter } = request.query;
        const page = Number(pageText ?? 1);
        const queries = inboxQueries(who, filter);
        const all = await count(queries.all);
        const unread = all === 0 ? 0 : await count(queries.unread);
        const total =
          filter.read === "unread" ? unread : filter.read === "read" ? all - unread : all;
        const offset = (page - 1) * PAGE_SIZE;
        let ids: string[];
        if (filter.read) {
          ids = await idsOf(queries.ids(filter.read === "unread", offset, PAGE_SIZE), PAGE_SIZE);
        } else {
          const unreadIds =
            offset < unread ? await idsOf(queries.ids(true, offset, PAGE_SIZE), PAGE_SIZE) : [];
          const rest = PAGE_SIZE - unreadIds.length;
          const readIds = await idsOf(queries.ids(false, Math.max(0, offset - unread), rest), rest);
          ids = [...unreadIds, ...readIds];
        }
        const details =
          ids.length === 0
            ? []
            : await rows(
                `${SELECT_OFFICE_MESSAGES} where ("messages"."id" in (${poortSql.placeholders(2, ids.length)}) and "messages"."office_id" = $${ids.length + 2})`,
                [who.staffAccountId, ...ids, who.officeId],
              );
        const attachmentCounts =
          ids.length === 0
            ? []
            : await rows(
                `select "message_id", count(*) from "message_attachments" where "message_attachments"."message_id" in (${poortSql.placeholders(1, ids.length)}) group by "message_attachments"."message_id"`,
                ids,
              );
        return {
          messages: ids.flatMap((messageId) => {
            const row = details.find((detail) => detail[ID] === messageId);
            if (!row) return [];
            const attachments = attachmentCounts.find(([id]) => id === messageId)?.[1];
            return [
              {
                ...officeFields(row),
                handler: row[HANDLER_ID] ? { id: row[HANDLER_ID], name: row[HANDLER_NAME] } : null,
                attachmentCount: Number(attachments ?? 0),
              },
            ];
          }),
          total,
          unread,
          page,
          pageSize: PAGE_SIZE,
        };
      },
    );

    app.get<{ Params: { dossierId: string } }>(
      "/office/dossiers/:dossierId/messages",
      async (request, reply) => {
        const { dossierId } = request.params;
        const [dossier] = await rows(OFFICE_DOSSIER, [dossierId, who.officeId]);
        if (!dossier) return reply.code(404).send();
        const messages = await rows(OFFICE_DOSSIER_MESSAGES, [who.staffAccountId, dossierId]);
        const attachments = await attachmentsByMessage(rows, messages);
        return {
          messages: messages.map((row) => ({
            ...officeFields(row),
            body: row[BODY],
            withdrawn: byWhom(row[WITHDRAWN_AT], row[WITHDRAWN_BY]),
            replyTo: replyOf(row, row[REPLY_TO]),
            attachments: attachments.get(row[ID]) ?? [],
          })),
        };
      },
    );

    app.get<{ Params: { dossierId: string } }>(
      "/portal/dossiers/:dossierId/messages",
      async (request, reply) => {
        const { dossierId } = request.params;
        const [dossier] = await rows(CLIENT_DOSSIER, [dossierId, who.officeId, who.clientId]);
        if (!dossier) return reply.code(404).send();
        const messages = await rows(CLIENT_MESSAGES, [
          who.clientAccountId,
          who.clientId,
          dossierId,
          who.officeId,
          who.clientId,
          who.clientId,
        ]);
        const attachments = await attachmentsByMessage(rows, messages);
        const [readAt, replyToSubject] = [15, 16] as const;
        return {
          messages: messages.map((row) => ({
            id: row[ID],
            dossierId: row[DOSSIER_ID],
            sender: row[SENDER],
            authorName: row[AUTHOR_NAME],
            subject: row[SUBJECT],
            body: row[BODY],
            sentAt: (row[SENT_AT] as Date).toISOString(),
            read: row[readAt] !== null,
            replyTo: replyOf(row, row[replyToSubject]),
            attachments: attachments.get(row[ID]) ?? [],
          })),
        };
      },
    );
  });
}

function describeAnswer(body: unknown): string {
  const answer = body as { messages?: unknown[]; total?: number; unread?: number };
  return (
    `${answer.messages?.length ?? 0} messages in the answer` +
    (answer.total === undefined ? "" : ` of ${answer.total} found, ${answer.unread} unread`)
  );
}

// ── Plans ──────────────────────────────────────────────────────────────────────────────

const INBOX_INDEXES = ["messages_inbox_idx", "messages_inbox_open_idx"];

/**
 * The plans of the measured queries, and of the inbox's "open" view (the other partial index)
 * and of the read part of the inbox behind all the unread messages: every inbox query should
 * read one of the inbox's partial indexes.
 */
function explainedQueries(who: MeasuredPeople): baseline.ExplainedQuery[] {
  const inbox = (name: string, filter: InboxFilter): baseline.ExplainedQuery[] => {
    const queries = inboxQueries(who, filter);
    // One dossier's messages are found best by the dossier's index.
    const expectIndex = filter.dossierId ? ["messages_dossier_idx"] : INBOX_INDEXES;
    return [
      { name: `${name}: count`, ...queries.all, expectIndex },
      { name: `${name}: unread count`, ...queries.unread, expectIndex },
      { name: `${name}: page`, ...queries.ids(true, 0, PAGE_SIZE), expectIndex },
    ];
  };
  return [
    ...inbox("inbox (and unread only)", {}),
    ...inbox("inbox of a dossier", { dossierId: who.dossierId }),
    ...inbox("inbox by handler", { handler: who.staffAccountId }),
    ...inbox("inbox, open", { state: "open" }),
    {
      name: "inbox, the read part behind the unread",
      ...inboxQueries(who, {}).ids(false, 0, PAGE_SIZE),
      expectIndex: INBOX_INDEXES,
    },
    {
      name: "dossier's messages, client",
      text: CLIENT_MESSAGES,
      values: [
        who.clientAccountId,
        who.clientId,
        who.dossierId,
        who.officeId,
        who.clientId,
        who.clientId,
      ],
      expectIndex: ["messages_dossier_idx"],
    },
    {
      name: "dossier's messages, staff",
      text: OFFICE_DOSSIER_MESSAGES,
      values: [who.staffAccountId, who.dossierId],
      expectIndex: ["messages_dossier_idx"],
    },
  ];
}
