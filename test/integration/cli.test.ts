import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "#src/server/platform/db/database.ts";
import { mails } from "#src/server/platform/mail/schema.ts";
import { freePort, type ServerProcess, startServerProcess } from "#test/support/server-process.ts";
import { createTestDatabase, testDatabaseKinds } from "#test/support/test-database.ts";

const run = promisify(execFile);

const REMINDERS = "certificates-expiry-reminders";
/** The 40-day notice about the demo office's certificate (valid 730 days): not the reminder. */
const FORTY_DAY_SUBJECT = "Uw KNB kantoorcertificaat verloopt op";

/** `npx poort …` as an operator runs it: the package's bin, which builds what is missing. */
async function poort(args: string[], environment: Record<string, string> = {}) {
  try {
    const { stdout } = await run(process.execPath, ["bin/poort.mjs", ...args], {
      env: { PATH: process.env.PATH, ...environment },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout + failed.stderr };
  }
}

describe("the poort CLI", () => {
  it("explains itself", async () => {
    const help = await poort(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: poort <command>");
    expect(help.stdout).toMatch(/migrate\s+apply the database migrations/);
    expect(help.stdout).toMatch(/jobs run NAME\s+run one occurrence of a scheduled job now/);
    const unknown = await poort(["make-coffee"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain("Unknown command: make-coffee");
  });

  it("names the variable when the configuration is wrong", async () => {
    const result = await poort(["migrate"], { DATABASE_URL: "mysql://localhost/poort" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("DATABASE_URL:");
  });
});

describe.each(testDatabaseKinds)("poort migrate and seed-demo on %s", (kind) => {
  let environment: Record<string, string>;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-cli-"));
    // A port nothing listens on: no running Poort, so the CLI opens the database itself.
    environment = { DATA_DIR: dataDir, PORT: String(await freePort()) };
    let dropDatabase = async () => {};
    if (kind === "postgres") {
      // An empty database of its own: the template is migrated already, this one must not be.
      const database = await createTestDatabase("postgres");
      await database.handle.db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      await database.handle.db.execute("DROP SCHEMA IF EXISTS drizzle CASCADE");
      await database.handle.close();
      environment.DATABASE_URL = database.url ?? "";
      dropDatabase = database.drop;
    }
    cleanUp = async () => {
      await dropDatabase();
      await rm(dataDir, { recursive: true, force: true });
    };
  });
  afterAll(() => cleanUp());

  it("migrates an empty database, and a second run changes nothing", async () => {
    expect(await poort(["migrate"], environment)).toEqual({
      code: 0,
      stdout: `Migrations applied (${kind}).\n`,
    });
    expect((await poort(["migrate"], environment)).code).toBe(0);
  });

  it("adds the demo data once and prints the demo logins", async () => {
    const first = await poort(["seed-demo"], environment);
    expect(first.stdout).toContain(
      "Demo data added: outbox-welcome, offices-and-accounts, servicedesk-staff, dossiers-and-documents, office-certificate, client-of-two-offices, messages, actions, eherkenning-catalogue, eherkenning-review, eherkenning-company-login.",
    );
    expect(first.stdout).toMatch(
      /\/portal\s+anna@bakkerijbol\.nl\s+client \(company, main account\)/,
    );
    expect(first.stdout).toMatch(/\/office\s+sara@devriespartners\.nl\s+admin/);
    const second = await poort(["seed-demo"], environment);
    expect(second.stdout).toContain("Demo data was already complete.");
  });

  it("keeps the CA the demo made, and exports its chain", async () => {
    const init = await poort(["ca", "init"], environment);
    expect(init.stdout).toContain("Certificate authority exists already.");
    const chain = await poort(["ca", "export-chain"], environment);
    expect(chain.code).toBe(0);
    expect(chain.stdout.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
  });

  it("lists the scheduled jobs and the job handlers", async () => {
    const list = await poort(["jobs", "list"], environment);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      /certificates-expiry-reminders\s+0 6 \* \* \*\s+\d{4}-\d\d-\d\d 06:00:00\s+not known/,
    );
    expect(list.stdout).toMatch(/Job handlers: .*certificates\.expiry-reminders/);
  });

  it("runs the reminders now, as the schedule would: the 40-day notice once", async () => {
    for (let run = 1; run <= 2; run++) {
      const result = await poort(["jobs", "run", REMINDERS, "--clock-offset", "700d"], environment);
      expect(result.stdout).toContain("Poort's clock runs 700d ahead of real time");
      expect(result).toMatchObject({
        code: 0,
        stdout: expect.stringContaining(`${REMINDERS} ran in the ${kind} database: completed`),
      });
    }
    const database = await openDatabase({
      databaseUrl: environment.DATABASE_URL,
      pgliteDir: path.join(environment.DATA_DIR ?? "", "pglite"),
    });
    const queued = await database.db
      .select({ to: mails.toAddress })
      .from(mails)
      .where(like(mails.subject, `${FORTY_DAY_SUBJECT}%`));
    await database.close();
    expect(queued).toEqual([{ to: "info@devriespartners.nl" }]);
  });

  it("refuses a job that is not scheduled, and an offset it cannot read", async () => {
    const unknown = await poort(["jobs", "run", "make-coffee"], environment);
    expect(unknown).toMatchObject({
      code: 1,
      stdout: expect.stringContaining(
        `No scheduled job make-coffee. Scheduled jobs: ${REMINDERS}, `,
      ),
    });
    const soon = await poort(["jobs", "run", REMINDERS, "--clock-offset", "soon"], environment);
    expect(soon).toMatchObject({ code: 1, stdout: expect.stringContaining("--clock-offset:") });
  });

  it("registers an office and invites its staff and clients", async () => {
    const office = await poort(
      [
        "office",
        "create",
        "--name",
        "Notariskantoor Smit & Zn",
        "--debtor-number",
        "109876",
        "--email",
        "info@smit.nl",
      ],
      environment,
    );
    expect(office).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("Office created: Notariskantoor Smit & Zn (109876)"),
    });
    const again = await poort(
      [
        "office",
        "create",
        "--name",
        "Ander kantoor",
        "--debtor-number",
        "109876",
        "--email",
        "info@ander.nl",
      ],
      environment,
    );
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("debtorNumber");

    const staff = await poort(
      [
        "staff",
        "invite",
        "--office",
        "109876",
        "--name",
        "Eva Smit",
        "--email",
        "eva@smit.nl",
        "--role",
        "notary",
      ],
      environment,
    );
    expect(staff).toEqual({ code: 0, stdout: "Invitation queued for eva@smit.nl.\n" });
    const client = await poort(
      [
        "client",
        "invite",
        "--office",
        "109876",
        "--kind",
        "company",
        "--name",
        "Garage Smit B.V.",
        "--contact-name",
        "Kees Smit",
        "--kvk",
        "9000 0011",
        "--email",
        "Kees@Garage-Smit.nl",
      ],
      environment,
    );
    expect(client).toEqual({ code: 0, stdout: "Invitation queued for kees@garage-smit.nl.\n" });
    const personWithKvk = await poort(
      [
        "client",
        "invite",
        "--office",
        "109876",
        "--kind",
        "person",
        "--name",
        "Kees Smit",
        "--kvk",
        "90000012",
        "--email",
        "kees@smit.nl",
      ],
      environment,
    );
    expect(personWithKvk).toMatchObject({
      code: 1,
      stdout: expect.stringContaining("--kvkNumber: kvk_number_company_only"),
    });

    const unknownOffice = await poort(
      [
        "staff",
        "invite",
        "--office",
        "999999",
        "--name",
        "X Y",
        "--email",
        "x@y.nl",
        "--role",
        "admin",
      ],
      environment,
    );
    expect(unknownOffice).toMatchObject({
      code: 1,
      stdout: expect.stringContaining("No office with debtor number 999999"),
    });
    const badRole = await poort(
      [
        "staff",
        "invite",
        "--office",
        "109876",
        "--name",
        "X Y",
        "--email",
        "x@y.nl",
        "--role",
        "boss",
      ],
      environment,
    );
    expect(badRole).toMatchObject({ code: 1, stdout: expect.stringContaining("--role") });
  });
});

describe("poort jobs beside a running development Poort", () => {
  let dataDir: string;
  let server: ServerProcess;
  let environment: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-cli-server-"));
    // As `npm start` runs: the embedded database, the demo data, the dev outbox.
    server = await startServerProcess({ DATA_DIR: dataDir, JOBS_POLL_MS: "100" });
    environment = { DATA_DIR: dataDir, HOST: "127.0.0.1", PORT: new URL(server.url).port };
  });
  afterAll(async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const fortyDayMails = async () => {
    const { mails } = (await (await fetch(`${server.url}/dev/outbox/mail`)).json()) as {
      mails: Array<{ to: string; subject: string }>;
    };
    return mails.filter((mail) => mail.subject.startsWith(FORTY_DAY_SUBJECT));
  };

  it("asks that Poort, which holds the database: one command puts the 40-day mail in its mailbox", async () => {
    const run = await poort(["jobs", "run", REMINDERS, "--clock-offset", "700d"], environment);
    expect(run).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`${REMINDERS} ran in the Poort running at ${server.url}`),
    });
    await expect
      .poll(fortyDayMails, { timeout: 10_000 })
      .toEqual([expect.objectContaining({ to: "info@devriespartners.nl" })]);
    const clock = (await (await fetch(`${server.url}/dev/clock`)).json()) as { offsetMs: number };
    expect(clock.offsetMs).toBe(700 * 24 * 60 * 60_000);

    expect((await poort(["jobs", "run", REMINDERS], environment)).code).toBe(0);
    const list = await poort(["jobs", "list"], environment);
    expect(list.stdout).toContain(`Scheduled jobs in the Poort running at ${server.url}`);
    // Long enough for the running Poort to deliver a second mail, were there one.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await fortyDayMails()).toHaveLength(1);
  });
});
