import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officeScope } from "#src/server/access/tenant-scope.ts";
import { type DatabaseBeforeMigration, databaseBefore } from "#test/support/migration-database.ts";
import { testDatabaseKinds } from "#test/support/test-database.ts";
import { searchOfficeDossiers } from "./repository.ts";

const OFFICE = "00000000-0000-4000-8000-0000000000a1";

/**
 * Migrations 0019 to 0022 on a database that already holds dossiers: the extensions are
 * created (PGlite loads their libraries), the search text is filled in for the rows of before
 * and indexed, and the search finds those rows.
 */
describe.each(testDatabaseKinds)("the staff search's indexes migration on %s", (kind) => {
  let database: DatabaseBeforeMigration;

  beforeAll(async () => {
    database = await databaseBefore(kind, 19);
  });
  afterAll(() => database.close());

  it("indexes the dossiers and clients of before, which the search then finds", async () => {
    const { db } = database.handle;
    for (const statement of [
      sql`insert into offices (id, name, debtor_number, email, created_at) values
        (${OFFICE}, 'Kantoor Amstel', '300001', 'info@amstel.nl', '2026-01-01T10:00:00Z')`,
      sql`insert into clients (id, office_id, kind, name, created_at) values
        ('00000000-0000-4000-8000-0000000000c1', ${OFFICE}, 'person', 'Jan de Vries', '2026-01-02T10:00:00Z')`,
      sql`insert into dossiers (id, office_id, number, description, status, created_at, updated_at) values
        ('00000000-0000-4000-8000-0000000000d1', ${OFFICE}, '2026.0142', 'Levering Kerkstraat 12', 'in-progress', '2026-01-03T10:00:00Z', '2026-01-03T10:00:00Z'),
        ('00000000-0000-4000-8000-0000000000d2', ${OFFICE}, '2026.0143', 'Testament', 'in-progress', '2026-01-04T10:00:00Z', '2026-01-04T10:00:00Z')`,
      sql`insert into dossier_clients (dossier_id, client_id) values
        ('00000000-0000-4000-8000-0000000000d2', '00000000-0000-4000-8000-0000000000c1')`,
    ]) {
      await db.execute(statement);
    }

    await database.migrateToNewest();

    const indexes = await database.rows(sql`
      select indexname from pg_indexes where indexdef like '%gin_trgm_ops%' order by indexname`);
    expect(indexes.map((row) => row.indexname)).toEqual(["dossiers_office_search_trgm_idx"]);
    const found = async (q: string) => {
      const { rows, total } = await searchOfficeDossiers(db, officeScope(OFFICE), {
        q,
        page: 1,
        pageSize: 25,
      });
      return { numbers: rows.map((row) => row.number), total };
    };
    expect(await found("kerkstraat")).toEqual({ numbers: ["2026.0142"], total: 1 });
    expect(await found("0143")).toEqual({ numbers: ["2026.0143"], total: 1 });
    expect(await found("VRIES")).toEqual({ numbers: ["2026.0143"], total: 1 });

    // A client's new name (which only the database itself can change today) is found at once.
    await db.execute(
      sql`update clients set name = 'Jan de Vries-Bakker' where id = '00000000-0000-4000-8000-0000000000c1'`,
    );
    expect(await found("bakker")).toEqual({ numbers: ["2026.0143"], total: 1 });
  });
});
