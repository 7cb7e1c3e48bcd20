import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { foundIn, ofOfficeOrShared } from "#src/server/access/tenant-filters.ts";
import type { InScope, OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { questionnaireTemplates, questionnaireVersions } from "./schema.ts";

export type TemplateRow = typeof questionnaireTemplates.$inferSelect;
export type VersionRow = typeof questionnaireVersions.$inferSelect;

/** A template found in the actor's scope: the office's own, or one of the starter library's. */
export type TemplateRef = InScope<{ id: string }>;

/** Which templates a list shows: without the archived ones, with them, or only them. */
export type ArchivedFilter = "exclude" | "include" | "only";

/** The newest version of the template in the row: the one with the highest number. */
const isNewestVersion = sql`${questionnaireVersions.version} = (
  select max(v.version) from questionnaire_versions v
  where v.template_id = ${questionnaireTemplates.id})`;

const archivedCondition: Record<ArchivedFilter, SQL | undefined> = {
  exclude: isNull(questionnaireTemplates.archivedAt),
  include: undefined,
  only: isNotNull(questionnaireTemplates.archivedAt),
};

/**
 * The office's templates and the starter library's, each with its newest version: the
 * office's own first, then by Dutch title.
 */
export async function listTemplates(db: Database, scope: OfficeScope, archived: ArchivedFilter) {
  const rows = await db
    .select({ template: questionnaireTemplates, newest: questionnaireVersions })
    .from(questionnaireTemplates)
    .innerJoin(
      questionnaireVersions,
      and(eq(questionnaireVersions.templateId, questionnaireTemplates.id), isNewestVersion),
    )
    .where(
      and(ofOfficeOrShared(scope, questionnaireTemplates.officeId), archivedCondition[archived]),
    )
    .orderBy(
      sql`${questionnaireTemplates.officeId} is null`,
      sql`lower(${questionnaireVersions.definition}->'title'->>'nl')`,
      asc(questionnaireTemplates.createdAt),
    );
  return foundIn(rows.map((row) => ({ ...row, id: row.template.id })));
}

/**
 * The office's own template or the library's; with `lock`, its row stays locked until the
 * transaction ends, so changes to one template (a new version number) follow each other.
 */
export async function findTemplate(
  db: Database,
  scope: OfficeScope,
  templateId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(questionnaireTemplates)
    .where(
      and(
        eq(questionnaireTemplates.id, templateId),
        ofOfficeOrShared(scope, questionnaireTemplates.officeId),
      ),
    );
  const rows = options.lock ? await query.for("update") : await query;
  return foundIn(rows)[0];
}

/** The template's newest version (every template has one from the start). */
export async function newestVersion(db: Database, template: TemplateRef): Promise<VersionRow> {
  const [row] = await db
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.templateId, template.id))
    .orderBy(desc(questionnaireVersions.version))
    .limit(1);
  if (!row) throw new Error(`questionnaire template ${template.id} has no version`);
  return row;
}

/** When and by whom each version was saved, newest first (without the definitions). */
export function listVersions(db: Database, template: TemplateRef) {
  return db
    .select({
      version: questionnaireVersions.version,
      createdAt: questionnaireVersions.createdAt,
      createdByName: questionnaireVersions.createdByName,
    })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.templateId, template.id))
    .orderBy(desc(questionnaireVersions.version));
}

export async function findVersion(
  db: Database,
  template: TemplateRef,
  version: number,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(questionnaireVersions)
    .where(
      and(
        eq(questionnaireVersions.templateId, template.id),
        eq(questionnaireVersions.version, version),
      ),
    );
  return row;
}

/** A new template of the office, still without a version. */
export async function insertOfficeTemplate(
  db: Database,
  scope: OfficeScope,
  values: { createdAt: Date; copiedFromTemplateId?: string },
) {
  const [row] = await db
    .insert(questionnaireTemplates)
    .values({ officeId: scope.officeId, ...values })
    .returning();
  if (!row) throw new Error("inserting a questionnaire template returned no row");
  return foundIn([row])[0] as InScope<TemplateRow>;
}

export async function insertVersion(
  db: Database,
  template: TemplateRef,
  values: {
    version: number;
    definition: QuestionnaireDefinition;
    createdAt: Date;
    createdByAccountId: string | null;
    createdByName: string | null;
  },
): Promise<VersionRow> {
  const [row] = await db
    .insert(questionnaireVersions)
    .values({ templateId: template.id, ...values })
    .returning();
  if (!row) throw new Error("inserting a questionnaire version returned no row");
  return row;
}

export async function setTemplateArchivedAt(
  db: Database,
  template: TemplateRef,
  archivedAt: Date | null,
): Promise<void> {
  await db
    .update(questionnaireTemplates)
    .set({ archivedAt })
    .where(eq(questionnaireTemplates.id, template.id));
}

// ── The starter library ────────────────────────────────────────────────────────────────
// Its templates belong to no office: every office's scope sees them (`ofOfficeOrShared`), so
// what these find is in scope for all. Only the seed writes them.

/** The library's template by its key, locked until the transaction ends. */
export async function lockLibraryTemplate(db: Database, libraryKey: string) {
  const rows = await db
    .select()
    .from(questionnaireTemplates)
    .where(
      and(
        eq(questionnaireTemplates.libraryKey, libraryKey),
        isNull(questionnaireTemplates.officeId),
      ),
    )
    .for("update");
  return foundIn(rows)[0];
}

/** A new library template, or nothing when another seed added one with this key meanwhile. */
export async function insertLibraryTemplate(db: Database, libraryKey: string, createdAt: Date) {
  const rows = await db
    .insert(questionnaireTemplates)
    .values({ officeId: null, libraryKey, createdAt })
    .onConflictDoNothing({ target: questionnaireTemplates.libraryKey })
    .returning();
  return foundIn(rows)[0];
}
