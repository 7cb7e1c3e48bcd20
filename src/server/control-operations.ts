import { z } from "zod";
import {
  AUDIT_VERIFY_OPERATION,
  chainHeadSchema,
  verifyAuditChain,
} from "./platform/audit/audit-chain.ts";
import { POORT_VERSION } from "./platform/backup/backup-manifest.ts";
import { BACKUP_OPERATION, backupOperation } from "./platform/backup/backup-operation.ts";
import { ControlServer } from "./platform/control/control-server.ts";
import type { Services } from "./services.ts";

/**
 * The local operator control channel of this process (ADR 0021), with the operations it
 * offers the CLI: another command that must run inside the server is one more `register`.
 * Without the channel (e.g. a DATA_DIR too long for a socket's path) Poort still runs; the
 * CLI then refuses what needs it instead of opening the embedded database a second time.
 */
export async function startControlChannel(services: Services): Promise<ControlServer | undefined> {
  const { config, logger, database } = services;
  const control = new ControlServer({
    dataDir: config.dataDir,
    logger: logger.child({ component: "control" }),
    version: POORT_VERSION,
  });
  if (database.kind === "pglite") {
    control.register(
      BACKUP_OPERATION,
      backupOperation({
        dataDir: config.dataDir,
        secretKey: config.secretKey,
        database,
        deletions: services.objectDeletions,
        clock: services.clock,
        logger,
      }),
    );
    // `poort audit verify` reads the embedded database, which this process holds.
    control.register(AUDIT_VERIFY_OPERATION, {
      input: z.object({ noted: chainHeadSchema.optional() }),
      run: ({ noted }) => verifyAuditChain(database.db, noted ? { noted } : {}),
    });
  }
  try {
    await control.listen();
    return control;
  } catch (error) {
    logger.warn(
      { err: error },
      "the operator control channel is off; `poort backup` cannot reach this Poort",
    );
    return undefined;
  }
}
