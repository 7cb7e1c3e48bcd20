import { copyOrder, type ForeignKeyEdge } from "./copy-order.ts";
import type { SqlSession } from "./sql-session.ts";

/** The schema of Poort's tables: the migrations create them all here. */
export const SCHEMA = "public";

export interface Column {
  name: string;
  /** Text-like: compared under a collation, which differs between servers. */
  collatable: boolean;
  /** Computed by the database: read, never written. */
  generated: boolean;
}

export interface Table {
  name: string;
  /** In the table's own order. */
  columns: Column[];
  /** The primary key's columns; empty for a table without one. */
  primaryKey: string[];
}

export interface ForeignKey extends ForeignKeyEdge {
  deferrable: boolean;
  initiallyDeferred: boolean;
}

/** What the move needs to know of Poort's tables, read from the catalog of a migrated database. */
export interface Catalog {
  /** Every table, in the order to copy them (`copyOrder`). */
  tables: Table[];
  /** Foreign keys checked at the end of the copy rather than row by row. */
  deferredForeignKeys: ForeignKey[];
  /** The tables with triggers of their own (not the database's constraint triggers). */
  tablesWithTriggers: string[];
  sequences: string[];
}

type Row = string[];

export async function readCatalog(session: SqlSession): Promise<Catalog> {
  const inSchema = "n.nspname = $1";
  const columnRows = (await session.query(
    `SELECT c.relname, a.attname, (a.attcollation <> 0)::text, (a.attgenerated <> '')::text
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE ${inSchema} AND c.relkind = 'r'
     ORDER BY c.relname, a.attnum`,
    [SCHEMA],
  )) as Row[];
  const keyRows = (await session.query(
    `SELECT c.relname, a.attname
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE ${inSchema} AND i.indisprimary
     ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`,
    [SCHEMA],
  )) as Row[];
  const foreignKeyRows = (await session.query(
    `SELECT k.conname, c.relname, r.relname, k.condeferrable::text, k.condeferred::text
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_class r ON r.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = k.connamespace
     WHERE ${inSchema} AND k.contype = 'f'
     ORDER BY c.relname, k.conname`,
    [SCHEMA],
  )) as Row[];
  const triggerRows = (await session.query(
    `SELECT DISTINCT c.relname
     FROM pg_trigger t
     JOIN pg_class c ON c.oid = t.tgrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE ${inSchema} AND NOT t.tgisinternal
     ORDER BY 1`,
    [SCHEMA],
  )) as Row[];
  const sequenceRows = (await session.query(
    `SELECT c.relname
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE ${inSchema} AND c.relkind = 'S'
     ORDER BY 1`,
    [SCHEMA],
  )) as Row[];

  const tables = new Map<string, Table>();
  for (const [table = "", column = "", collatable, generated] of columnRows) {
    const shape = tables.get(table) ?? { name: table, columns: [], primaryKey: [] };
    shape.columns.push({
      name: column,
      collatable: collatable === "true",
      generated: generated === "true",
    });
    tables.set(table, shape);
  }
  for (const [table = "", column = ""] of keyRows) tables.get(table)?.primaryKey.push(column);
  const foreignKeys = foreignKeyRows.map(
    ([name = "", table = "", references = "", deferrable, initiallyDeferred]): ForeignKey => ({
      name,
      table,
      references,
      deferrable: deferrable === "true",
      initiallyDeferred: initiallyDeferred === "true",
    }),
  );
  const order = copyOrder([...tables.keys()], foreignKeys);
  return {
    tables: order.tables.map((name) => tables.get(name) as Table),
    deferredForeignKeys: order.deferred,
    tablesWithTriggers: triggerRows.map(([table = ""]) => table),
    sequences: sequenceRows.map(([sequence = ""]) => sequence),
  };
}
