import type {
  DossierOptions,
  OfficeDossierListItem,
  PortalDossierListItem,
  Progress,
  ProgressTemplateKey,
  ReplaceProgress,
} from "#src/contracts/dossiers.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { ClientActor, StaffActor } from "../accounts/request-actors.ts";
import { isBuiltInStatus, statusOf, storedStatus } from "./dossier-status.ts";
import { progressTemplateSteps, progressTemplates } from "./progress-templates.ts";
import {
  countClientDossiersByStatus,
  countProgress,
  type DossierFilter,
  type DossierView,
  filterOfficeClients,
  findClientDossier,
  findOfficeDossier,
  insertDossier,
  insertOfficeStatus,
  isDossierNumberTaken,
  listClientDossiers,
  listDossierClients,
  listOfficeClients,
  listOfficeHandlers,
  listOfficeStatuses,
  listProgressSteps,
  type OfficeDossierFilter,
  replaceDossierClients,
  replaceProgressSteps,
  searchOfficeDossiers,
  updateDossierRow,
} from "./repository.ts";

export interface DossiersDeps {
  db: Database;
  clock: Clock;
}

export interface DossierFields {
  number: string;
  description: string;
  status: string;
  handlerId: string | null;
  clientIds: string[];
}

const staffActor = (staff: StaffActor) => ({ type: "staff" as const, id: staff.account.id });

/** Refuses a status, handler or client that is not the office's own. */
async function checkReferences(
  db: Database,
  officeId: string,
  fields: Partial<DossierFields>,
): Promise<void> {
  const wrong = (path: string) =>
    new AppError("unknown_reference", [{ path, code: "unknown", message: `unknown ${path}` }]);
  if (fields.status !== undefined && !isBuiltInStatus(fields.status)) {
    const statuses = await listOfficeStatuses(db, officeId);
    if (!statuses.some((status) => status.id === fields.status)) throw wrong("status");
  }
  if (fields.handlerId) {
    const handlers = await listOfficeHandlers(db, officeId);
    if (!handlers.some((handler) => handler.id === fields.handlerId)) throw wrong("handlerId");
  }
  if (fields.clientIds) {
    const unique = [...new Set(fields.clientIds)];
    const known = await filterOfficeClients(db, officeId, unique);
    if (known.length !== unique.length) throw wrong("clientIds");
  }
}

export async function createDossier(
  deps: DossiersDeps,
  staff: StaffActor,
  input: DossierFields & { template?: ProgressTemplateKey | undefined },
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    await checkReferences(tx, staff.officeId, input);
    const now = deps.clock.now();
    const created = await insertDossier(tx, {
      officeId: staff.officeId,
      number: input.number,
      description: input.description,
      ...storedStatus(input.status),
      handlerId: input.handlerId,
      createdAt: now,
      updatedAt: now,
    });
    if (!created) throw new AppError("dossier_number_taken");
    await replaceDossierClients(tx, created.id, [...new Set(input.clientIds)]);
    if (input.template) {
      const steps = progressTemplateSteps(input.template, staff.account.locale);
      await replaceProgressSteps(
        tx,
        created.id,
        steps.map((title) => ({ title, doneOn: null })),
      );
    }
    await recordAuditEvent(tx, deps.clock, {
      actor: staffActor(staff),
      action: "dossier.created",
      subject: { type: "dossier", id: created.id },
      details: { number: input.number, clients: input.clientIds.length },
    });
    return created.id;
  });
}

export async function updateDossier(
  deps: DossiersDeps,
  staff: StaffActor,
  dossierId: string,
  changes: Partial<DossierFields>,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await requireOfficeDossier(tx, staff, dossierId);
    await checkReferences(tx, staff.officeId, changes);
    if (
      changes.number !== undefined &&
      (await isDossierNumberTaken(tx, staff.officeId, changes.number, dossierId))
    ) {
      throw new AppError("dossier_number_taken");
    }
    const { clientIds, status, ...columns } = changes;
    await updateDossierRow(tx, dossierId, {
      ...columns,
      ...(status === undefined ? {} : storedStatus(status)),
      updatedAt: deps.clock.now(),
    });
    if (clientIds) await replaceDossierClients(tx, dossierId, [...new Set(clientIds)]);
    await recordAuditEvent(tx, deps.clock, {
      actor: staffActor(staff),
      action: "dossier.updated",
      subject: { type: "dossier", id: dossierId },
      details: { fields: Object.keys(changes) },
    });
  });
}

export async function replaceProgress(
  deps: DossiersDeps,
  staff: StaffActor,
  dossierId: string,
  progress: ReplaceProgress,
): Promise<Progress> {
  await deps.db.transaction(async (tx) => {
    await requireOfficeDossier(tx, staff, dossierId);
    await replaceProgressSteps(tx, dossierId, progress.steps);
    await updateDossierRow(tx, dossierId, { updatedAt: deps.clock.now() });
  });
  return progressOf(deps.db, dossierId);
}

export async function createOfficeStatus(deps: DossiersDeps, staff: StaffActor, label: string) {
  return deps.db.transaction(async (tx) => {
    const created = await insertOfficeStatus(tx, {
      officeId: staff.officeId,
      label,
      createdAt: deps.clock.now(),
    });
    if (!created) throw new AppError("conflict");
    await recordAuditEvent(tx, deps.clock, {
      actor: staffActor(staff),
      action: "dossier-status.created",
      subject: { type: "dossier-status", id: created.id },
      details: { label },
    });
    return { key: created.id, label: created.label };
  });
}

/** The office's dossier, or not found — also for another office's dossier. */
export async function requireOfficeDossier(
  db: Database,
  staff: StaffActor,
  dossierId: string,
): Promise<DossierView> {
  const dossier = await findOfficeDossier(db, staff.officeId, dossierId);
  if (!dossier) throw new AppError("not_found");
  return dossier;
}

/** The dossier when it is shared with the client; not found otherwise, whoever's it is. */
export async function requireClientDossier(
  db: Database,
  client: ClientActor,
  dossierId: string,
): Promise<DossierView> {
  const dossier = await findClientDossier(db, client.officeId, client.clientId, dossierId);
  if (!dossier) throw new AppError("not_found");
  return dossier;
}

export async function progressOf(db: Database, dossierId: string): Promise<Progress> {
  const steps = await listProgressSteps(db, dossierId);
  return {
    done: steps.filter((step) => step.doneOn !== null).length,
    total: steps.length,
    steps,
  };
}

export async function officeDossierListItems(
  db: Database,
  rows: readonly DossierView[],
): Promise<OfficeDossierListItem[]> {
  const links = await listDossierClients(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    description: row.description,
    status: statusOf(row),
    handler: row.handlerId && row.handlerName ? { id: row.handlerId, name: row.handlerName } : null,
    clients: links
      .filter((link) => link.dossierId === row.id)
      .map(({ id, name, kind }) => ({ id, name, kind })),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function searchDossiers(
  deps: DossiersDeps,
  staff: StaffActor,
  filter: OfficeDossierFilter,
) {
  const { rows, total } = await searchOfficeDossiers(deps.db, staff.officeId, filter);
  return {
    dossiers: await officeDossierListItems(deps.db, rows),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export async function dossierOptions(
  deps: DossiersDeps,
  staff: StaffActor,
): Promise<DossierOptions> {
  const [statuses, handlers, clients] = await Promise.all([
    listOfficeStatuses(deps.db, staff.officeId),
    listOfficeHandlers(deps.db, staff.officeId),
    listOfficeClients(deps.db, staff.officeId),
  ]);
  return {
    statuses: [
      { key: "in-progress", label: null },
      { key: "completed", label: null },
      { key: "cancelled", label: null },
      ...statuses.map((status) => ({ key: status.id, label: status.label })),
    ],
    handlers,
    clients,
    templates: progressTemplates(staff.account.locale as Locale),
  };
}

// ── The client's view ──────────────────────────────────────────────────────────────────

/** Home's Dossiers tile: in behandeling, and all other statuses together. */
export async function clientDossierCounts(deps: DossiersDeps, client: ClientActor) {
  const byStatus = await countClientDossiersByStatus(deps.db, client.officeId, client.clientId);
  const inProgress = byStatus
    .filter((row) => row.status === "in-progress")
    .reduce((sum, row) => sum + row.count, 0);
  const all = byStatus.reduce((sum, row) => sum + row.count, 0);
  return { inProgress, other: all - inProgress };
}

export async function clientDossierList(
  deps: DossiersDeps,
  client: ClientActor,
  filter: DossierFilter,
): Promise<{
  dossiers: Omit<PortalDossierListItem, "unread">[];
  statuses: { key: string; label: string | null; count: number }[];
}> {
  const [rows, byStatus] = await Promise.all([
    listClientDossiers(deps.db, client.officeId, client.clientId, filter),
    countClientDossiersByStatus(deps.db, client.officeId, client.clientId),
  ]);
  const progress = await countProgress(
    deps.db,
    rows.map((row) => row.id),
  );
  return {
    dossiers: rows.map((row) => ({
      id: row.id,
      number: row.number,
      description: row.description,
      status: statusOf(row),
      progress: progress.get(row.id) ?? { done: 0, total: 0 },
    })),
    statuses: byStatus.map((row) => ({ ...statusOf(row), count: row.count })),
  };
}
