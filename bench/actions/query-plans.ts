import type pg from "pg";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { type ExplainedQuery, explain } from "../poort-vs-bare.ts";
import { median, printTable } from "../report.ts";
import { rawPageInput } from "./answers.ts";
import { mergePage } from "./merge-page.ts";
import { pageItemIds, SAVED_PAGE } from "./questionnaire.ts";
import * as saveSql from "./save-sql.ts";
import type { Measured } from "./seed.ts";

const TIMED_EXPLAINS = 21;

interface TimedQuery extends ExplainedQuery {
  perSave: string;
  /** A write, explained (and so run) in a transaction that is rolled back. */
  rolledBack?: boolean;
}

/**
 * The plans of Poort's queries for a save, then PostgreSQL's planning and execution time of each
 * of them and of the baseline's; the writes in a transaction that is rolled back.
 */
export async function explainSave(
  pool: pg.Pool,
  definition: QuestionnaireDefinition,
  measured: Measured,
): Promise<void> {
  const actionId = measured.actionIds[0] as string;
  const [row] = (await pool.query(saveSql.BARE_LOCK, [actionId])).rows;
  const { rows: dossiers } = await pool.query<{ dossier_id: string }>(
    "SELECT dossier_id FROM actions WHERE id = $1",
    [actionId],
  );
  const merged = mergePage(
    pageItemIds(definition, SAVED_PAGE),
    { answers: row.answers, authors: row.answer_authors },
    rawPageInput(definition, SAVED_PAGE),
    { accountId: measured.accountId, name: "Bench", at: new Date().toISOString() },
  );
  const write = [
    "in-progress",
    JSON.stringify(merged.answers),
    JSON.stringify(merged.authors),
    SAVED_PAGE,
    actionId,
  ];
  const queries: TimedQuery[] = [
    {
      name: "action (findAction, twice a save)",
      text: saveSql.FIND_ACTION,
      values: saveSql.findActionValues(actionId, measured),
      expectIndex: ["actions_pkey"],
      perSave: "Poort ×2",
    },
    { name: "lock (lockAction)", text: saveSql.LOCK_ACTION, values: [actionId], perSave: "Poort" },
    {
      name: "dossier (requireDossier)",
      text: saveSql.FIND_DOSSIER,
      values: saveSql.findDossierValues(dossiers[0]?.dossier_id ?? "", measured),
      perSave: "Poort",
    },
    {
      name: "write (updateAction)",
      text: saveSql.UPDATE_ACTION,
      values: write,
      perSave: "Poort",
      rolledBack: true,
    },
    { name: "baseline's lock", text: saveSql.BARE_LOCK, values: [actionId], perSave: "baseline" },
    {
      name: "baseline's write",
      text: saveSql.BARE_UPDATE,
      values: [actionId, write[1], write[2], SAVED_PAGE],
      perSave: "baseline",
      rolledBack: true,
    },
  ];
  for (const query of queries.slice(0, 4)) {
    await inRolledBack(pool, query.rolledBack === true, (client) => explain(client, [query]));
  }
  const rows = [];
  for (const query of queries) {
    const planning: number[] = [];
    const execution: number[] = [];
    for (let run = 0; run < TIMED_EXPLAINS; run++) {
      const lines = await inRolledBack(pool, query.rolledBack === true, async (client) => {
        const { rows } = await client.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, COSTS OFF, SUMMARY) ${query.text}`,
          query.values,
        );
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
      planning.push(Number(/Planning Time: ([\d.]+)/.exec(lines)?.[1]));
      execution.push(Number(/Execution Time: ([\d.]+)/.exec(lines)?.[1]));
    }
    rows.push({
      query: query.name,
      "sent by": query.perSave,
      "planning ms": median(planning).toFixed(3),
      "execution ms": median(execution).toFixed(3),
    });
  }
  console.log(
    `\nPostgreSQL's own time for each query of a save (median of ${TIMED_EXPLAINS} EXPLAIN ANALYZE; the writes rolled back). ` +
      "Drizzle sends no prepared statements, so every query of every save is planned anew:",
  );
  printTable(rows);
}

/** `work` on a connection of its own, in a transaction rolled back afterwards if `rollBack`. */
async function inRolledBack<T>(
  pool: pg.Pool,
  rollBack: boolean,
  work: (client: pg.Pool) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    if (rollBack) await client.query("begin");
    // A client answers `query` as the pool does, which is all `explain` asks of it.
    return await work(client as unknown as pg.Pool);
  } finally {
    if (rollBack) await client.query("rollback");
    client.release();
  }
}
