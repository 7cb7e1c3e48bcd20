import type { Catalog, Table } from "./catalog.ts";
import { identifier, rowBatches, type SqlSession, setCanonicalTextForms } from "./sql-session.ts";
import { qualifiedName, selectInKeyOrder } from "./table-rows.ts";

/** Rows read and inserted at a time: large rows (a CRL, a mail) stay a few MB per batch. */
const BATCH_ROWS = 250;
/** PostgreSQL takes at most this many parameters in one statement. */
const MAX_PARAMETERS = 65_535;

export interface DatabaseCopyOptions {
  source: SqlSession;
  /** Migrated to the source's migration, and empty. */
  target: SqlSession;
  /** The target's catalog. */
  catalog: Catalog;
  /** Told after each table, for the operator to follow. */
  copied?: (table: string, rows: number) => void;
}

/**
 * Copies every row of Poort's tables from `source` into `target`, in one transaction on the
 * target: the move leaves either all of the database or none of it, and a failed move can simply
 * run again. The source is read in one snapshot, table by table in foreign-key order, in batches;
 * then every sequence is set to where the source's stood.
 *
 * While the rows go in, the tables' own triggers are switched off, in this transaction only.
 * audit_events refuses changes (inserts pass anyway), and the dossiers' search text would be
 * computed again under the target server's collation, which may order and lower-case names
 * differently from PGlite's: the copy keeps every row exactly as it was, which the checksum
 * report can then confirm, and the triggers keep the column from the next change on.
 */
export async function copyDatabase(options: DatabaseCopyOptions): Promise<void> {
  const { source, target, catalog } = options;
  await setCanonicalTextForms(source);
  await setCanonicalTextForms(target);
  await source.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    await target.query("BEGIN");
    try {
      await holdChecks(target, catalog);
      for (const table of catalog.tables) {
        options.copied?.(table.name, await copyTable(source, target, table));
      }
      await copySequences(source, target, catalog.sequences);
      await restoreChecks(target, catalog);
      await target.query("COMMIT");
    } catch (error) {
      // The failure is what the operator must see; a rollback that fails too (a connection
      // gone) ends the transaction all the same.
      await target.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    // The snapshot was read only: whether it ends in COMMIT or not changes nothing.
    await source.query("COMMIT");
  }
}

async function copyTable(source: SqlSession, target: SqlSession, table: Table): Promise<number> {
  const columns = table.columns.filter((column) => !column.generated);
  const rowsPerInsert = Math.max(
    1,
    Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / columns.length)),
  );
  // OVERRIDING SYSTEM VALUE: an identity column takes the source's value, not a new one.
  const insert = `INSERT INTO ${qualifiedName(table.name)} (${columns
    .map((column) => identifier(column.name))
    .join(", ")}) OVERRIDING SYSTEM VALUE VALUES `;
  let copied = 0;
  for await (const rows of rowBatches(source, selectInKeyOrder(table, columns), rowsPerInsert)) {
    const tuples = rows.map(
      (_, row) =>
        `(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(", ")})`,
    );
    await target.query(insert + tuples.join(", "), rows.flat());
    copied += rows.length;
  }
  return copied;
}

async function copySequences(
  source: SqlSession,
  target: SqlSession,
  sequences: readonly string[],
): Promise<void> {
  for (const sequence of sequences) {
    const [state] = await source.query(
      `SELECT last_value::text, is_called::text FROM ${qualifiedName(sequence)}`,
    );
    const [lastValue, isCalled] = state as [string, string];
    await target.query("SELECT setval($1::regclass, $2::bigint, $3::boolean)", [
      qualifiedName(sequence),
      lastValue,
      isCalled,
    ]);
  }
}

/** Defers the foreign keys the copy order cannot satisfy, and switches off the tables' triggers. */
async function holdChecks(target: SqlSession, catalog: Catalog): Promise<void> {
  for (const key of catalog.deferredForeignKeys) {
    await target.query(
      `ALTER TABLE ${qualifiedName(key.table)} ALTER CONSTRAINT ${identifier(key.name)} DEFERRABLE INITIALLY DEFERRED`,
    );
  }
  for (const table of catalog.tablesWithTriggers) {
    await target.query(`ALTER TABLE ${qualifiedName(table)} DISABLE TRIGGER USER`);
  }
}

/** Checks the deferred foreign keys now, and puts every key and trigger back as it was. */
async function restoreChecks(target: SqlSession, catalog: Catalog): Promise<void> {
  await target.query("SET CONSTRAINTS ALL IMMEDIATE");
  for (const key of catalog.deferredForeignKeys) {
    const deferrable = key.deferrable ? "DEFERRABLE" : "NOT DEFERRABLE";
    const initially = key.initiallyDeferred ? "INITIALLY DEFERRED" : "INITIALLY IMMEDIATE";
    await target.query(
      `ALTER TABLE ${qualifiedName(key.table)} ALTER CONSTRAINT ${identifier(key.name)} ${deferrable} ${initially}`,
    );
  }
  for (const table of catalog.tablesWithTriggers) {
    await target.query(`ALTER TABLE ${qualifiedName(table)} ENABLE TRIGGER USER`);
  }
}
