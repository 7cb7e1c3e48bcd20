import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServerProcess } from "#test/support/server-process.ts";
import { startSmtpSink } from "#test/support/smtp-sink.ts";
import { databaseForServerProcess, testDatabaseKinds } from "#test/support/test-database.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CLIENT_SUBJECT = "Er staat iets nieuws voor u klaar bij Kantoor Crash";
const STAFF_SUBJECT = "Er staat iets nieuws voor u klaar in Poort";

/** Runs `notice-event-process.ts` until it has committed its news, then kills it (-9). */
async function commitNewsAndDie(environment: Record<string, string>): Promise<void> {
  const child = spawn(
    process.execPath,
    ["--conditions=source", "--import", "tsx", "test/support/notice-event-process.ts"],
    {
      cwd: root,
      env: { PATH: process.env.PATH, ...environment },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("committed\n")) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`the event process exited (${code}):\n${output}`)));
  });
  child.kill("SIGKILL");
  await exited;
}

/**
 * Bundled notices (ADR 0013) are jobs in the event's transaction: news committed by a process
 * that dies before the notice's job runs is told by the next Poort, exactly once.
 */
describe.each(testDatabaseKinds)("a crash between news and its notice on %s", (kind) => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof databaseForServerProcess>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-notice-crash-"));
    database = await databaseForServerProcess(kind);
  });
  afterAll(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("sends each notice exactly once after kill -9 and a fresh start", async () => {
    const base = {
      DATA_DIR: dataDir,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    };
    await commitNewsAndDie(base);

    const smtpPort = await freePort();
    const smtp = await startSmtpSink(smtpPort);
    try {
      const subjects = () => smtp.received.map((mail) => mail.subject);
      // The fresh Poort's clock runs past the notice's grace, so its job is due at once.
      const poort = await startServerProcess({
        ...base,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SEED_DEMO: "false",
        JOBS_POLL_MS: "100",
        DEV_CLOCK_OFFSET: "10m",
      });
      try {
        await expect
          .poll(() => subjects().includes(CLIENT_SUBJECT) && subjects().includes(STAFF_SUBJECT), {
            timeout: 30_000,
            interval: 200,
          })
          .toBe(true);
        // A few more polling rounds: nothing is told twice.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(subjects().filter((subject) => subject === CLIENT_SUBJECT)).toHaveLength(1);
        expect(subjects().filter((subject) => subject === STAFF_SUBJECT)).toHaveLength(1);
      } finally {
        expect(await poort.stop(), poort.output()).toBe(0);
      }
    } finally {
      await smtp.close();
    }
  }, 120_000);
});
