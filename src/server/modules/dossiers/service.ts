import type {
  DossierOptions,
  OfficeDossierListItem,
  PortalDossierListItem,
  Progress,
  ProgressTemplateKey,
  ReplaceProgress,
} from "#src/contracts/dossiers.ts";
import type { Locale } from "#src/contracts/locale.ts";
import type { OfficeScope, TenantScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor, type ClientActor, type StaffActor } from "../accounts/request-actors.ts";
import { isBuiltInStatus, statusOf, storedStatus } from "./dossier-status.ts";
import { progressTemplateSteps, progressTemplates } from "./progress-templates.ts";
import {
  countClientDossiersByStatus,
  countProgress,
  type DossierFilter,
  type DossierRef,
  filterOfficeClients,
  findDossier,
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
  type ScopedDossier,
  searchOfficeDossiers,
  updateDossierRow,
} from "./repository.ts";

export type { DossierRef, ScopedDossier } from "./repository.ts";

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

/** Refuses a status, handler or client that is not the office's own. */
async function checkReferences(
  db: Database,
  scope: OfficeScope,
  fields: Partial<DossierFields>,
): Promise<void> {
  const wrong = (path: string) =>
    new AppError("unknown_reference", [{ path, code: "unknown", message: `unknown ${path}` }]);
  if (fields.status !== undefined && !isBuiltInStatus(fields.status)) {
    const statuses = await listOfficeStatuses(db, scope);
    if (!statuses.some((status) => status.id === fields.status)) throw wrong("status");
  }
  if (fields.handlerId) {
    const handlers = await listOfficeHandlers(db, scope);
    if (!handlers.some((handler) => handler.id === fields.handlerId)) throw wrong("handlerId");
  }
  if (fields.clientIds) {
    const unique = [...new Set(fields.clientIds)];
    const known = await filterOfficeClients(db, scope, unique);
    if (known.length !== unique.length) throw wrong("clientIds");
  }
}

export async function createDossier(
  deps: DossiersDeps,
  staff: StaffActor,
  input: DossierFields & { template?: ProgressTemplateKey | undefined },
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    await checkReferences(tx, staff.scope, input);
    const now = deps.clock.now();
    const created = await insertDossier(tx, staff.scope, {
      number: input.number,
      description: input.description,
      ...storedStatus(input.status),
      handlerId: input.handlerId,
      createdAt: now,
      updatedAt: now,
    });
    if (!created) throw new AppError("dossier_number_taken");
    await replaceDossierClients(tx, created, [...new Set(input.clientIds)]);
    if (input.template) {
      const steps = progressTemplateSteps(input.template, staff.account.locale);
      await replaceProgressSteps(
        tx,
        created,
        steps.map((title) => ({ title, doneOn: null })),
      );
    }
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: "dossier.created",
      subject: { type: "dossier", id: created.id },
      details: { number: input.number, clients: input.clientIds.length },
      officeId: staff.officeId,
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
    const dossier = await requireDossier(tx, staff.scope, dossierId);
    await checkReferences(tx, staff.scope, changes);
    if (
      changes.number !== undefined &&
      (await isDossierNumberTaken(tx, staff.scope, changes.number, dossierId))
    ) {
      throw new AppError("dossier_number_taken");
    }
    const { clientIds, status, ...columns } = changes;
    await updateDossierRow(tx, dossier, {
      ...columns,
      ...(status === undefined ? {} : storedStatus(status)),
      updatedAt: deps.clock.now(),
    });
    if (clientIds) await replaceDossierClients(tx, dossier, [...new Set(clientIds)]);
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: "dossier.updated",
      subject: { type: "dossier", id: dossierId },
      details: { fields: Object.keys(changes) },
      officeId: staff.officeId,
    });
  });
}

export async function replaceProgress(
  deps: DossiersDeps,
  staff: StaffActor,
  dossierId: string,
  progress: ReplaceProgress,
): Promise<Progress> {
  const dossier = await deps.db.transaction(async (tx) => {
    const found = await requireDossier(tx, staff.scope, dossierId);
    await replaceProgressSteps(tx, found, progress.steps);
    await updateDossierRow(tx, found, { updatedAt: deps.clock.now() });
    return found;
  });
  return progressOf(deps.db, dossier);
}

export async function createOfficeStatus(deps: DossiersDeps, staff: StaffActor, label: string) {
  return deps.db.transaction(async (tx) => {
    const created = await insertOfficeStatus(tx, staff.scope, {
      label,
      createdAt: deps.clock.now(),
    });
    if (!created) throw new AppError("conflict");
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: "dossier-status.created",
      subject: { type: "dossier-status", id: created.id },
      details: { label },
    });
    return { key: created.id, label: created.label };
  });
}

/**
 * The dossier when the scope sees it (the office's own, or one shared with the client), or
 * not found — also when it exists for someone else, so the answer reveals nothing.
 */
export async function requireDossier(
  db: Database,
  scope: TenantScope,
  dossierId: string,
): Promise<ScopedDossier> {
  const dossier = await findDossier(db, scope, dossierId);
  if (!dossier) throw new AppError("not_found");
  return dossier;
}

export async function progressOf(db: Database, dossier: DossierRef): Promise<Progress> {
  const steps = await listProgressSteps(db, dossier);
  return {
    done: steps.filter((step) => step.doneOn !== null).length,
    total: steps.length,
    steps,
  };
}

export async function officeDossierListItems(
  db: Database,
  rows: readonly ScopedDossier[],
): Promise<OfficeDossierListItem[]> {
  const links = await listDossierClients(db, rows);
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
  const { rows, total } = await searchOfficeDossiers(deps.db, staff.scope, filter);
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
    listOfficeStatuses(deps.db, staff.scope),
    listOfficeHandlers(deps.db, staff.scope),
    listOfficeClients(deps.db, staff.scope),
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
  const byStatus = await countClientDossiersByStatus(deps.db, client.scope);
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
    listClientDossiers(deps.db, client.scope, filter),
    countClientDossiersByStatus(deps.db, client.scope),
  ]);
  const progress = await countProgress(deps.db, rows);
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
