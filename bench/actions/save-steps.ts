import { portalQuestionnaireSchema, savePageSchema } from "#src/contracts/actions.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { validatePage, withPageAnswers } from "#src/contracts/questionnaires/validate-page.ts";
import { median, percentile, printTable } from "../report.ts";
import { rawPageInput, saveRequestBody, storedAnswers } from "./answers.ts";
import { SAVED_PAGE } from "./questionnaire.ts";
import { PAGES_ANSWERED } from "./seed.ts";

const WORK_WARMUP = 50;
const WORK_RUNS = 300;

/**
 * The JavaScript of one save, step by step in this process without load: what Poort does that
 * the baseline does not. Poort's answer to the save (`response`) is measured as Poort sends it.
 */
export function timeSaveSteps(definition: QuestionnaireDefinition, response: unknown): void {
  const body = saveRequestBody(definition);
  const stored = storedAnswers(definition, PAGES_ANSWERED);
  const input = rawPageInput(definition, SAVED_PAGE);
  const definitionText = JSON.stringify(definition);
  const steps: Array<[step: string, alsoBare: boolean, work: () => unknown]> = [
    [
      "body: JSON.parse and savePageSchema (Zod)",
      false,
      () => savePageSchema.parse(JSON.parse(body)),
    ],
    [
      "validatePage, withPageAnswers",
      false,
      () => {
        const checked = validatePage(definition, SAVED_PAGE, input, stored);
        if (!checked.ok) throw new Error("the page is refused");
        return withPageAnswers(definition, SAVED_PAGE, stored, checked.answers);
      },
    ],
    [
      "definition: JSON.parse as pg reads it, twice",
      true,
      () => [JSON.parse(definitionText), JSON.parse(definitionText)],
    ],
    [
      "answer: portalQuestionnaireSchema (Zod)",
      false,
      () => portalQuestionnaireSchema.parse(response),
    ],
    ["answer: JSON.stringify", true, () => JSON.stringify(response)],
  ];
  const rows = steps.map(([step, alsoBare, work]) => {
    for (let run = 0; run < WORK_WARMUP; run++) work();
    const times: number[] = [];
    for (let run = 0; run < WORK_RUNS; run++) {
      const start = process.hrtime.bigint();
      work();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return {
      step,
      "median ms": median(times).toFixed(2),
      "p95 ms": percentile(times, 0.95).toFixed(2),
      "also in": alsoBare ? "bare + all of Poort's SQL" : "Poort only",
    };
  });
  console.log(
    `Poort's JavaScript for one save, step by step, ${WORK_RUNS} times each after ${WORK_WARMUP} (no load):`,
  );
  printTable(rows);
}
