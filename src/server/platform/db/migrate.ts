import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseHandle } from "./database.ts";

// The same depth below the package root from src/ and from dist/, so both find the SQL files.
export const migrationsFolder = fileURLToPath(
  new URL("../../../../src/server/platform/db/migrations", import.meta.url),
);

/** A migration as drizzle's journal lists it: `when` is what a database records of it. */
export interface JournalEntry {
  when: number;
  tag: string;
}

/** This Poort's migrations, oldest first. */
export async function migrationJournal(): Promise<JournalEntry[]> {
  const file = path.join(migrationsFolder, "meta", "_journal.json");
  return (JSON.parse(await readFile(file, "utf8")) as { entries: JournalEntry[] }).entries;
}

/** An arbitrary constant that every Poort instance uses to take turns at migrating. */
const MIGRATION_LOCK_ID = 7_305_001;

/**
 * Applies the committed, forward-only migrations that have not run yet. On a server, instances
 * that start together queue on an advisory lock, so exactly one of them migrates.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const lockHolder = await handle.pool.connect();
  try {
    await lockHolder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migratePostgres(handle.db as unknown as NodePgDatabase, { migrationsFolder });
  } finally {
    await lockHolder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    lockHolder.release();
  }
}
