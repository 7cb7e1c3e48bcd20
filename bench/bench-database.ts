import { databaseUrlFor, withAdminClient } from "#test/support/postgres-admin.ts";

/**
 * A new, empty database `name` on the server of `serverUrl`, never the one configured: whatever
 * a run before left under that name is dropped first. Answers its URL.
 */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  await withAdminClient(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  return databaseUrlFor(serverUrl, name);
}
