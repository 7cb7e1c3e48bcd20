import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { type DatabaseHandle, openDatabase } from "#src/server/platform/db/database.ts";
import { migrateDatabase, migrationsFolder } from "#src/server/platform/db/migrate.ts";
import { databaseUrlFor, withAdminClient } from "./postgres-admin.ts";
import type { TestDatabaseKind } from "./test-database.ts";

/** A database in the schema of before one migration, to test that migration on old data. */
export interface DatabaseBeforeMigration {
  handle: DatabaseHandle;
  /** The rows a query returns (both drivers answer with `rows`). */
  rows(query: SQL): Promise<Array<Record<string, unknown>>>;
  /** Applies the remaining migrations, as a start-up of the new version would. */
  migrateToNewest(): Promise<void>;
  close(): Promise<void>;
}

/** A database without any migration: PGlite in memory, or a new one on the test server. */
async function emptyDatabase(kind: TestDatabaseKind) {
  const serverUrl = process.env.DATABASE_URL;
  if (kind !== "postgres" || !serverUrl) return { url: undefined, drop: async () => {} };
  const name = `poort_migration_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  return {
    url: databaseUrlFor(serverUrl, name),
    drop: async () => {
      await withAdminClient(serverUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

/**
 * A new database with the migrations before number `first` applied (the journal's `idx`), so
 * a test can write rows as the version of before did and then migrate them.
 */
export async function databaseBefore(
  kind: TestDatabaseKind,
  first: number,
): Promise<DatabaseBeforeMigration> {
  const database = await emptyDatabase(kind);
  const handle = await openDatabase({ databaseUrl: database.url, poolSize: 2 });
  const folder = await mkdtemp(path.join(os.tmpdir(), "poort-migrations-"));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalPath, "utf8"));
  journal.entries = journal.entries.filter((entry: { idx: number }) => entry.idx < first);
  await writeFile(journalPath, JSON.stringify(journal));
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  } else {
    await migratePostgres(handle.db as unknown as NodePgDatabase, { migrationsFolder: folder });
  }
  return {
    handle,
    rows: async (query) =>
      ((await handle.db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> })
        .rows,
    migrateToNewest: () => migrateDatabase(handle),
    async close() {
      await handle.close();
      await database.drop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
