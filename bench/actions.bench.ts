import { pdfBench } from "./actions/pdf-bench.ts";
import { saveBench } from "./actions/save-bench.ts";

/**
 * `npm run bench actions` (issue 13): the two costs of a questionnaire that the issue names. The
 * parts live in `actions/`.
 *
 * 1. The PDF of a completed 100-question questionnaire (`answersPdf`, as "Bevestigen" renders
 *    it in the request): the first render in a fresh process, then warm renders, next to the
 *    same labels and answers written by pdfkit as plain untagged lines in the same fonts and
 *    sizes (no structure tree, no keep-together measuring, no page numbers) in the same run:
 *    the difference is what tagging and layout cost. No database.
 * 2. Saving a page ("Volgende", `PUT /api/portal/actions/:actionId/pages/:pageId` with
 *    `go: "stay"`) under load on PostgreSQL, over 13,000 actions of that questionnaire: spread
 *    over 500 actions of one client, and all on one action (its row lock takes them in turn).
 *    Next to a bare Fastify + pg server in the same run that locks the row, merges the page's
 *    answers in JS and writes them back (the baseline), and that server again sending every
 *    query Poort sends and answering the same questionnaire, without Poort's validation, Zod
 *    schemas or Drizzle: the rows in between say where Poort's time goes, as do the two tables
 *    after them: Poort's JavaScript of a save step by step, and PostgreSQL's planning and
 *    execution time of each query.
 */
export async function run(): Promise<void> {
  await pdfBench();
  await saveBench();
}
