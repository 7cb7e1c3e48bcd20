import { type Column, type SQL, sql } from "drizzle-orm";
import type { Database } from "./database.ts";

/**
 * A query that every request runs, built once per database handle and prepared by name, so that
 * PostgreSQL parses and plans it once per connection: the values come at execution, as the
 * placeholders the query names. Building SQL with Drizzle's query builder costs more CPU than a
 * round trip to the database (bench/README.md has the profile), so the hot queries build once.
 * `build` gets the handle and must end with `.prepare(name)`; a transaction is a handle too, so
 * a query run in one is prepared for it (and let go with it). Tenant conditions take their
 * values as placeholders too (`access/tenant-filters.ts`, `scopePlaceholders`).
 */
export function preparedQuery<Prepared>(
  build: (db: Database) => Prepared,
): (db: Database) => Prepared {
  const variants = preparedVariants<"one", Prepared>(build);
  return (db) => variants(db, "one");
}

/**
 * `preparedQuery` for a query whose shape depends on what the caller asks (a filter given or
 * not): one prepared query per variant, each with a name of its own.
 */
export function preparedVariants<Variant extends string, Prepared>(
  build: (db: Database, variant: Variant) => Prepared,
): (db: Database, variant: Variant) => Prepared {
  const preparedFor = new WeakMap<Database, Map<Variant, Prepared>>();
  return (db, variant) => {
    let ofDb = preparedFor.get(db);
    if (!ofDb) {
      ofDb = new Map();
      preparedFor.set(db, ofDb);
    }
    let prepared = ofDb.get(variant);
    if (prepared === undefined) {
      prepared = build(db, variant);
      ofDb.set(variant, prepared);
    }
    return prepared;
  };
}

/**
 * The name for `.prepare()` of a query that should be built once but planned anew each time:
 * the unnamed statement, which PostgreSQL plans with each run's values. For a query whose best
 * plan depends on them, such as a search for `%text%` (a generic plan cannot see how selective
 * a pattern is).
 */
export const PLANNED_EACH_TIME = "";

/**
 * `column = any($name)`: one placeholder for a list of any length, so one prepared query serves
 * every length (Drizzle's `inArray` writes a placeholder per value). An empty list matches no row.
 */
export function isAnyOf(column: Column, placeholder: string): SQL {
  return sql`${column} = any(${sql.placeholder(placeholder)})`;
}
