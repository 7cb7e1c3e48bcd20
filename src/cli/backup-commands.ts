import path from "node:path";
import { z } from "zod";
import { type Config, loadConfig } from "../server/config.ts";
import {
  BackupRefused,
  type BackupSummary,
  backupSummarySchema,
} from "../server/platform/backup/backup-manifest.ts";
import {
  BACKUP_OPERATION,
  backupStoppedInstallation,
} from "../server/platform/backup/backup-operation.ts";
import {
  embeddedDatabaseHolder,
  openButSilent,
} from "../server/platform/backup/installation-state.ts";
import { restoreBackup } from "../server/platform/backup/restore-backup.ts";
import { systemClock } from "../server/platform/clock.ts";
import {
  askControl,
  ControlFailed,
  ControlRefused,
} from "../server/platform/control/control-client.ts";
import { controlSocketPath } from "../server/platform/control/control-protocol.ts";
import { CliError } from "./cli-error.ts";

const say = (line: string) => console.log(line);

/**
 * `poort backup --to DIR`: a backup of the embedded installation in DATA_DIR, with its database,
 * files, CA (in the database, sealed) and secret. A Poort running on it writes the backup
 * itself, asked through its control socket; otherwise the CLI opens DATA_DIR (ADR 0021).
 */
export async function backupCommand(values: Readonly<Record<string, unknown>>): Promise<void> {
  const { to } = z
    .object({ to: z.string({ error: "required: a new or empty folder for the backup" }).min(1) })
    .parse(values);
  const config = loadConfig();
  refuseServerInstallation(config, "backup");
  const target = path.resolve(to);
  const summary = await refusedAs("Not backed up", async (): Promise<BackupSummary> => {
    const holder = await embeddedDatabaseHolder(config.dataDir);
    if (holder.kind === "unknown") throw openButSilent(config.dataDir);
    if (holder.kind === "nobody") {
      say(`No Poort runs on ${config.dataDir}: the backup is taken from the folder itself.`);
      return backupStoppedInstallation(
        { dataDir: config.dataDir, secretKey: config.secretKey, clock: systemClock },
        target,
        say,
      );
    }
    say(`Poort runs on ${config.dataDir} (process ${holder.poort.pid}): it writes the backup.`);
    const answer = await askControl(
      controlSocketPath(config.dataDir),
      BACKUP_OPERATION,
      { to: target },
      say,
    );
    return backupSummarySchema.parse(answer);
  });
  say(
    `Backup written to ${summary.to}: ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(1)} MiB, the database at migration ${summary.migration}.`,
  );
  say(
    "It holds the secret key that opens everything in it: keep it as secret as the server itself.",
  );
  if (summary.filesUnderPreviousSecrets > 0) {
    say(
      `${summary.filesUnderPreviousSecrets} stored files are still sealed under a previous secret (PREVIOUS_SECRET_KEYS): keep those secrets with this backup, or run \`poort files rewrap\` and back up again.`,
    );
  }
}

/**
 * `poort restore --from DIR`: the backup, verified whole first, becomes DATA_DIR; an existing
 * DATA_DIR is kept aside beside it. Refused while a Poort runs on DATA_DIR.
 */
export async function restoreCommand(values: Readonly<Record<string, unknown>>): Promise<void> {
  const { from } = z
    .object({ from: z.string({ error: "required: the folder of the backup" }).min(1) })
    .parse(values);
  const config = loadConfig();
  refuseServerInstallation(config, "restore");
  const summary = await refusedAs("Not restored", () =>
    restoreBackup({
      from,
      dataDir: config.dataDir,
      secretKey: config.secretKey,
      clock: systemClock,
      say,
    }),
  );
  say(
    `Restored into ${summary.dataDir} the backup of ${summary.createdAt} (${summary.files} files, migration ${summary.migration}).`,
  );
  if (summary.keptAside) say(`The DATA_DIR that was there is kept in ${summary.keptAside}.`);
  say("Start Poort on it: it opens the restored data (and applies newer migrations, if any).");
}

/** Backup and restore cover the embedded installation; a server's data has tools of its own. */
function refuseServerInstallation(config: Config, command: "backup" | "restore"): void {
  const uses = config.databaseUrl
    ? "PostgreSQL (DATABASE_URL is set)"
    : config.blobStore.kind === "s3"
      ? "an S3 bucket for its files (BLOB_STORE=s3)"
      : undefined;
  if (!uses) return;
  throw new CliError(
    `poort ${command} is for an embedded installation (its database and files in DATA_DIR); this one uses ${uses}. Back it up with the tools of the database and the bucket (pg_dump or continuous archiving, bucket versioning), and keep SECRET_KEY and PREVIOUS_SECRET_KEYS apart from those backups: see "Backup and restore" in README.md.`,
  );
}

/** The refusals of backup and restore as the CLI tells them: one line, no stack trace. */
async function refusedAs<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      error instanceof BackupRefused ||
      error instanceof ControlRefused ||
      error instanceof ControlFailed
    ) {
      throw new CliError(`${prefix}: ${error.message}`);
    }
    throw error;
  }
}
