import { z } from "zod";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { notifyDossierClients } from "../notifications/service.ts";
import { dayInTheNetherlands } from "./action-views.ts";
import { unscopedListOverdueActions, updateAction } from "./repository.ts";

/** Actions reminded per transaction: a long backlog goes in short changes, not one. */
const BATCH = 200;

/**
 * Every action past its due date gets one automatic reminder: the client's bundled notice
 * (ADR 0013), which names nothing of what is asked. Marked on the action in the same change,
 * so two instances or a rerun never remind twice. Returns how many were reminded.
 */
export async function remindOverdueActions(deps: { db: Database; clock: Clock }): Promise<number> {
  const today = dayInTheNetherlands(deps.clock.now());
  let total = 0;
  for (;;) {
    const reminded = await deps.db.transaction(async (tx) => {
      const overdue = await unscopedListOverdueActions(tx, today, BATCH);
      const now = deps.clock.now();
      for (const found of overdue) {
        const { action } = found;
        await updateAction(tx, found, { overdueRemindedAt: now });
        await notifyDossierClients(tx, deps.clock, {
          dossierId: action.dossierId,
          kind: "questionnaires",
          clientId: action.clientId,
        });
        await recordAuditEvent(tx, deps.clock, {
          actor: { type: "system" },
          action: "action.overdue-reminded",
          subject: { type: "action", id: action.id },
          details: { dossierId: action.dossierId, clientId: action.clientId },
          officeId: action.officeId,
        });
      }
      return overdue.length;
    });
    total += reminded;
    if (reminded < BATCH) return total;
  }
}

const remindOverdueActionsJob = defineJobType({
  name: "actions.remind-overdue",
  payload: z.object({}),
  maxAttempts: 3,
});

/** Every morning, the actions whose due date passed yesterday or before. */
export async function scheduleOverdueReminders(
  runner: JobRunner,
  deps: { db: Database; clock: Clock },
): Promise<void> {
  runner.handle(remindOverdueActionsJob, async () => {
    await remindOverdueActions(deps);
  });
  await runner.schedule("remind-overdue-actions", "0 8 * * *", remindOverdueActionsJob, {});
}
