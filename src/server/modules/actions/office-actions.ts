import type { OfficeAction, SendAction } from "#src/contracts/actions.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor, type StaffActor } from "../accounts/request-actors.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { officeDossierListItems, requireDossier } from "../dossiers/service.ts";
import { notifyDossierClients } from "../notifications/service.ts";
import {
  dayInTheNetherlands,
  definitionOf,
  toOfficeAction,
  uploadItemsOf,
} from "./action-views.ts";
import {
  type ActionRecord,
  findAction,
  findSendableVersion,
  insertAction,
  insertUploadItems,
  listDossierActions,
  lockAction,
  updateAction,
} from "./repository.ts";

/**
 * The office's side of actions (issue 13, ADR 0014): sending a questionnaire or an upload
 * request to clients of a dossier, following each up, reading the answers, reminding, and
 * withdrawing one sent in error. Every staff role may do this in the office's dossiers.
 */

type Deps = Pick<DocumentsDeps, "db" | "clock">;

async function officeViews(deps: Deps, records: ActionRecord[]): Promise<OfficeAction[]> {
  const items = await uploadItemsOf(deps.db, records);
  const today = dayInTheNetherlands(deps.clock.now());
  return records.map((record) => toOfficeAction(record, items.get(record.action.id) ?? [], today));
}

export async function requireOfficeAction(db: Database, staff: StaffActor, actionId: string) {
  const found = await findAction(db, staff.scope, actionId);
  if (!found) throw new AppError("not_found");
  return found;
}

export async function officeDossierActions(deps: Deps, staff: StaffActor, dossierId: string) {
  const dossier = await requireDossier(deps.db, staff.scope, dossierId);
  return officeViews(deps, await listDossierActions(deps.db, dossier));
}

export async function officeAction(deps: Deps, staff: StaffActor, actionId: string) {
  const [view] = await officeViews(deps, [await requireOfficeAction(deps.db, staff, actionId)]);
  return view as OfficeAction;
}

/** A 400 naming each listed client that is not a client of the dossier. */
function notClientsOfDossier(clientIds: readonly string[], known: ReadonlySet<string>) {
  return new AppError(
    "unknown_reference",
    clientIds.flatMap((id, index) =>
      known.has(id)
        ? []
        : [
            {
              path: `body.clientIds.${index}`,
              code: "unknown",
              message: "not a client of the dossier",
            },
          ],
    ),
  );
}

/**
 * "Actie versturen": one action per chosen client of the dossier, in one transaction with its
 * audit event and the client's notice (kind "questionnaires" of Mijn gegevens). A questionnaire
 * goes out as the template's newest version, which it keeps.
 */
export async function sendActions(
  deps: Deps,
  staff: StaffActor,
  dossierId: string,
  input: SendAction,
): Promise<OfficeAction[]> {
  if (input.dueDate && input.dueDate < dayInTheNetherlands(deps.clock.now())) {
    throw new AppError("validation_failed", [
      { path: "body.dueDate", code: "in_past", message: "the due date has passed" },
    ]);
  }
  const sent = await deps.db.transaction(async (tx) => {
    const dossier = await requireDossier(tx, staff.scope, dossierId);
    const [listed] = await officeDossierListItems(tx, [dossier]);
    const known = new Set(listed?.clients.map((client) => client.id));
    const clientIds = [...new Set(input.clientIds)];
    if (!clientIds.every((id) => known.has(id))) throw notClientsOfDossier(input.clientIds, known);
    const version =
      input.kind === "questionnaire"
        ? await findSendableVersion(tx, staff.scope, input.templateId)
        : undefined;
    if (input.kind === "questionnaire" && !version) {
      throw new AppError("unknown_reference", [
        { path: "body.templateId", code: "unknown", message: "no such questionnaire" },
      ]);
    }
    const now = deps.clock.now();
    const ids: string[] = [];
    for (const clientId of clientIds) {
      const action = await insertAction(tx, {
        officeId: staff.scope.officeId,
        dossierId: dossier.id,
        clientId,
        kind: input.kind,
        questionnaireVersionId: version?.id ?? null,
        title: input.kind === "upload-request" ? input.title : null,
        instruction: input.instruction || null,
        dueDate: input.dueDate ?? null,
        state: "open",
        currentPageId: version?.definition.pages[0]?.id ?? null,
        sentAt: now,
        sentByAccountId: staff.account.id,
        sentByName: staff.account.name,
      });
      if (input.kind === "upload-request") await insertUploadItems(tx, action, input.items);
      await recordAuditEvent(tx, deps.clock, {
        actor: auditActor(staff.account),
        action: "action.sent",
        subject: { type: "action", id: action.action.id },
        details: { dossierId: dossier.id, clientId, kind: input.kind, versionId: version?.id },
        officeId: staff.officeId,
      });
      await notifyDossierClients(tx, deps.clock, {
        dossierId: dossier.id,
        kind: "questionnaires",
        clientId,
      });
      ids.push(action.action.id);
    }
    return ids;
  });
  const records = await Promise.all(sent.map((id) => requireOfficeAction(deps.db, staff, id)));
  return officeViews(deps, records);
}

/**
 * "Herinnering sturen": the client gets the bundled notice again (never what is asked), unless
 * the action is done or withdrawn. Recorded on the action and in the audit log.
 */
export async function remindAction(
  deps: Deps,
  staff: StaffActor,
  actionId: string,
): Promise<OfficeAction> {
  await deps.db.transaction(async (tx) => {
    const found = await requireOfficeAction(tx, staff, actionId);
    if (found.action.state === "completed" || found.action.withdrawnAt) {
      throw new AppError("conflict");
    }
    await updateAction(tx, found, { remindedAt: deps.clock.now() });
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: "action.reminded",
      subject: { type: "action", id: actionId },
      officeId: staff.officeId,
      details: { dossierId: found.action.dossierId, clientId: found.action.clientId },
    });
    await notifyDossierClients(tx, deps.clock, {
      dossierId: found.action.dossierId,
      kind: "questionnaires",
      clientId: found.action.clientId,
    });
  });
  return officeAction(deps, staff, actionId);
}

/**
 * "Actie intrekken": an action sent in error is taken back. The client no longer sees it
 * anywhere (nor is reminded of it); the office still does, as withdrawn, with what was filled in.
 * Files already delivered stay in the dossier: they are the client's documents. Not once
 * completed; withdrawing again changes nothing. The audit event keeps what was withdrawn and how
 * far the client had come.
 */
export async function withdrawAction(
  deps: Deps,
  staff: StaffActor,
  actionId: string,
): Promise<OfficeAction> {
  await deps.db.transaction(async (tx) => {
    const found = await requireOfficeAction(tx, staff, actionId);
    // Locked, and read as it stands then: a client saving or completing at once goes first or
    // finds it withdrawn.
    const row = await lockAction(tx, found);
    if (row.state === "completed") throw new AppError("action_completed");
    if (row.withdrawnAt) return;
    const [before] = await officeViews({ ...deps, db: tx }, [{ ...found, action: row }]);
    await updateAction(tx, found, {
      withdrawnAt: deps.clock.now(),
      withdrawnByAccountId: staff.account.id,
    });
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: "action.withdrawn",
      subject: { type: "action", id: actionId },
      officeId: staff.officeId,
      details: {
        dossierId: row.dossierId,
        clientId: row.clientId,
        kind: row.kind,
        title: before?.title,
        versionId: row.questionnaireVersionId ?? undefined,
        sentAt: row.sentAt.toISOString(),
        dueDate: row.dueDate ?? undefined,
        state: row.state,
        // A questionnaire's page of its pages; an upload request's items delivered.
        progress: before?.progress ?? undefined,
        items:
          row.kind === "upload-request" && before
            ? {
                delivered: before.items.filter((item) => item.delivered).length,
                total: before.items.length,
              }
            : undefined,
      },
    });
  });
  return officeAction(deps, staff, actionId);
}

/** A questionnaire's answers as sent and given, for the office to read or export. */
export async function officeActionAnswers(deps: Deps, staff: StaffActor, actionId: string) {
  const found = await requireOfficeAction(deps.db, staff, actionId);
  const definition = definitionOf(found);
  if (!definition) throw new AppError("not_found");
  const [action] = await officeViews(deps, [found]);
  return {
    action: action as OfficeAction,
    definition,
    answers: found.action.answers,
    authors: Object.fromEntries(
      Object.entries(found.action.answerAuthors).map(([id, author]) => [
        id,
        { name: author.name, at: author.at },
      ]),
    ),
  };
}
