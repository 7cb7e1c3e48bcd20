import { type Column, SCHEMA, type Table } from "./catalog.ts";
import { identifier } from "./sql-session.ts";

export function qualifiedName(table: string): string {
  return `${identifier(SCHEMA)}.${identifier(table)}`;
}

/**
 * The SELECT of `columns` of a table in their text forms, in the order of its primary key, so
 * that both sides of the move give the same rows in the same order. Text is ordered byte by byte
 * (collation "C"): the servers' own collations may differ. A table without a primary key is
 * ordered by all its values.
 */
export function selectInKeyOrder(table: Table, columns: readonly Column[] = table.columns): string {
  const list = columns.map((column) => `${identifier(column.name)}::text`).join(", ");
  const order =
    table.primaryKey.length > 0
      ? table.primaryKey.map((name) => {
          const column = table.columns.find((candidate) => candidate.name === name);
          return column?.collatable ? `${identifier(name)} COLLATE "C"` : identifier(name);
        })
      : table.columns.map((column) => `(${identifier(column.name)}::text) COLLATE "C"`);
  return `SELECT ${list} FROM ${qualifiedName(table.name)} ORDER BY ${order.join(", ")}`;
}
