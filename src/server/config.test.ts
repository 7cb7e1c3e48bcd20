import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

/** What production needs at the least, so a test can add the one variable it is about. */
const production = {
  NODE_ENV: "production",
  SECRET_KEY: "x".repeat(32),
  MTLS_TLS_CERT_FILE: "/tls.pem",
  MTLS_TLS_KEY_FILE: "/tls.key",
  CLAMAV_URL: "tcp://clamd.internal:3310",
};

describe("configuration", () => {
  it("defaults to the embedded mode: PGlite in ./data, outboxes, demo data", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: path.resolve("data"),
      databaseUrl: undefined,
      smtpUrl: undefined,
      sms: { provider: "outbox" },
      devOutboxEnabled: true,
      seedDemo: true,
      publicUrl: "http://localhost:3000",
    });
  });

  it("switches to the production transports and turns the dev outbox off", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://poort@db.internal:5432/poort",
      SMTP_URL: "smtps://user:secret@smtp.example.nl:465",
      SMS_PROVIDER: "cm",
      SMS_CM_PRODUCT_TOKEN: "00000000-0000-0000-0000-000000000000",
      PUBLIC_URL: "https://poort.example.nl/",
    });
    expect(config.devOutboxEnabled).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(config.sms).toMatchObject({ provider: "cm", sender: "Poort" });
    expect(config.publicUrl).toBe("https://poort.example.nl");
  });

  it("moves the clock ahead only outside production", () => {
    expect(loadConfig({}).devClockOffsetMs).toBe(0);
    expect(loadConfig({ DEV_CLOCK_OFFSET: "40d" }).devClockOffsetMs).toBe(40 * 86_400_000);
    expect(loadConfig({ DEV_CLOCK_OFFSET: "90m" }).devClockOffsetMs).toBe(90 * 60_000);
    expect(loadConfig(production).devClockOffsetMs).toBeUndefined();
    expect(() => loadConfig({ ...production, DEV_CLOCK_OFFSET: "40d" })).toThrow(
      "DEV_CLOCK_OFFSET: not allowed in production",
    );
  });

  it("scans uploads in production, and leaves them unscanned only when told in so many words", () => {
    expect(loadConfig(production).unscannedUploads).toBeUndefined();
    const { CLAMAV_URL: _scanner, ...withoutScanner } = production;
    expect(() => loadConfig(withoutScanner)).toThrow(
      /^Invalid configuration:\n {2}CLAMAV_URL: required in production.*UPLOAD_SCAN=off/,
    );
    expect(loadConfig({ ...withoutScanner, UPLOAD_SCAN: "off" }).unscannedUploads).toBe(
      "switched-off",
    );
  });

  it("leaves uploads unscanned in embedded mode without clamd, and says why", () => {
    expect(loadConfig({}).unscannedUploads).toBe("embedded");
    expect(loadConfig({ CLAMAV_URL: "unix:///run/clamav/clamd.ctl" }).unscannedUploads).toBe(
      undefined,
    );
    expect(loadConfig({ UPLOAD_SCAN: "off" }).unscannedUploads).toBe("switched-off");
  });

  it("serves metrics only when asked: a port of their own on 127.0.0.1, or a token", () => {
    expect(loadConfig({}).metrics).toEqual({
      port: undefined,
      host: "127.0.0.1",
      token: undefined,
    });
    expect(
      loadConfig({ METRICS_PORT: "9464", METRICS_HOST: "10.0.0.5", METRICS_TOKEN: "t".repeat(32) })
        .metrics,
    ).toEqual({ port: 9464, host: "10.0.0.5", token: "t".repeat(32) });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
    });
  });

  it("keeps files on disk unless told to use an S3 bucket, with the secrets of before", () => {
    expect(loadConfig({}).blobStore).toEqual({ kind: "disk" });
    expect(
      loadConfig({
        BLOB_STORE: "s3",
        S3_ENDPOINT: "https://s3.example.nl",
        S3_BUCKET: "poort-files",
        S3_ACCESS_KEY_ID: "poort",
        S3_SECRET_ACCESS_KEY: "geheim",
        S3_FORCE_PATH_STYLE: "true",
        PREVIOUS_SECRET_KEYS: ` ${"a".repeat(32)} ,,${"b".repeat(40)}`,
      }),
    ).toMatchObject({
      blobStore: {
        kind: "s3",
        endpoint: "https://s3.example.nl",
        region: "us-east-1",
        bucket: "poort-files",
        forcePathStyle: true,
      },
      previousSecretKeys: ["a".repeat(32), "b".repeat(40)],
    });
  });

  it.each([
    [{ BLOB_STORE: "s3", S3_ACCESS_KEY_ID: "poort", S3_SECRET_ACCESS_KEY: "geheim" }, "S3_BUCKET"],
    [{ BLOB_STORE: "ftp" }, "BLOB_STORE"],
    [{ PREVIOUS_SECRET_KEYS: "too-short" }, "PREVIOUS_SECRET_KEYS"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/poort" }, "DATABASE_URL"],
    [{ SMTP_URL: "not a url" }, "SMTP_URL"],
    [{ JOBS_ENABLED: "perhaps" }, "JOBS_ENABLED"],
    [{ SMS_PROVIDER: "cm" }, "SMS_CM_PRODUCT_TOKEN"],
    [{ CA_ROOT_CERT_FILE: "/etc/poort/root.pem" }, "CA_\\*_FILE"],
    [{ NODE_ENV: "production", SECRET_KEY: "x".repeat(32) }, "MTLS_TLS_CERT_FILE"],
    [
      { NODE_ENV: "production", MTLS_TLS_CERT_FILE: "/tls.pem", MTLS_TLS_KEY_FILE: "/tls.key" },
      "SECRET_KEY",
    ],
    [{ DEV_CLOCK_OFFSET: "a year" }, "DEV_CLOCK_OFFSET"],
    [{ ...production, DEV_CLOCK_OFFSET: "40d" }, "DEV_CLOCK_OFFSET"],
    [{ ...production, CLAMAV_URL: "" }, "CLAMAV_URL"],
    [{ UPLOAD_SCAN: "no" }, "UPLOAD_SCAN"],
    [{ UPLOAD_SCAN: "off", CLAMAV_URL: "tcp://clamd.internal:3310" }, "UPLOAD_SCAN"],
    [{ METRICS_PORT: "3000" }, "METRICS_PORT"],
    [{ METRICS_PORT: "9464", MTLS_PORT: "9464" }, "METRICS_PORT"],
    [{ METRICS_TOKEN: "too-short" }, "METRICS_TOKEN"],
  ])("stops at start-up on %o, naming %s", (environment, variable) => {
    expect(() => loadConfig(environment)).toThrow(ConfigError);
    expect(() => loadConfig(environment)).toThrow(
      new RegExp(`^Invalid configuration:\\n  ${variable}:`),
    );
  });
});
