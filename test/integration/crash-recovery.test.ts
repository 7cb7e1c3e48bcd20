import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServerProcess } from "#test/support/server-process.ts";
import { startSmtpSink } from "#test/support/smtp-sink.ts";
import { databaseForServerProcess, testDatabaseKinds } from "#test/support/test-database.ts";

describe.each(testDatabaseKinds)("a crash between enqueue and delivery on %s", (kind) => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof databaseForServerProcess>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-crash-"));
    database = await databaseForServerProcess(kind);
  });
  afterAll(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("delivers the queued mail exactly once after kill -9 and a restart", async () => {
    const smtpPort = await freePort();
    const environment = {
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // The demo seed queues a welcome mail in the same transaction that records the step.
      SEED_DEMO: "true",
      JOBS_POLL_MS: "100",
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    };

    // First life: the mail relay is down, so the mail waits in the queue; then a crash.
    const first = await startServerProcess(environment);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await first.kill();

    const smtp = await startSmtpSink(smtpPort);
    try {
      const subjects = () => smtp.received.map((mail) => mail.subject);
      expect(subjects()).toEqual([]);
      // Second life: the job survived the crash and delivers once its retry is due.
      const second = await startServerProcess(environment);
      try {
        await expect
          .poll(() => subjects().includes("Welkom bij Poort"), {
            timeout: 30_000,
            interval: 200,
          })
          .toBe(true);
        // A few more polling rounds: nothing is delivered twice (the demo also mails others).
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(subjects().filter((subject) => subject === "Welkom bij Poort")).toHaveLength(1);
        // Each mail has a Message-ID of its own (its row's id): a repeat would share one.
        const ids = smtp.received.map((mail) => mail.messageId);
        expect(new Set(ids).size).toBe(ids.length);
      } finally {
        expect(await second.stop(), second.output()).toBe(0);
      }
    } finally {
      await smtp.close();
    }
  }, 90_000);
});
