import { access } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Config, loadConfig } from "../server/config.ts";
import {
  AUDIT_VERIFY_OPERATION,
  type ChainHead,
  type ChainVerdict,
  chainVerdictSchema,
  verifyAuditChain,
} from "../server/platform/audit/audit-chain.ts";
import {
  embeddedDatabaseHolder,
  openButSilent,
} from "../server/platform/backup/installation-state.ts";
import {
  askControl,
  ControlFailed,
  ControlRefused,
} from "../server/platform/control/control-client.ts";
import { controlSocketPath } from "../server/platform/control/control-protocol.ts";
import { type DatabaseHandle, openDatabase } from "../server/platform/db/database.ts";
import { embeddedPaths } from "../server/platform/move/installation-checks.ts";
import { CliError } from "./cli-error.ts";

/** A head as `verify` prints it: `POSITION:HASH`. */
const notedHeadSchema = z
  .string()
  .trim()
  .regex(/^\d+:[0-9a-fA-F]{64}$/, "POSITION:HASH as `poort audit verify` printed it")
  .transform((text): ChainHead => {
    const [position = "", hash = ""] = text.split(":");
    return { position: Number(position), hash: hash.toLowerCase() };
  });

const formatHead = (head: ChainHead) => `${head.position}:${head.hash}`;

/**
 * `poort audit verify [--noted-head POSITION:HASH]`: recomputes the audit log's hash chain
 * (ADR 0022) on the database itself, read only, and fails unless it is whole. PostgreSQL may
 * be shared with running instances; the embedded database opens in one process only (ADR 0009).
 */
export async function verifyAudit(values: Readonly<Record<string, unknown>>): Promise<void> {
  const { "noted-head": noted } = z
    .object({ "noted-head": notedHeadSchema.optional() })
    .parse(values);
  const verdict = await verdictOf(loadConfig(), noted);
  if (!verdict.intact) {
    const where = verdict.position === null ? "" : ` at position ${verdict.position}`;
    throw new CliError(`Audit log NOT intact${where}: ${verdict.problem}`);
  }
  if (!verdict.head) {
    console.log("Audit log intact: no events recorded yet.");
    return;
  }
  console.log(`Audit log intact: ${verdict.events} events in one unbroken chain.`);
  if (noted) console.log(`It still holds the noted head ${formatHead(noted)}.`);
  console.log(`Head: ${formatHead(verdict.head)}`);
  console.log(
    `Note the head down outside Poort, with today's date. A later run with --noted-head ${formatHead(verdict.head)} shows that no event up to it was changed or removed since, even by someone who rewrote the chain after.`,
  );
}

/**
 * The chain's verdict: from the database itself, or, while a Poort holds the embedded database,
 * from that Poort through its control socket (ADR 0021).
 */
async function verdictOf(config: Config, noted: ChainHead | undefined): Promise<ChainVerdict> {
  if (!config.databaseUrl) {
    const holder = await embeddedDatabaseHolder(config.dataDir);
    if (holder.kind === "poort") {
      const answer = await askControl(
        controlSocketPath(config.dataDir),
        AUDIT_VERIFY_OPERATION,
        noted ? { noted } : {},
        (line) => console.log(line),
      ).catch((error: unknown) => {
        if (error instanceof ControlRefused || error instanceof ControlFailed) {
          throw new CliError(`Not verified: ${error.message}`);
        }
        throw error;
      });
      return chainVerdictSchema.parse(answer);
    }
    if (holder.kind === "unknown") throw new CliError(openButSilent(config.dataDir).message);
  }
  const database = await openConfiguredDatabase(config);
  try {
    const [chain] = await database.db
      .select({ exists: sql<boolean>`to_regclass('audit_chain') IS NOT NULL` })
      .from(sql`(SELECT 1) AS probe`);
    if (!chain?.exists) {
      throw new CliError(
        "This database has no audit chain yet: run `poort migrate` (or start Poort once), then verify.",
      );
    }
    return await verifyAuditChain(database.db, noted ? { noted } : {});
  } finally {
    await database.close();
  }
}

/** The database of this configuration; an embedded one no Poort holds (checked before). */
async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl, poolSize: 1 });
  const paths = embeddedPaths(config.dataDir);
  const present = await access(paths.versionFile).then(
    () => true,
    () => false,
  );
  if (!present) {
    throw new CliError(
      `No embedded database in ${config.dataDir} (${paths.pgliteDir}): set DATA_DIR (or DATABASE_URL) as Poort runs with.`,
    );
  }
  return openDatabase({ pgliteDir: paths.pgliteDir });
}
