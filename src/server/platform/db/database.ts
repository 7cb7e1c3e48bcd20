import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";

/**
 * One Drizzle type for both drivers: every repository is written against it, so the same
 * queries run on the embedded PGlite and on a PostgreSQL server (ADR 0001). A transaction is a
 * `Database` too, which lets a service pass its transaction to another module's service.
 */
export type Database = PgDatabase<PgQueryResultHKT>;

export type DatabaseHandle =
  | { kind: "pglite"; db: Database; client: PGlite; close(): Promise<void> }
  | { kind: "postgres"; db: Database; pool: pg.Pool; close(): Promise<void> };

export interface DatabaseTarget {
  /** PostgreSQL server; unset means the embedded PGlite in `pgliteDir`. */
  databaseUrl?: string | undefined;
  /** Data folder of the embedded database; unset means in memory (tests). */
  pgliteDir?: string | undefined;
  /** A PGlite data-folder tarball to start from (tests copy a migrated golden database). */
  pgliteSnapshot?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.databaseUrl) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: target.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    return {
      kind: "postgres",
      db: drizzlePostgres({ client: pool }) as unknown as Database,
      pool,
      close: once(() => pool.end()),
    };
  }
  if (target.pgliteDir) {
    // PGlite creates the data folder but not its parent.
    await mkdir(path.dirname(target.pgliteDir), { recursive: true });
  }
  const client = await PGlite.create({
    // The extensions that migrations create (migration 0019): a server has them installed,
    // PGlite loads their libraries here, at every start, or it cannot open a database that
    // uses them.
    extensions: { btree_gin, pg_trgm },
    ...(target.pgliteDir ? { dataDir: target.pgliteDir } : {}),
    ...(target.pgliteSnapshot ? { loadDataDir: target.pgliteSnapshot } : {}),
  });
  return {
    kind: "pglite",
    db: drizzlePglite({ client }) as unknown as Database,
    client,
    close: once(() => client.close()),
  };
}

/** Closing a handle twice (a test's own close, then its cleanup) is harmless. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}
