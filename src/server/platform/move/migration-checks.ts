import { type JournalEntry, migrationJournal as journal } from "../db/migrate.ts";
import { MoveRefused } from "./installation-checks.ts";
import type { SqlSession } from "./sql-session.ts";

/** The newest migration a database has run (drizzle records its `when`); none: never migrated. */
export async function newestApplied(session: SqlSession): Promise<number | undefined> {
  const [[recorded]] = (await session.query(
    "SELECT (to_regclass('drizzle.__drizzle_migrations') IS NOT NULL)::text",
  )) as [[string]];
  if (recorded !== "true") return undefined;
  const [[newest]] = (await session.query(
    "SELECT max(created_at)::text FROM drizzle.__drizzle_migrations",
  )) as [[string | null]];
  return newest === null ? undefined : Number(newest);
}

/**
 * Rows fit a database of the very same migrations only. The installation is never migrated by
 * the move, which leaves it as it found it: one behind this Poort is migrated by starting this
 * Poort on it once; one ahead was run by a newer Poort, which must then do the move.
 */
export async function checkSourceMigration(source: SqlSession, dataDir: string): Promise<void> {
  const entries = await journal();
  const newest = entries.at(-1) as JournalEntry;
  const applied = await newestApplied(source);
  if (applied === undefined) {
    throw new MoveRefused(
      `The embedded database in ${dataDir} was never migrated: there is nothing to move yet.`,
    );
  }
  if (applied > newest.when || !entries.some((entry) => entry.when === applied)) {
    throw new MoveRefused(
      `The installation in ${dataDir} was migrated by a newer Poort than this one (which knows up to ${newest.tag}): upgrade this Poort to that version and run the move with it.`,
    );
  }
  if (applied < newest.when) {
    const at = entries.find((entry) => entry.when === applied) as JournalEntry;
    throw new MoveRefused(
      `The installation in ${dataDir} is at migration ${at.tag}, this Poort at ${newest.tag}: start this Poort once on it (DATA_DIR=${dataDir}; it migrates at start), stop it, and run the move again.`,
    );
  }
}

/** After `migrateDatabase`, the target is at this Poort's newest migration, unless a newer Poort was there first. */
export async function checkTargetMigration(target: SqlSession): Promise<void> {
  const newest = (await journal()).at(-1) as JournalEntry;
  const applied = await newestApplied(target);
  if (applied !== newest.when) {
    throw new MoveRefused(
      `The target database was migrated by a newer Poort than this one (which knows up to ${newest.tag}): move into a new, empty database, or with that version of Poort.`,
    );
  }
}
