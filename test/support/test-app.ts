import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { type App, buildApp } from "#src/server/app.ts";
import { loadConfig } from "#src/server/config.ts";
import { ManualClock } from "#src/server/platform/clock.ts";
import { createServices, type Services } from "#src/server/services.ts";
import { createTestDatabase, type TestDatabaseKind } from "./test-database.ts";

export interface TestApp {
  app: App;
  services: Services;
  clock: ManualClock;
  /** On PostgreSQL: the database's URL, for a second "instance" with a pool of its own. */
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * The full HTTP app and its services on a database of their own, with a clock that stands
 * still; `environment` sets configuration as the real variables would (default: the outboxes).
 */
export async function createTestApp(
  kind: TestDatabaseKind,
  environment: Record<string, string> = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-data-"));
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
    ...environment,
  });
  const logger = pino({ level: "silent" });
  const clock = new ManualClock("2026-11-23T10:00:00Z");
  const services = await createServices(config, logger, { clock, database: database.handle });
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    clock,
    databaseUrl: database.url,
    async close() {
      await app.close();
      await services.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
