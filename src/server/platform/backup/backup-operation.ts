import { access } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Clock } from "../clock.ts";
import type { ControlOperation } from "../control/control-server.ts";
import { ControlRefusal } from "../control/control-server.ts";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { embeddedPaths } from "../move/installation-checks.ts";
import { BackupRefused, type BackupSummary } from "./backup-manifest.ts";
import type { PausableDeletions } from "./pausable-deletions.ts";
import { secretOfInstallation } from "./secret-of-installation.ts";
import { writeBackup } from "./write-backup.ts";

/** The control operation's name: `poort backup` asks the running Poort for it. */
export const BACKUP_OPERATION = "backup";

/** Where the running Poort writes the backup: a path the CLI resolved from its own folder. */
export const backupInputSchema = z.object({
  to: z.string().min(1).refine(path.isAbsolute, { error: "must be an absolute path" }),
});

/** What the running embedded Poort needs to back itself up. */
export interface EmbeddedInstallation {
  dataDir: string;
  secretKey: string | undefined;
  database: DatabaseHandle;
  deletions: PausableDeletions;
  clock: Clock;
  logger: Logger;
}

/**
 * The backup as an operation of the control channel (ADR 0021), registered by an embedded
 * Poort: it holds the database and the file stores, so it takes the backup itself. One at a
 * time: a second request while one runs is refused.
 */
export function backupOperation(
  installation: EmbeddedInstallation,
): ControlOperation<z.infer<typeof backupInputSchema>> {
  let running = false;
  return {
    input: backupInputSchema,
    async run({ to }, say) {
      const { database } = installation;
      if (database.kind !== "pglite") {
        throw new ControlRefusal(
          "This Poort runs on PostgreSQL: back it up with the database's own tools.",
        );
      }
      if (running)
        throw new ControlRefusal("A backup is being written already: wait until it is done.");
      running = true;
      try {
        const summary = await writeBackup(
          {
            dataDir: installation.dataDir,
            database: database.client,
            secret: await secretOfInstallation(installation),
            deletions: installation.deletions,
            clock: installation.clock,
          },
          to,
          say,
        );
        installation.logger.info({ backup: summary }, "backup written");
        // A copy of every client's data left the server: the operator's act, on the record.
        await recordAuditEvent(database.db, installation.clock, {
          actor: { type: "operator" },
          action: "installation.backed-up",
          details: { to: summary.to, files: summary.files, migration: summary.migration },
        });
        return summary;
      } catch (error) {
        throw error instanceof BackupRefused ? new ControlRefusal(error.message) : error;
      } finally {
        running = false;
      }
    },
  };
}

/**
 * The backup of an embedded installation no Poort runs on: the CLI opens the database itself
 * (nothing else can change or delete anything meanwhile).
 */
export async function backupStoppedInstallation(
  installation: { dataDir: string; secretKey: string | undefined; clock: Clock },
  to: string,
  say: (line: string) => void,
): Promise<BackupSummary> {
  const { pgliteDir, versionFile } = embeddedPaths(installation.dataDir);
  if (
    !(await access(versionFile).then(
      () => true,
      () => false,
    ))
  ) {
    throw new BackupRefused(
      `${installation.dataDir} holds no embedded installation (no database in ${pgliteDir}): nothing to back up.`,
    );
  }
  const secret = await secretOfInstallation(installation);
  const database = await openDatabase({ pgliteDir });
  try {
    if (database.kind !== "pglite") throw new Error("expected the embedded database");
    return await writeBackup(
      { ...installation, database: database.client, secret, deletions: undefined },
      to,
      say,
    );
  } finally {
    await database.close();
  }
}
