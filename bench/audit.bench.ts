import { type ChainVerdict, verifyAuditChain } from "#src/server/platform/audit/audit-chain.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { systemClock } from "#src/server/platform/clock.ts";
import { type DatabaseHandle, openDatabase } from "#src/server/platform/db/database.ts";
import { migrateDatabase } from "#src/server/platform/db/migrate.ts";
import { withAdminClient } from "#test/support/postgres-admin.ts";
import { freshDatabase } from "./bench-database.ts";
import { perSecond, printTable, ratio, time } from "./report.ts";

const EVENTS = 2_000;
/** Writers at once on PostgreSQL: requests of several sessions, each auditing its own change. */
const WRITERS = 8;
const DATABASE_PREFIX = "poort_bench_audit";

/**
 * What the audit log's hash chain (ADR 0022) costs: audit events written each in a transaction
 * of its own, as a request writes them, with the chain's trigger and, as the baseline in the
 * same run, with that trigger disabled; on PostgreSQL also by several writers at once, since the
 * chain makes audited transactions take turns at commit. Then how fast `poort audit verify`
 * walks the chain that was written. The baseline is a database of the same schema without
 * the chain's trigger.
 */
export async function run(): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  const serverUrl = process.env.DATABASE_URL;
  for (const target of serverUrl ? ["pglite", "postgres"] : ["pglite"]) {
    // Two databases of the same schema: the baseline's without the chain's trigger, so that
    // the chained one holds only chained events for the verification.
    const open = async (role: string) => {
      const databaseUrl =
        target === "postgres" && serverUrl
          ? await freshDatabase(serverUrl, `${DATABASE_PREFIX}_${role}`)
          : undefined;
      const handle = await openDatabase({ databaseUrl });
      await migrateDatabase(handle);
      return handle;
    };
    const baseline = await open("baseline");
    await baseline.db.execute("DROP TRIGGER audit_events_chain ON audit_events");
    const chained = await open("chained");
    for (const writers of target === "postgres" ? [1, WRITERS] : [1]) {
      const bare = await time(() => writeEvents(baseline, writers));
      const withChain = await time(() => writeEvents(chained, writers));
      rows.push(
        {
          database: target,
          operation: `audit event, own transaction, ${writers} writer(s), no chain (baseline)`,
          rate: perSecond(EVENTS, bare),
          vs: "1.00× baseline",
        },
        {
          database: target,
          operation: `audit event, own transaction, ${writers} writer(s), chained`,
          rate: perSecond(EVENTS, withChain),
          vs: ratio(EVENTS / withChain, EVENTS / bare),
        },
      );
    }
    let verdict: ChainVerdict | undefined;
    const verify = await time(async () => {
      verdict = await verifyAuditChain(chained.db);
    });
    if (!verdict?.intact) {
      throw new Error(`The chain written here does not verify: ${JSON.stringify(verdict)}`);
    }
    rows.push({
      database: target,
      operation: `poort audit verify, ${verdict.events.toLocaleString("en")} chained events`,
      rate: perSecond(verdict.events, verify),
      vs: "",
    });
    await baseline.close();
    await chained.close();
  }
  if (serverUrl) {
    await withAdminClient(serverUrl, async (admin) => {
      for (const role of ["baseline", "chained"]) {
        await admin.query(`DROP DATABASE IF EXISTS ${DATABASE_PREFIX}_${role} WITH (FORCE)`);
      }
    });
  }
  console.log(
    `${EVENTS} events per write measurement; "vs" is throughput relative to the same writes into the same schema without the chain's trigger.`,
  );
  printTable(rows);
}

/** `EVENTS` events, shared among `writers` loops that each commit one event at a time. */
async function writeEvents(handle: DatabaseHandle, writers: number): Promise<void> {
  const perWriter = EVENTS / writers;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 0; n < perWriter; n++) {
        await handle.db.transaction((tx) =>
          recordAuditEvent(tx, systemClock, {
            actor: { type: "client", id: "0b5f2c1e-8d4a-4f57-9a4c-3d2e1f0a9b8c" },
            action: "document.downloaded",
            subject: { type: "document", id: `bench-${writer}-${n}` },
            ip: "192.0.2.10",
            details: { dossierNumber: "2026.0042", fileName: "Concept akte.pdf" },
          }),
        );
      }
    }),
  );
}
