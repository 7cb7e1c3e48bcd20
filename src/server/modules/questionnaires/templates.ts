import type {
  QuestionnaireTemplate,
  QuestionnaireTemplateListItem,
  QuestionnaireTemplateQuery,
  QuestionnaireVersion,
} from "#src/contracts/questionnaire-templates.ts";
import {
  type QuestionnaireDefinition,
  questionnaireDefinitionSchema,
} from "#src/contracts/questionnaires/definition.ts";
import type { InScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor, type StaffActor } from "../accounts/request-actors.ts";
import {
  findTemplate,
  findVersion,
  insertLibraryTemplate,
  insertOfficeTemplate,
  insertVersion,
  listTemplates,
  listVersions,
  lockLibraryTemplate,
  newestVersion,
  setTemplateArchivedAt,
  type TemplateRow,
  type VersionRow,
} from "./repository.ts";

/**
 * The office's questionnaire templates (issue 13): built in the back office, versioned, copied
 * from the starter library or from each other, archived. Every staff member reads them; the
 * routes let only the office's admins change them. The starter library's templates are every
 * office's to read and copy, and no office's to change.
 *
 * A template's definition lives in its versions: saving a change adds a version (when the
 * definition differs from the newest), and a version is never changed, so a questionnaire sent
 * with it stays as the client saw it.
 */

export interface QuestionnairesDeps {
  db: Database;
  clock: Clock;
}

const auditSubject = (template: { id: string }) => ({
  type: "questionnaire-template",
  id: template.id,
});

/** Questions, a repeating group's each counted once. */
function questionCount(definition: QuestionnaireDefinition): number {
  return definition.pages
    .flatMap((page) => page.items)
    .reduce((total, item) => total + (item.kind === "group" ? item.questions.length : 1), 0);
}

function toListItem(template: TemplateRow, newest: VersionRow): QuestionnaireTemplateListItem {
  const { definition } = newest;
  return {
    id: template.id,
    title: definition.title,
    version: newest.version,
    pageCount: definition.pages.length,
    questionCount: questionCount(definition),
    updatedAt: newest.createdAt.toISOString(),
    library: template.officeId === null,
    ...(template.libraryKey ? { libraryKey: template.libraryKey } : {}),
    archived: template.archivedAt !== null,
  };
}

async function viewOf(
  db: Database,
  template: InScope<TemplateRow>,
): Promise<QuestionnaireTemplate> {
  const newest = await newestVersion(db, template);
  const versions = await listVersions(db, template);
  return {
    ...toListItem(template, newest),
    definition: newest.definition,
    versions: versions.map((version) => ({
      version: version.version,
      createdAt: version.createdAt.toISOString(),
      createdByName: version.createdByName,
    })),
    copiedFromTemplateId: template.copiedFromTemplateId,
  };
}

/** The office's template or the library's; not found for any other (another office's). */
async function requireTemplate(
  db: Database,
  staff: StaffActor,
  templateId: string,
  options: { lock?: boolean } = {},
): Promise<InScope<TemplateRow>> {
  const found = await findTemplate(db, staff.scope, templateId, options);
  if (!found) throw new AppError("not_found");
  return found;
}

/** The office's own template, to change: the library's are read-only for every office. */
async function requireOwnTemplate(db: Database, staff: StaffActor, templateId: string) {
  const found = await requireTemplate(db, staff, templateId, { lock: true });
  if (found.officeId === null) throw new AppError("forbidden");
  return found;
}

/** Whether two definitions say the same, whatever the order of their keys (jsonb sorts them). */
export function sameDefinition(a: QuestionnaireDefinition, b: QuestionnaireDefinition): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, part: unknown) =>
    part && typeof part === "object" && !Array.isArray(part)
      ? Object.fromEntries(Object.entries(part).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : part,
  );
}

// ── Reading ───────────────────────────────────────────────────────────────────────────

/** The office's templates (not archived ones unless asked), then the starter library's. */
export async function listQuestionnaireTemplates(
  db: Database,
  staff: StaffActor,
  query: QuestionnaireTemplateQuery,
): Promise<QuestionnaireTemplateListItem[]> {
  const rows = await listTemplates(db, staff.scope, query.archived ?? "exclude");
  return rows.map((row) => toListItem(row.template, row.newest));
}

/** One template with its newest definition and its versions. */
export async function questionnaireTemplate(
  db: Database,
  staff: StaffActor,
  templateId: string,
): Promise<QuestionnaireTemplate> {
  return viewOf(db, await requireTemplate(db, staff, templateId));
}

/** One version of a template, as it was saved. */
export async function questionnaireTemplateVersion(
  db: Database,
  staff: StaffActor,
  templateId: string,
  version: number,
): Promise<QuestionnaireVersion> {
  const template = await requireTemplate(db, staff, templateId);
  const found = await findVersion(db, template, version);
  if (!found) throw new AppError("not_found");
  return {
    templateId: template.id,
    version: found.version,
    createdAt: found.createdAt.toISOString(),
    createdByName: found.createdByName,
    definition: found.definition,
  };
}

// ── Changing (the routes allow it the office's admins) ─────────────────────────────────

/** A new template of the office, version 1 of the definition. */
export async function createQuestionnaireTemplate(
  deps: QuestionnairesDeps,
  staff: StaffActor,
  definition: QuestionnaireDefinition,
): Promise<QuestionnaireTemplate> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const template = await insertOfficeTemplate(tx, staff.scope, { createdAt: now });
    await insertVersion(tx, template, versionBy(staff, 1, definition, now));
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: "questionnaire-template.created",
      subject: auditSubject(template),
      details: { title: definition.title.nl, version: 1 },
    });
    return viewOf(tx, template);
  });
}

/**
 * Saves the builder's whole definition: a new version when it differs from the newest, nothing
 * when it does not. The versions before stay as they were.
 */
export async function saveQuestionnaireTemplate(
  deps: QuestionnairesDeps,
  staff: StaffActor,
  templateId: string,
  definition: QuestionnaireDefinition,
): Promise<QuestionnaireTemplate> {
  return deps.db.transaction(async (tx) => {
    const template = await requireOwnTemplate(tx, staff, templateId);
    const newest = await newestVersion(tx, template);
    if (sameDefinition(newest.definition, definition)) return viewOf(tx, template);
    const version = newest.version + 1;
    await insertVersion(tx, template, versionBy(staff, version, definition, deps.clock.now()));
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: "questionnaire-template.changed",
      subject: auditSubject(template),
      details: { title: definition.title.nl, version },
    });
    return viewOf(tx, template);
  });
}

/**
 * A new template of the office from the newest version of one it sees (the library's or its
 * own, archived ones too): version 1, remembering where it came from.
 */
export async function copyQuestionnaireTemplate(
  deps: QuestionnairesDeps,
  staff: StaffActor,
  templateId: string,
): Promise<QuestionnaireTemplate> {
  return deps.db.transaction(async (tx) => {
    const source = await requireTemplate(tx, staff, templateId);
    const { definition, version } = await newestVersion(tx, source);
    const now = deps.clock.now();
    const copy = await insertOfficeTemplate(tx, staff.scope, {
      createdAt: now,
      copiedFromTemplateId: source.id,
    });
    await insertVersion(tx, copy, versionBy(staff, 1, definition, now));
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: "questionnaire-template.copied",
      subject: auditSubject(copy),
      details: {
        title: definition.title.nl,
        copiedFromTemplateId: source.id,
        copiedFromVersion: version,
        ...(source.libraryKey ? { libraryKey: source.libraryKey } : {}),
      },
    });
    return viewOf(tx, copy);
  });
}

/**
 * Archives the office's template (out of the list to send from; what was sent keeps its
 * version), or takes it back. Asking for the state it has changes nothing.
 */
export async function setQuestionnaireTemplateArchived(
  deps: QuestionnairesDeps,
  staff: StaffActor,
  templateId: string,
  archived: boolean,
): Promise<QuestionnaireTemplate> {
  return deps.db.transaction(async (tx) => {
    const template = await requireOwnTemplate(tx, staff, templateId);
    if ((template.archivedAt !== null) === archived) return viewOf(tx, template);
    const archivedAt = archived ? deps.clock.now() : null;
    await setTemplateArchivedAt(tx, template, archivedAt);
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: archived ? "questionnaire-template.archived" : "questionnaire-template.unarchived",
      subject: auditSubject(template),
    });
    return viewOf(tx, { ...template, archivedAt });
  });
}

function versionBy(
  staff: StaffActor,
  version: number,
  definition: QuestionnaireDefinition,
  createdAt: Date,
) {
  return {
    version,
    definition,
    createdAt,
    createdByAccountId: staff.account.id,
    createdByName: staff.account.name,
  };
}

// ── The starter library (the demo data and deployments seed it) ────────────────────────

export interface LibraryEntry {
  /** The library's own, stable name for the template, e.g. "will-intake". */
  key: string;
  definition: QuestionnaireDefinition;
}

/**
 * Puts the starter library in the database: a template per key, version 1 of its definition;
 * a key already there gets a new version only when its definition changed. Running it again
 * changes nothing. Each definition must pass the schema, as the builder's do.
 */
export async function seedStarterLibrary(
  db: Database,
  clock: Clock,
  library: readonly LibraryEntry[],
): Promise<void> {
  for (const entry of library) {
    const definition = questionnaireDefinitionSchema.parse(entry.definition);
    await db.transaction(async (tx) => {
      const now = clock.now();
      const existing = await lockLibraryTemplate(tx, entry.key);
      // Another seed may add the key meanwhile: the insert then waits for it and adds nothing.
      const added = existing ? undefined : await insertLibraryTemplate(tx, entry.key, now);
      const template = existing ?? added ?? (await lockLibraryTemplate(tx, entry.key));
      if (!template)
        throw new Error(`library template ${entry.key} can be neither found nor added`);
      const newest = added ? undefined : await newestVersion(tx, template);
      if (newest && sameDefinition(newest.definition, definition)) return;
      const version = (newest?.version ?? 0) + 1;
      await insertVersion(tx, template, {
        version,
        definition,
        createdAt: now,
        createdByAccountId: null,
        createdByName: null,
      });
      await recordAuditEvent(tx, clock, {
        actor: { type: "system" },
        action: "questionnaire-template.library-seeded",
        subject: auditSubject(template),
        details: { libraryKey: entry.key, version },
      });
    });
  }
}
