import type pg from "pg";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import {
  clientLogin,
  findClientLogin,
  hashed,
  id,
  officeSeed,
  type SeedStep,
} from "../seed-sql.ts";
import { storedAnswers } from "./answers.ts";

/** The database the save bench measures: 13,000 questionnaire actions, 500 of one client. */

const OFFICES = 2;
const STAFF_PER_OFFICE = 5;
const CLIENTS_PER_OFFICE = 3_000;
const DOSSIERS_PER_OFFICE = 5_000;
/** Pages answered by an action in progress (of 10), so its stored answers are half the whole. */
export const PAGES_ANSWERED = 5;
const CLIENT_EMAIL = "klant@bench.example.nl";

const seed = officeSeed({
  offices: OFFICES,
  staffPerOffice: STAFF_PER_OFFICE,
  clients: () => String(CLIENTS_PER_OFFICE),
  clientStride: CLIENTS_PER_OFFICE,
  dossiers: () => String(DOSSIERS_PER_OFFICE),
  dossierStride: DOSSIERS_PER_OFFICE,
  handler: (staff) => staff("o", `k % ${STAFF_PER_OFFICE}`),
  // Client 0 of each office is in every tenth dossier: 500 actions of the measured client.
  clientZeroInEveryTenth: true,
});
const MEASURED_CLIENT = seed.client("1", "0");
const CLIENT_ACCOUNT = id("client-account", "1");

/** A constant as a dollar-quoted SQL literal. */
function jsonLiteral(value: unknown): string {
  const text = JSON.stringify(value);
  if (text.includes("$json$")) throw new Error("the JSON holds the quote");
  return `$json$${text}$json$::jsonb`;
}

/**
 * The offices, their clients and dossiers; a template with one version (the bench's
 * questionnaire) per office; a questionnaire action for every client of every dossier. The
 * measured client's are all in progress with the first five pages answered; of the others two in
 * five are open, a third in progress and the rest completed.
 */
export function seedSteps(definition: QuestionnaireDefinition): SeedStep[] {
  const half = storedAnswers(definition, PAGES_ANSWERED);
  const full = storedAnswers(definition, definition.pages.length);
  const numbered = `SELECT dossier_clients.dossier_id, dossier_clients.client_id, dossiers.office_id, dossiers.handler_id,
                           row_number() OVER (ORDER BY dossier_clients.dossier_id, dossier_clients.client_id) AS n
                    FROM dossier_clients JOIN dossiers ON dossiers.id = dossier_clients.dossier_id`;
  const state = `CASE WHEN linked.client_id = ${MEASURED_CLIENT} THEN 'in-progress'
                      WHEN ${hashed("n", 15)} < 6 THEN 'open'
                      WHEN ${hashed("n", 15)} < 11 THEN 'in-progress' ELSE 'completed' END`;
  return [
    [seed.statements.offices, seed.statements.staff],
    [seed.statements.clients, seed.statements.dossiers(1, OFFICES)],
    seed.statements.dossierClients(1, OFFICES),
    [
      clientLogin(CLIENT_EMAIL, CLIENT_ACCOUNT, MEASURED_CLIENT),
      [
        "templates",
        `WITH template AS (
           INSERT INTO questionnaire_templates (id, office_id, created_at)
           SELECT ${id("template", "o")}, ${seed.office("o")}, now() - interval '1 year'
           FROM generate_series(1, ${OFFICES}) o
           RETURNING id, office_id)
         INSERT INTO questionnaire_versions (id, template_id, version, definition, created_at, created_by_name)
         SELECT ${id("version", "template.id::text")}, template.id, 1, ${jsonLiteral(definition)},
                now() - interval '1 year', 'Bench'
         FROM template`,
      ],
    ],
    [
      "actions",
      `INSERT INTO actions (id, office_id, dossier_id, client_id, kind, questionnaire_version_id,
                            instruction, due_date, state, answers, answer_authors, current_page_id,
                            sent_at, sent_by_account_id, sent_by_name, completed_at, completed_by_name)
       SELECT ${id("action", "n")}, linked.office_id, linked.dossier_id, linked.client_id, 'questionnaire',
              questionnaire_versions.id, 'Graag vóór het gesprek invullen.', (sent_at + interval '30 days')::date,
              facts.state, facts.answers,
              (SELECT coalesce(jsonb_object_agg(key, jsonb_build_object(
                        'accountId', ${id("client-account", "linked.client_id::text")}, 'name', clients.name,
                        'at', to_char((sent_at + interval '2 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))), '{}')
               FROM jsonb_object_keys(facts.answers) key),
              CASE facts.state WHEN 'open' THEN NULL WHEN 'in-progress' THEN '${definition.pages[PAGES_ANSWERED]?.id}'
                               ELSE '${definition.pages.at(-1)?.id}' END,
              sent_at, sender.id, sender.name,
              CASE facts.state WHEN 'completed' THEN sent_at + interval '5 days' END,
              CASE facts.state WHEN 'completed' THEN clients.name END
       FROM (${numbered}) linked
       JOIN clients ON clients.id = linked.client_id
       JOIN accounts sender ON sender.id = linked.handler_id
       JOIN questionnaire_templates ON questionnaire_templates.office_id = linked.office_id
       JOIN questionnaire_versions ON questionnaire_versions.template_id = questionnaire_templates.id,
       LATERAL (SELECT now() - ${hashed("n * 7", 60 * 24 * 60)} * interval '1 minute' AS sent_at) sent,
       LATERAL (SELECT ${state} AS state) chosen,
       LATERAL (SELECT chosen.state, CASE chosen.state WHEN 'open' THEN '{}'::jsonb
                                       WHEN 'in-progress' THEN ${jsonLiteral(half)}
                                       ELSE ${jsonLiteral(full)} END AS answers) facts
       ORDER BY 1`,
    ],
  ];
}

/** The measured client, its login and its actions in progress, and the sizes of what is stored. */
export interface Measured {
  officeId: string;
  clientId: string;
  accountId: string;
  versionId: string;
  actionIds: string[];
  counts: { actions: number; answersBytes: number; authorsBytes: number; definitionBytes: number };
}

export async function measuredRows(pool: pg.Pool): Promise<Measured> {
  const login = await findClientLogin(pool, CLIENT_EMAIL);
  const { rows: actions } = await pool.query<{ id: string; versionId: string }>(
    `SELECT id, questionnaire_version_id AS "versionId" FROM actions
     WHERE client_id = $1 AND state = 'in-progress' ORDER BY id`,
    [login.clientId],
  );
  const { rows } = await pool.query<Measured["counts"]>(
    `SELECT (SELECT count(*)::int FROM actions) AS actions,
            (SELECT avg(pg_column_size(answers))::int FROM actions WHERE client_id = $1) AS "answersBytes",
            (SELECT avg(pg_column_size(answer_authors))::int FROM actions WHERE client_id = $1) AS "authorsBytes",
            (SELECT pg_column_size(definition) FROM questionnaire_versions LIMIT 1) AS "definitionBytes"`,
    [login.clientId],
  );
  const first = actions[0];
  if (!first || !rows[0]) throw new Error("the measured client has no actions in progress");
  return {
    officeId: login.officeId,
    clientId: login.clientId,
    accountId: login.accountId,
    versionId: first.versionId,
    actionIds: actions.map((action) => action.id),
    counts: rows[0],
  };
}
