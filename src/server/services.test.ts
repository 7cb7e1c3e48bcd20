import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#test/support/test-database.ts";
import { loadConfig } from "./config.ts";
import { createServices } from "./services.ts";

const production = {
  NODE_ENV: "production",
  SECRET_KEY: "x".repeat(32),
  MTLS_TLS_CERT_FILE: "/tls.pem",
  MTLS_TLS_KEY_FILE: "/tls.key",
};

let database: TestDatabase | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await database?.drop();
  database = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Starts the services as main.ts does and returns the warnings they logged. */
async function warningsAtStart(environment: Record<string, string>): Promise<string[]> {
  const lines: string[] = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => lines.push(line) });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-data-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  database = await createTestDatabase("pglite");
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "warn", ...environment });
  const services = await createServices(config, logger, { database: database.handle });
  await services.close();
  return lines.map((line) => JSON.parse(line).msg as string);
}

describe("the start-up's word on virus scanning", () => {
  it("warns at every start in production when scanning was switched off", async () => {
    const warnings = await warningsAtStart({ ...production, UPLOAD_SCAN: "off" });
    expect(warnings).toContainEqual(
      expect.stringMatching(/^uploads are not scanned for viruses: UPLOAD_SCAN=off/),
    );
  });

  it("warns in embedded mode without clamd", async () => {
    const warnings = await warningsAtStart({ NODE_ENV: "development" });
    expect(warnings).toContainEqual(
      expect.stringMatching(/^uploads are not scanned for viruses: CLAMAV_URL is unset/),
    );
  });

  it("says nothing of it when clamd scans", async () => {
    const warnings = await warningsAtStart({ CLAMAV_URL: "tcp://127.0.0.1:3310" });
    expect(warnings.filter((message) => message.includes("not scanned"))).toEqual([]);
  });
});
