import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/** A value as the move carries it: the column's text form, or null. */
export type TextValue = string | null;

/**
 * One connection, through PGlite or node-postgres, as the move needs it: plain SQL in, rows out
 * as arrays in column order. The move reads and writes every value in its text form (`::text`
 * out, a text parameter in), which both servers parse back into the column's own type, so no
 * driver's idea of a date or a number comes between the two databases.
 */
export interface SqlSession {
  query(text: string, values?: readonly TextValue[]): Promise<unknown[][]>;
}

/** A PGlite database, or a transaction of one. */
export function pgliteSession(client: Pick<PGlite, "query">): SqlSession {
  return {
    async query(text, values = []) {
      return (await client.query<unknown[]>(text, [...values], { rowMode: "array" })).rows;
    },
  };
}

export function postgresSession(client: pg.ClientBase): SqlSession {
  return {
    async query(text, values = []) {
      return (await client.query<unknown[]>({ text, values: [...values], rowMode: "array" })).rows;
    },
  };
}

/**
 * The settings under which a value has one text form on any server: a timestamp's depends on
 * the session's time zone and date style, an interval's, a float's and a byte string's on
 * settings of their own. Both sides of the move read under these, so the digests of the
 * checksum report compare like with like.
 */
export async function setCanonicalTextForms(session: SqlSession): Promise<void> {
  await session.query("SET TimeZone = 'UTC'");
  await session.query("SET DateStyle = 'ISO, YMD'");
  await session.query("SET IntervalStyle = 'postgres'");
  await session.query("SET extra_float_digits = 1");
  await session.query("SET bytea_output = 'hex'");
}

/** `name` as an SQL identifier, quoted. */
export function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The rows of `select` in batches of `batchRows`, through a cursor: a table of any size passes
 * without being held whole, on either side. Runs in the session's open transaction, which also
 * ends the cursor when a read fails.
 */
export async function* rowBatches(
  session: SqlSession,
  select: string,
  batchRows: number,
): AsyncIterable<TextValue[][]> {
  await session.query(`DECLARE move_rows NO SCROLL CURSOR FOR ${select}`);
  for (;;) {
    const rows = await session.query(`FETCH FORWARD ${batchRows} FROM move_rows`);
    if (rows.length === 0) break;
    yield rows as TextValue[][];
  }
  await session.query("CLOSE move_rows");
}
