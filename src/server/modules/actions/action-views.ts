import type {
  ActionState,
  OfficeAction,
  PortalAction,
  UploadItem,
} from "#src/contracts/actions.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { visiblePages } from "#src/contracts/questionnaires/visibility.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { type ActionRecord, listUploadItems } from "./repository.ts";

/** Made once: a formatter with a time zone is costly to build, and every view asks for the day. */
const dutchDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" });

/** The calendar day in the Netherlands, "2026-12-06": due dates are days there. */
export function dayInTheNetherlands(at: Date): string {
  return dutchDay.format(at);
}

/**
 * Withdrawn, whatever it was (only the office sees it); else open or in progress past its due
 * date reads as overdue, the day itself not.
 */
export function stateOf(action: ActionRecord["action"], today: string): ActionState {
  if (action.withdrawnAt !== null) return "withdrawn";
  if (action.state !== "completed" && action.dueDate !== null && action.dueDate < today) {
    return "overdue";
  }
  return action.state;
}

/** The definition the action was sent with; an upload request has none. */
export function definitionOf(record: ActionRecord): QuestionnaireDefinition | undefined {
  return record.version?.definition ?? undefined;
}

/** "Pagina x van y" over the pages the client's answers show now. */
function progressOf(record: ActionRecord) {
  const definition = definitionOf(record);
  if (!definition) return null;
  const pages = visiblePages(definition, record.action.answers);
  const at = pages.findIndex((page) => page.id === record.action.currentPageId);
  const page = record.action.state === "completed" ? pages.length : Math.max(at, 0) + 1;
  return { page, pages: pages.length };
}

function titleOf(record: ActionRecord) {
  const definition = definitionOf(record);
  if (definition) return definition.title;
  const title = record.action.title ?? "";
  return { nl: title, en: title };
}

/** The items of the upload requests among the actions, by action. */
export async function uploadItemsOf(
  db: Database,
  records: readonly ActionRecord[],
): Promise<Map<string, UploadItem[]>> {
  const requests = records.filter((record) => record.action.kind === "upload-request");
  const rows = await listUploadItems(
    db,
    requests.map((record) => record.action.id),
  );
  const byAction = new Map<string, UploadItem[]>();
  for (const { item, fileName } of rows) {
    const list = byAction.get(item.actionId) ?? [];
    list.push({
      id: item.id,
      label: item.label,
      description: item.description,
      required: item.required,
      delivered:
        item.documentId && item.deliveredAt && fileName
          ? {
              documentId: item.documentId,
              fileName,
              deliveredAt: item.deliveredAt.toISOString(),
              deliveredByName: item.deliveredByName ?? "",
            }
          : null,
    });
    byAction.set(item.actionId, list);
  }
  return byAction;
}

function baseView(record: ActionRecord, items: UploadItem[], today: string) {
  const { action } = record;
  return {
    id: action.id,
    kind: action.kind,
    title: titleOf(record),
    instruction: action.instruction,
    dueDate: action.dueDate,
    state: stateOf(action, today),
    progress: progressOf(record),
    sentAt: action.sentAt.toISOString(),
    completedAt: action.completedAt?.toISOString() ?? null,
    completedByName: action.completedByName,
    documentId: action.documentId,
    items,
  };
}

export function toOfficeAction(
  record: ActionRecord,
  items: UploadItem[],
  today: string,
): OfficeAction {
  return {
    ...baseView(record, items, today),
    dossier: { id: record.dossier.id, number: record.dossier.number },
    client: record.client,
    sentByName: record.action.sentByName,
    remindedAt: record.action.remindedAt?.toISOString() ?? null,
    withdrawn: record.action.withdrawnAt
      ? { at: record.action.withdrawnAt.toISOString(), byName: record.withdrawnByName }
      : null,
    version: record.version
      ? { templateId: record.version.templateId, number: record.version.number }
      : null,
  };
}

export function toPortalAction(
  record: ActionRecord,
  items: UploadItem[],
  today: string,
): PortalAction {
  return { ...baseView(record, items, today), dossier: record.dossier };
}
