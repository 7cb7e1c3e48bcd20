import type { FastifyInstance } from "fastify";
import type pg from "pg";
import type { Answers, RawPageInput } from "#src/contracts/questionnaires/answers.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { bareServer, type Row, type Rows } from "../poort-vs-bare.ts";
import { type Author, mergePage } from "./merge-page.ts";
import { pageItemIds } from "./questionnaire.ts";
import {
  BARE_LOCK,
  BARE_UPDATE,
  FIND_ACTION,
  FIND_DOSSIER,
  findActionValues,
  findDossierValues,
  LOCK_ACTION,
  UPDATE_ACTION,
} from "./save-sql.ts";
import type { Measured } from "./seed.ts";

type Save = {
  Params: { actionId: string; pageId: string };
  Body: { answers: RawPageInput; go: string };
};

/**
 * `PUT /actions/:actionId/pages/:pageId` twice: the baseline (lock, merge, write, answer with
 * the answers), and under `/poort-sql` with every query Poort sends for the save, in its order,
 * answering the same questionnaire as Poort (its definition too); `bareServer` puts the
 * session's queries before it under `/with-session`. No validation of the body or the page, no
 * response schema, no Drizzle. The client and its login are fixed, as the session gave them.
 */
export function bareSaveServer(
  pool: pg.Pool,
  definition: QuestionnaireDefinition,
  measured: Measured,
): FastifyInstance {
  const author = (): Author => ({
    accountId: measured.accountId,
    name: "Bench",
    at: new Date().toISOString(),
  });
  return bareServer(pool, (app, rows) => {
    app.put<Save>("/actions/:actionId/pages/:pageId", async (request, reply) => {
      const { actionId, pageId } = request.params;
      const saved = await inTransaction(pool, async (client) => {
        const [row] = (await client.query(BARE_LOCK, [actionId])).rows;
        if (!row || row.state === "completed") return undefined;
        const merged = mergePage(
          pageItemIds(definition, pageId),
          { answers: row.answers, authors: row.answer_authors },
          request.body.answers,
          author(),
        );
        await client.query(BARE_UPDATE, [
          actionId,
          JSON.stringify(merged.answers),
          JSON.stringify(merged.authors),
          pageId,
        ]);
        return merged.answers;
      });
      if (!saved) return reply.code(409).send();
      return { answers: saved, pageId };
    });

    app.put<Save>("/poort-sql/actions/:actionId/pages/:pageId", async (request, reply) => {
      const { actionId, pageId } = request.params;
      const found = await inTransaction(pool, async (client) => {
        const inTransactionRows = arrayRows(client);
        const [record] = await inTransactionRows(FIND_ACTION, findActionValues(actionId, measured));
        if (!record) return undefined;
        const [row] = await inTransactionRows(LOCK_ACTION, [actionId]);
        if (!row || row[9] === "completed") return undefined;
        await inTransactionRows(FIND_DOSSIER, findDossierValues(row[2] as string, measured));
        const merged = mergePage(
          pageItemIds(definition, pageId),
          { answers: row[10] as Answers, authors: row[11] as Record<string, Author> },
          request.body.answers,
          author(),
        );
        await inTransactionRows(UPDATE_ACTION, [
          "in-progress",
          JSON.stringify(merged.answers),
          JSON.stringify(merged.authors),
          pageId,
          actionId,
        ]);
        return record;
      });
      if (!found) return reply.code(409).send();
      const [record] = await rows(FIND_ACTION, findActionValues(actionId, measured));
      if (!record) return reply.code(404).send();
      return questionnaireAnswer(record);
    });
  });
}

/** `work` in a transaction on a connection of its own, committed unless it throws. */
async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

/** As `bareServer`'s `rows`, on the connection of a transaction. */
function arrayRows(client: pg.PoolClient): Rows {
  return async (text, values) => (await client.query({ text, values, rowMode: "array" })).rows;
}

/** Poort's answer to a save, from `FIND_ACTION`'s row: the action, its questionnaire, the answers. */
function questionnaireAnswer(record: Row) {
  const date = (value: unknown) => (value instanceof Date ? value.toISOString() : null);
  const definition = record[28] as QuestionnaireDefinition;
  return {
    action: {
      id: record[0],
      kind: record[4],
      title: definition.title,
      instruction: record[7],
      dueDate: record[8],
      state: record[9],
      progress: {
        page: definition.pages.findIndex((page) => page.id === record[12]) + 1,
        pages: definition.pages.length,
      },
      sentAt: date(record[13]),
      completedAt: date(record[16]),
      completedByName: record[17],
      documentId: record[18],
      items: [],
      dossier: { id: record[21], number: record[22], description: record[23] },
    },
    definition,
    answers: record[10],
    pageId: record[12],
  };
}
