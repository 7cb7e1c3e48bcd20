import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "#src/server/platform/db/database.ts";
import { migrateDatabase } from "#src/server/platform/db/migrate.ts";
import { databaseUrlFor, withAdminClient } from "./postgres-admin.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data folder (tarball) that each test file starts from. */
    pgliteSnapshotPath: string;
    /** On PostgreSQL runs: a migrated database that each test file copies. */
    postgresTemplate: string | undefined;
  }
}

/**
 * Migrates one golden database per run; test files copy it instead of migrating their own:
 * a PGlite data-folder snapshot, and a template database when DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const golden = await openDatabase({});
  await migrateDatabase(golden);
  if (golden.kind !== "pglite") throw new Error("expected PGlite");
  const snapshot = await golden.client.dumpDataDir("none");
  await golden.close();
  const snapshotPath = path.join(os.tmpdir(), `poort-golden-${process.pid}.tar`);
  await writeFile(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  project.provide("pgliteSnapshotPath", snapshotPath);

  // Every run writes its own 40 MB snapshot: without this it would stay in /tmp for good.
  const removeSnapshot = () => rm(snapshotPath, { force: true });

  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    project.provide("postgresTemplate", undefined);
    return removeSnapshot;
  }
  const template = `poort_template_${process.pid}`;
  await withAdminClient(databaseUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
  });
  const templateDb = await openDatabase({ databaseUrl: databaseUrlFor(databaseUrl, template) });
  await migrateDatabase(templateDb);
  await templateDb.close();
  project.provide("postgresTemplate", template);
  return async () => {
    await removeSnapshot();
    await withAdminClient(databaseUrl, (admin) =>
      admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`),
    );
  };
}
