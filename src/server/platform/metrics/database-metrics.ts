import type { DatabaseHandle } from "../db/database.ts";
import type { Metrics } from "./metrics.ts";

/**
 * The database connections this process holds, read from the pool at scrape time. PostgreSQL:
 * the pool's size limit, its open connections (in use or idle), and the queries waiting for a
 * free one: a pool that is always full, with queries waiting, wants a larger
 * DATABASE_POOL_SIZE or fewer instances. The embedded PGlite is one connection, in this
 * process, that runs one query at a time; it has no pool and nothing to wait for, so it reports
 * only its one connection.
 */
export function measureDatabasePool(metrics: Metrics, database: DatabaseHandle): void {
  metrics.scrapedGauges(
    {
      max: {
        name: "poort_db_pool_max_connections",
        help: "The most database connections this process opens (DATABASE_POOL_SIZE; 1 for PGlite)",
        labelNames: ["driver"],
      },
      connections: {
        name: "poort_db_pool_connections",
        help: "Open database connections of this process, in use or idle",
        labelNames: ["state"],
      },
      waiting: {
        name: "poort_db_pool_waiting_queries",
        help: "Queries waiting for a free database connection",
      },
    },
    ({ max, connections, waiting }) => {
      if (database.kind === "pglite") {
        max.set({ driver: "pglite" }, 1);
        return;
      }
      const { pool } = database;
      const idle = pool.idleCount;
      max.set({ driver: "postgres" }, pool.options.max);
      connections.set({ state: "in_use" }, pool.totalCount - idle);
      connections.set({ state: "idle" }, idle);
      waiting.set(pool.waitingCount);
    },
  );
}
