import pino from "pino";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { warnWhenUploadsUnscanned } from "./services.ts";

const production = {
  NODE_ENV: "production",
  SECRET_KEY: "x".repeat(32),
  MTLS_TLS_CERT_FILE: "/tls.pem",
  MTLS_TLS_KEY_FILE: "/tls.key",
};

/** The warnings the server logs about scanning as it starts with these settings. */
function warningsAtStart(environment: Record<string, string>): string[] {
  const lines: string[] = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => lines.push(line) });
  const config = loadConfig({ LOG_LEVEL: "warn", ...environment });
  warnWhenUploadsUnscanned(config, logger);
  return lines.map((line) => JSON.parse(line).msg as string);
}

describe("the start-up's word on virus scanning", () => {
  it("warns at every start in production when scanning was switched off", () => {
    const warnings = warningsAtStart({ ...production, UPLOAD_SCAN: "off" });
    expect(warnings).toContainEqual(
      expect.stringMatching(/^uploads are not scanned for viruses: UPLOAD_SCAN=off/),
    );
  });

  it("warns in embedded mode without clamd", () => {
    const warnings = warningsAtStart({ NODE_ENV: "development" });
    expect(warnings).toContainEqual(
      expect.stringMatching(/^uploads are not scanned for viruses: CLAMAV_URL is unset/),
    );
  });

  it("says nothing of it when clamd scans", () => {
    const warnings = warningsAtStart({ CLAMAV_URL: "tcp://127.0.0.1:3310" });
    expect(warnings.filter((message) => message.includes("not scanned"))).toEqual([]);
  });
});
