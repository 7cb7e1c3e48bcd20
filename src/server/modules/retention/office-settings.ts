import type { OfficeSettings } from "#src/contracts/office-settings.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { findRetentionMonths, updateRetentionMonths } from "./repository.ts";

export interface OfficeSettingsDeps {
  db: Database;
  clock: Clock;
}

/** The office's settings ("Instellingen"), as every staff member of the office sees them. */
export async function officeSettings(
  deps: OfficeSettingsDeps,
  scope: OfficeScope,
): Promise<OfficeSettings> {
  const retentionMonths = await findRetentionMonths(deps.db, scope);
  if (retentionMonths === undefined) throw new AppError("not_found");
  return { retentionMonths };
}

/**
 * An admin changes the office's settings. A new retention moves the day every closed dossier
 * leaves the portal, but never to sooner than 30 days after its clients are told (ADR 0023).
 */
export async function setOfficeSettings(
  deps: OfficeSettingsDeps,
  scope: OfficeScope,
  settings: OfficeSettings,
  actor: AuditEvent["actor"],
): Promise<OfficeSettings> {
  return deps.db.transaction(async (tx) => {
    const before = await updateRetentionMonths(tx, scope, settings.retentionMonths);
    if (before === undefined) throw new AppError("not_found");
    if (before !== settings.retentionMonths) {
      await recordAuditEvent(tx, deps.clock, {
        actor,
        action: "office.retention-set",
        subject: { type: "office", id: scope.officeId },
        officeId: scope.officeId,
        details: { from: before, to: settings.retentionMonths },
      });
    }
    return { retentionMonths: settings.retentionMonths };
  });
}
