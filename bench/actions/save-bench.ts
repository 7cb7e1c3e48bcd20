import { withBenchDatabase } from "../poort-vs-bare.ts";
import { seedDatabase, seedTimes } from "../seed-sql.ts";
import { explainSave } from "./query-plans.ts";
import { benchDefinition } from "./questionnaire.ts";
import { measureSaves, printActionUpdates } from "./save-load.ts";
import { timeSaveSteps } from "./save-steps.ts";
import { measuredRows, PAGES_ANSWERED, seedSteps } from "./seed.ts";

const DATABASE = "poort_bench_actions";

/**
 * Saving a page in a database of its own, seeded with 13,000 actions of the questionnaire: under
 * load, Poort's JavaScript of a save step by step, and the plans and times of its queries.
 */
export async function saveBench(): Promise<void> {
  console.log("\n## Saving a page under load");
  await withBenchDatabase(
    DATABASE,
    "PostgreSQL only; 13,000 questionnaire actions",
    async (database) => {
      const definition = benchDefinition();
      const seeding = await seedDatabase(database.databaseUrl, seedSteps(definition));
      const measured = await measuredRows(database.bare);
      console.log(
        `Seeded ${measured.counts.actions.toLocaleString("en")} actions of a ${(measured.counts.definitionBytes / 1024).toFixed(0)} KB ` +
          `questionnaire (jsonb as stored); the measured client's ${measured.actionIds.length} are in progress, ` +
          `${PAGES_ANSWERED} of ${definition.pages.length} pages answered (answers ${measured.counts.answersBytes.toLocaleString("en")} B, ` +
          `authors ${measured.counts.authorsBytes.toLocaleString("en")} B as stored) ${seedTimes(seeding)}.`,
      );
      const poortAnswer = await measureSaves(database, definition, measured);
      timeSaveSteps(definition, poortAnswer);
      await printActionUpdates(database.bare);
      await explainSave(database.bare, definition, measured);
    },
  );
}
