import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds } from "../support/test-database.ts";

const run = promisify(execFile);

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
    environment = { DATA_DIR: dataDir };
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
      "Demo data added: outbox-welcome, offices-and-accounts, servicedesk-staff, dossiers-and-documents, office-certificate.",
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
        "--email",
        "Kees@Garage-Smit.nl",
      ],
      environment,
    );
    expect(client).toEqual({ code: 0, stdout: "Invitation queued for kees@garage-smit.nl.\n" });

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
