import { SELECT_DOSSIERS, sharedWithClient } from "../poort-sql.ts";
import type { Measured } from "./seed.ts";

/** The SQL of saving a page: the baseline's, and Poort's. */

/** The baseline's lock and write: only the columns it needs. */
export const BARE_LOCK =
  "SELECT answers, answer_authors, state FROM actions WHERE id = $1 FOR UPDATE";
export const BARE_UPDATE = `UPDATE actions SET answers = $2, answer_authors = $3, state = 'in-progress',
  current_page_id = $4 WHERE id = $1`;

/*
 * What Poort sends for one save, as Drizzle writes it (copied from the queries Poort sends; the
 * run checks that they still match): `findAction` in the transaction and again for the answer,
 * `lockAction`, `requireDossier`, `updateAction`.
 */
const ACTION_COLUMNS =
  '"actions"."id", "actions"."office_id", "actions"."dossier_id", "actions"."client_id", "actions"."kind", "actions"."questionnaire_version_id", "actions"."title", "actions"."instruction", "actions"."due_date", "actions"."state", "actions"."answers", "actions"."answer_authors", "actions"."current_page_id", "actions"."sent_at", "actions"."sent_by_account_id", "actions"."sent_by_name", "actions"."completed_at", "actions"."completed_by_name", "actions"."document_id", "actions"."reminded_at", "actions"."overdue_reminded_at"';
/** `findAction` for a client: $1 action, $2 office, $3 client (its dossier), $4 client, $5 limit. */
export const FIND_ACTION = `select ${ACTION_COLUMNS}, "dossiers"."id", "dossiers"."number", "dossiers"."description", "clients"."id", "clients"."name", "questionnaire_versions"."template_id", "questionnaire_versions"."version", "questionnaire_versions"."definition" from "actions" inner join "dossiers" on "dossiers"."id" = "actions"."dossier_id" inner join "clients" on "clients"."id" = "actions"."client_id" left join "questionnaire_versions" on "questionnaire_versions"."id" = "actions"."questionnaire_version_id" where ("actions"."id" = $1 and (${sharedWithClient("actions", 2)} and ("actions"."client_id" is null or "actions"."client_id" = $4))) limit $5`;
/** `lockAction`: $1 action. */
export const LOCK_ACTION = `select ${ACTION_COLUMNS.replaceAll('"actions".', "")} from "actions" where "actions"."id" = $1 for update`;
/** `requireDossier` for a client: $1 dossier, $2 office, $3 client. */
export const FIND_DOSSIER = `${SELECT_DOSSIERS} where ("dossiers"."id" = $1 and ${sharedWithClient("dossiers", 2)})`;
/** `updateAction` of a save: $1 state, $2 answers, $3 authors, $4 page, $5 action. */
export const UPDATE_ACTION =
  'update "actions" set "state" = $1, "answers" = $2, "answer_authors" = $3, "current_page_id" = $4 where "actions"."id" = $5';

/** `FIND_ACTION`'s values for the measured client. */
export function findActionValues(actionId: string, measured: Measured): unknown[] {
  return [actionId, measured.officeId, measured.clientId, measured.clientId, 1];
}

/** `FIND_DOSSIER`'s values for the measured client. */
export function findDossierValues(dossierId: string, measured: Measured): unknown[] {
  return [dossierId, measured.officeId, measured.clientId];
}
