import { and, asc, desc, eq, inArray, isNull, lt, ne, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { foundIn, ofClientInVisibleDossier, ofOffice } from "#src/server/access/tenant-filters.ts";
import type { InScope, OfficeScope, TenantScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { accounts, clients } from "../accounts/schema.ts";
import { documents } from "../documents/schema.ts";
import { dossiers } from "../dossiers/schema.ts";
import { questionnaireTemplates, questionnaireVersions } from "../questionnaires/schema.ts";
import { actions, actionUploadItems } from "./schema.ts";

export type ActionRow = typeof actions.$inferSelect;
export type UploadItemRow = typeof actionUploadItems.$inferSelect;
/** An action found in the actor's scope. */
export type ActionRef = InScope<{ action: { id: string } }>;
type DossierRef = InScope<{ id: string }>;

/**
 * Who sees an action: the office all of its own, withdrawn ones too; a client the actions sent
 * to it (a company's accounts share them), in dossiers still shared with it, unless the office
 * withdrew them.
 */
const visibleTo = (scope: TenantScope): SQL => {
  const tenant = ofClientInVisibleDossier(scope, {
    officeId: actions.officeId,
    dossierId: actions.dossierId,
    clientId: actions.clientId,
  });
  if (scope.kind === "office") return tenant;
  return and(tenant, isNull(actions.withdrawnAt)) as SQL;
};

const withdrawnBy = alias(accounts, "withdrawn_by");

/** An action with what every view of it shows: its dossier, its client and its questionnaire. */
const actionColumns = {
  action: actions,
  dossier: { id: dossiers.id, number: dossiers.number, description: dossiers.description },
  client: { id: clients.id, name: clients.name },
  version: {
    templateId: questionnaireVersions.templateId,
    number: questionnaireVersions.version,
    definition: questionnaireVersions.definition,
  },
  /** Who withdrew the action (the office's view), while the account exists. */
  withdrawnByName: withdrawnBy.name,
};

function selectActions(db: Database) {
  return db
    .select(actionColumns)
    .from(actions)
    .innerJoin(dossiers, eq(dossiers.id, actions.dossierId))
    .innerJoin(clients, eq(clients.id, actions.clientId))
    .leftJoin(questionnaireVersions, eq(questionnaireVersions.id, actions.questionnaireVersionId))
    .leftJoin(withdrawnBy, eq(withdrawnBy.id, actions.withdrawnByAccountId));
}

export type ActionRecord = NonNullable<Awaited<ReturnType<typeof findAction>>>;

const newestFirst = [desc(actions.sentAt), desc(actions.id)] as const;

export async function findAction(db: Database, scope: TenantScope, actionId: string) {
  const [row] = await selectActions(db)
    .where(and(eq(actions.id, actionId), visibleTo(scope)))
    .limit(1);
  return row ? foundIn([row])[0] : undefined;
}

/**
 * The action locked for a change (saving a page, delivering a file, completing, withdrawing), as
 * it stands once locked: the caller checks that it still may (not completed, not withdrawn).
 */
export async function lockAction(db: Database, action: ActionRef): Promise<ActionRow> {
  const [row] = await db
    .select()
    .from(actions)
    .where(eq(actions.id, action.action.id))
    .for("update");
  if (!row) throw new Error("an action found in scope has gone");
  return row;
}

export function listDossierActions(db: Database, dossier: DossierRef) {
  return selectActions(db)
    .where(eq(actions.dossierId, dossier.id))
    .orderBy(...newestFirst)
    .then(foundIn);
}

/** A client's actions over all its dossiers: open ones first, by due date, then the rest. */
export function listClientActions(db: Database, scope: TenantScope) {
  return selectActions(db)
    .where(visibleTo(scope))
    .orderBy(
      sql`${actions.state} = 'completed'`,
      sql`${actions.dueDate} asc nulls last`,
      ...newestFirst,
    )
    .then(foundIn);
}

/** Home's Acties tile: what the client still has to do. */
export async function countOpenActions(db: Database, scope: TenantScope): Promise<number> {
  const [row] = await db
    .select({ open: sql<number>`count(*)::int` })
    .from(actions)
    .where(and(visibleTo(scope), ne(actions.state, "completed")));
  return row?.open ?? 0;
}

/** The newest version of one of the office's own templates that is not archived. */
export async function findSendableVersion(db: Database, scope: OfficeScope, templateId: string) {
  const [row] = await db
    .select({ id: questionnaireVersions.id, definition: questionnaireVersions.definition })
    .from(questionnaireVersions)
    .innerJoin(
      questionnaireTemplates,
      eq(questionnaireTemplates.id, questionnaireVersions.templateId),
    )
    .where(
      and(
        eq(questionnaireTemplates.id, templateId),
        ofOffice(scope, questionnaireTemplates.officeId),
        isNull(questionnaireTemplates.archivedAt),
      ),
    )
    .orderBy(desc(questionnaireVersions.version))
    .limit(1);
  return row ? foundIn([row])[0] : undefined;
}

export async function insertAction(db: Database, values: typeof actions.$inferInsert) {
  const [row] = await db.insert(actions).values(values).returning({ id: actions.id });
  if (!row) throw new Error("inserting an action returned no row");
  return foundIn([{ action: row }])[0] as ActionRef;
}

export async function insertUploadItems(
  db: Database,
  action: ActionRef,
  items: readonly { label: string; description?: string | undefined; required: boolean }[],
): Promise<void> {
  await db.insert(actionUploadItems).values(
    items.map((item, position) => ({
      actionId: action.action.id,
      position,
      label: item.label,
      description: item.description || null,
      required: item.required,
    })),
  );
}

export async function updateAction(
  db: Database,
  action: ActionRef,
  values: Partial<typeof actions.$inferInsert>,
): Promise<void> {
  await db.update(actions).set(values).where(eq(actions.id, action.action.id));
}

/** The items of the upload requests among these actions, with their delivered files. */
export async function listUploadItems(db: Database, actionIds: readonly string[]) {
  if (actionIds.length === 0) return [];
  return db
    .select({ item: actionUploadItems, fileName: documents.fileName })
    .from(actionUploadItems)
    .leftJoin(documents, eq(documents.id, actionUploadItems.documentId))
    .where(inArray(actionUploadItems.actionId, [...actionIds]))
    .orderBy(asc(actionUploadItems.actionId), asc(actionUploadItems.position));
}

export async function lockUploadItems(db: Database, action: ActionRef): Promise<UploadItemRow[]> {
  return db
    .select()
    .from(actionUploadItems)
    .where(eq(actionUploadItems.actionId, action.action.id))
    .orderBy(asc(actionUploadItems.position))
    .for("update");
}

export async function updateUploadItem(
  db: Database,
  itemId: string,
  values: Partial<typeof actionUploadItems.$inferInsert>,
): Promise<void> {
  await db.update(actionUploadItems).set(values).where(eq(actionUploadItems.id, itemId));
}

/**
 * Actions past their due date that have not had their one automatic reminder, over every
 * office, leaving out those withdrawn: the daily round's work list. Unscoped: the job is the
 * system's, and each action is told only to its own client.
 */
export function unscopedListOverdueActions(db: Database, today: string, limit: number) {
  return db
    .select({
      action: {
        id: actions.id,
        officeId: actions.officeId,
        dossierId: actions.dossierId,
        clientId: actions.clientId,
      },
    })
    .from(actions)
    .where(
      and(
        ne(actions.state, "completed"),
        isNull(actions.overdueRemindedAt),
        isNull(actions.withdrawnAt),
        lt(actions.dueDate, today),
      ),
    )
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .limit(limit)
    .for("update", { skipLocked: true })
    .then(foundIn);
}
