import type { ScopedDossier } from "#src/server/modules/dossiers/service.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { BlobStore } from "#src/server/platform/blobs/blob-store.ts";
import { type Clock, DAY } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { notifyDossierClients } from "../notifications/service.ts";
import {
  type ClosedDossierRow,
  listBlobDeletions,
  removeBlobDeletions,
  unscopedCountDossierContent,
  unscopedDeleteDossier,
  unscopedFindClosedDossier,
  unscopedListClosedDossiers,
  unscopedLockClosedDossier,
  upsertRetentionNotice,
} from "./repository.ts";
import { NOTICE_DAYS, noticeDue, type RetentionStep, stepDay, stepDue } from "./retention-dates.ts";

export interface DossierRetentionDeps {
  db: Database;
  clock: Clock;
  /** The documents' store: their blobs go when the dossier goes. */
  blobs: BlobStore;
}

/** Dossiers read per batch, and blobs removed per batch: a long backlog goes in short steps. */
const BATCH = 200;

const stepOf = (row: ClosedDossierRow): RetentionStep => ({
  from: row.closedAt,
  months: row.retentionMonths,
  noticedAt: row.noticedAt,
});

/**
 * The day the dossier leaves the portal, `YYYY-MM-DD`; undefined while it is open. For the
 * dossier's page: the dossier was found in the asker's scope.
 */
export async function leavesPortalOn(
  deps: Pick<DossierRetentionDeps, "db" | "clock">,
  dossier: Pick<ScopedDossier, "id">,
): Promise<string | null> {
  const row = await unscopedFindClosedDossier(deps.db, dossier.id);
  return row ? stepDay(stepOf(row), deps.clock.now()) : null;
}

export interface DossierRoundOutcome {
  noticed: number;
  removed: number;
  blobsRemoved: number;
}

/**
 * The daily round over closed dossiers of every office (ADR 0023): their clients are told 30
 * days ahead (once per closing, through the bundled notices), and on the day the dossier goes
 * with its documents, messages and actions. Each dossier in a transaction of its own, with its
 * row locked and its state checked again, so a rerun, a second instance or a status changed
 * meanwhile does no harm. Then the blobs of what went leave the store.
 */
export async function runDossierRetention(
  deps: DossierRetentionDeps,
): Promise<DossierRoundOutcome> {
  // What a round before left undone (a crash after its commit) goes first.
  const outcome = { noticed: 0, removed: 0, blobsRemoved: await removeQueuedBlobs(deps) };
  // The candidates: planned within the notice period, with a day to spare for the calendar.
  const horizon = new Date(deps.clock.now().getTime() + (NOTICE_DAYS + 2) * DAY);
  let after: { closedAt: Date; id: string } | undefined;
  for (;;) {
    const batch = await unscopedListClosedDossiers(deps.db, { horizon, after, limit: BATCH });
    for (const candidate of batch) {
      const done = await retainOne(deps, candidate.id);
      if (done === "noticed") outcome.noticed += 1;
      if (done === "removed") outcome.removed += 1;
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) break;
    after = { closedAt: last.closedAt, id: last.id };
  }
  outcome.blobsRemoved += await removeQueuedBlobs(deps);
  return outcome;
}

/** Tells or removes one dossier, as its state is now. */
async function retainOne(
  deps: DossierRetentionDeps,
  dossierId: string,
): Promise<"noticed" | "removed" | undefined> {
  return deps.db.transaction(async (tx) => {
    const row = await unscopedLockClosedDossier(tx, dossierId);
    if (!row) return undefined;
    const now = deps.clock.now();
    const step = stepOf(row);
    if (noticeDue(step, now)) {
      await notifyDossierClients(tx, deps.clock, { dossierId, kind: "retention" });
      await upsertRetentionNotice(tx, { dossierId, closedAt: row.closedAt, noticedAt: now });
      await recordAuditEvent(tx, deps.clock, {
        actor: { type: "system" },
        action: "dossier.retention-noticed",
        subject: { type: "dossier", id: dossierId },
        officeId: row.officeId,
        details: { leavesPortalOn: stepDay({ ...step, noticedAt: now }, now) },
      });
      return "noticed";
    }
    if (!stepDue(step, now)) return undefined;
    const counts = await unscopedCountDossierContent(tx, dossierId);
    const blobKeys = await unscopedDeleteDossier(tx, dossierId, now);
    // The fact, never the content: no number, description, title or name.
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "dossier.removed-by-retention",
      subject: { type: "dossier", id: dossierId },
      officeId: row.officeId,
      details: {
        ...counts,
        files: blobKeys.length,
        closedAt: row.closedAt.toISOString(),
        retentionMonths: row.retentionMonths,
      },
    });
    return "removed";
  });
}

/**
 * Removes the queued blobs from the store, then their queue rows: a crash in between leaves a
 * row whose blob is gone, and deleting it again is harmless.
 */
async function removeQueuedBlobs(deps: DossierRetentionDeps): Promise<number> {
  let removed = 0;
  for (;;) {
    const batch = await listBlobDeletions(deps.db, BATCH);
    for (const { blobKey } of batch) await deps.blobs.delete(blobKey);
    const keys = batch.map((row) => row.blobKey);
    await removeBlobDeletions(deps.db, keys);
    removed += keys.length;
    if (batch.length < BATCH) return removed;
  }
}
