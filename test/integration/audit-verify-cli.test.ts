import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { auditChain, auditEvents } from "#src/server/platform/audit/schema.ts";
import { ManualClock } from "#src/server/platform/clock.ts";
import { type DatabaseHandle, openDatabase } from "#src/server/platform/db/database.ts";
import { poortFromSource as poort } from "#test/support/poort-cli.ts";
import { createTestDatabase, testDatabaseKinds } from "#test/support/test-database.ts";

const HEAD = /^Head: (\d+:[0-9a-f]{64})$/m;

describe.each(testDatabaseKinds)("poort audit verify on %s", (kind) => {
  let dataDir: string;
  let environment: Record<string, string>;
  let dropDatabase = async () => {};
  /** The CLI's database, opened by the test between commands (PGlite: one process at a time). */
  const open = (): Promise<DatabaseHandle> =>
    openDatabase(
      environment.DATABASE_URL
        ? { databaseUrl: environment.DATABASE_URL }
        : { pgliteDir: path.join(dataDir, "pglite") },
    );
  const withDatabase = async (work: (handle: DatabaseHandle) => Promise<unknown>) => {
    const handle = await open();
    try {
      await work(handle);
    } finally {
      await handle.close();
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-audit-verify-"));
    environment = { DATA_DIR: dataDir };
    if (kind === "postgres") {
      const database = await createTestDatabase("postgres");
      await database.handle.close();
      environment.DATABASE_URL = database.url ?? "";
      dropDatabase = database.drop;
    }
  });
  afterAll(async () => {
    await dropDatabase();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("says where the database is missing, and when it has no chain yet", async () => {
    if (kind === "pglite") {
      const missing = await poort(["audit", "verify"], environment);
      expect(missing).toEqual({
        code: 1,
        stdout: `No embedded database in ${dataDir} (${path.join(dataDir, "pglite")}): set DATA_DIR (or DATABASE_URL) as Poort runs with.\n`,
      });
    }
    expect((await poort(["migrate"], environment)).code).toBe(0);
    expect(await poort(["audit", "verify"], environment)).toEqual({
      code: 0,
      stdout: "Audit log intact: no events recorded yet.\n",
    });
  }, 120_000);

  it("prints the head of an intact chain, and checks a head noted down before", async () => {
    await withDatabase(async ({ db }) => {
      const clock = new ManualClock("2026-03-02T08:15:00Z");
      for (const action of ["session.login", "document.downloaded", "session.logout"]) {
        await recordAuditEvent(db, clock, { actor: { type: "client", id: "c-1" }, action });
      }
    });
    const first = await poort(["audit", "verify"], environment);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Audit log intact: 3 events in one unbroken chain.");
    const head = HEAD.exec(first.stdout)?.[1] ?? "";
    expect(head).toMatch(/^3:/);
    expect(first.stdout).toContain(`A later run with --noted-head ${head} shows`);

    const again = await poort(["audit", "verify", "--noted-head", head], environment);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`It still holds the noted head ${head}.`);

    const unreadable = await poort(["audit", "verify", "--noted-head", "three"], environment);
    expect(unreadable).toEqual({
      code: 1,
      stdout: "--noted-head: POSITION:HASH as `poort audit verify` printed it\n",
    });
  }, 60_000);

  it("fails on an edited event and names its position", async () => {
    await withDatabase(({ db }) =>
      db.transaction(async (tx) => {
        // The superuser, past the append-only trigger.
        await tx.execute(sql`SET LOCAL session_replication_role = replica`);
        const [second] = await tx
          .select({ eventId: auditChain.eventId })
          .from(auditChain)
          .where(eq(auditChain.position, 2));
        await tx
          .update(auditEvents)
          .set({ action: "document.viewed" })
          .where(eq(auditEvents.id, second?.eventId ?? -1));
      }),
    );
    const verdict = await poort(["audit", "verify"], environment);
    expect(verdict.code).toBe(1);
    expect(verdict.stdout).toMatch(
      /^Audit log NOT intact at position 2: position 2 \(event \d+\): the event does not match its hash: it, or the hash, was changed\.\n$/,
    );
  }, 60_000);

  it.runIf(kind === "pglite")(
    "will not open the embedded database while another process holds it",
    async () => {
      const holder = await open();
      try {
        const refused = await poort(["audit", "verify"], environment);
        expect(refused.code).toBe(1);
        expect(refused.stdout).toContain(
          `The embedded database in ${dataDir} is open (${path.join(dataDir, "pglite", "postmaster.pid")}), but no Poort answers on its control socket`,
        );
      } finally {
        await holder.close();
      }
    },
  );
});
