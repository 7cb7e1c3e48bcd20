import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "#src/server/platform/db/database.ts";
import { databaseUrlFor, withAdminClient } from "./postgres-admin.ts";

export type TestDatabaseKind = "pglite" | "postgres";

/** The databases a data-layer test runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const testDatabaseKinds: TestDatabaseKind[] = process.env.DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

export interface TestDatabase {
  handle: DatabaseHandle;
  /** For a second "instance" on the same PostgreSQL database. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own, copied from the run's golden one. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const snapshot = new Blob([await readFile(inject("pgliteSnapshotPath"))]);
    const handle = await openDatabase({ pgliteSnapshot: snapshot });
    return { handle, url: undefined, drop: () => handle.close() };
  }
  const databaseUrl = process.env.DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!databaseUrl || !template) throw new Error("PostgreSQL tests need DATABASE_URL");
  const name = `poort_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(databaseUrl, (admin) =>
    admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`),
  );
  const url = databaseUrlFor(databaseUrl, name);
  const handle = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return {
    handle,
    url,
    async drop() {
      await handle.close();
      await withAdminClient(databaseUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

/**
 * A database for a Poort server process that opens its own: on PostgreSQL an empty test
 * database (its URL; this process keeps no connection), on PGlite none (the process makes
 * its own in DATA_DIR).
 */
export async function databaseForServerProcess(
  kind: TestDatabaseKind,
): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  if (kind !== "postgres") return { url: undefined, drop: async () => {} };
  const database = await createTestDatabase("postgres");
  await database.handle.close();
  return { url: database.url, drop: database.drop };
}
