import { createHash } from "node:crypto";
import type { Catalog } from "./catalog.ts";
import type { SequenceState, Tally } from "./checksum-report.ts";
import { rowBatches, type SqlSession, setCanonicalTextForms } from "./sql-session.ts";
import { qualifiedName, selectInKeyOrder } from "./table-rows.ts";

const BATCH_ROWS = 500;

export interface DatabaseTally {
  tables: Tally[];
  sequences: SequenceState[];
}

/**
 * The tables as the report counts them: per table its rows and a digest of them, each row its
 * values' text forms in primary-key order (`selectInKeyOrder`), and where every sequence
 * stands. Read in one snapshot, in batches.
 */
export async function databaseTally(session: SqlSession, catalog: Catalog): Promise<DatabaseTally> {
  await setCanonicalTextForms(session);
  await session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const tables: Tally[] = [];
    for (const table of catalog.tables) {
      const digest = createHash("sha256");
      let count = 0;
      for await (const rows of rowBatches(session, selectInKeyOrder(table), BATCH_ROWS)) {
        for (const row of rows) digest.update(`${JSON.stringify(row)}\n`);
        count += rows.length;
      }
      tables.push({ name: table.name, count, digest: digest.digest("hex") });
    }
    const sequences: SequenceState[] = [];
    for (const sequence of catalog.sequences) {
      const [state] = await session.query(
        `SELECT last_value::text, is_called::text FROM ${qualifiedName(sequence)}`,
      );
      const [lastValue, isCalled] = state as [string, string];
      // A sequence never called gives its start value next; once called, the value after.
      sequences.push({
        name: sequence,
        position: isCalled === "true" ? lastValue : `${lastValue} (unused)`,
      });
    }
    return { tables, sequences };
  } finally {
    await session.query("COMMIT");
  }
}
