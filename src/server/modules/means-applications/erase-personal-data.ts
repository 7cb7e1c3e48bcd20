import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { DAY } from "#src/server/platform/clock.ts";
import { erasePersonalData, lockErasable } from "./application-repository.ts";
import { listAttachments } from "./attachment-repository.ts";
import type { EherkenningDeps } from "./deps.ts";

const BATCH = 100;

/**
 * Erases the personal data of rejected and abandoned applications once `retentionDays` have
 * passed since: the user's name, address, number and the company snapshot, the ID copies (their
 * blobs deleted after the change is committed, so a rollback never leaves a row without its
 * file), the codes, the signers' contact data and the identification's findings. The row stays
 * with its reference, state and dates, marked `erasedAt`, and the audit trail points at it.
 * Returns how many were erased.
 */
export async function eraseExpiredPersonalData(
  deps: Pick<EherkenningDeps, "db" | "clock" | "blobs" | "retentionDays">,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { erased, blobKeys } = await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const due = await lockErasable(tx, new Date(now.getTime() - deps.retentionDays * DAY), BATCH);
      const keys: string[] = [];
      for (const application of due) {
        const attachments = await listAttachments(tx, application.id);
        keys.push(...attachments.map((attachment) => attachment.blobKey));
        await erasePersonalData(tx, application.id, now);
        await recordAuditEvent(tx, deps.clock, {
          actor: { type: "system" },
          action: "means-application.personal-data-erased",
          subject: { type: "means-application", id: application.id },
          details: { state: application.state, attachments: attachments.length },
        });
      }
      return { erased: due.length, blobKeys: keys };
    });
    // A blob left behind by a crash here is only bytes nobody points at, never a row without data.
    for (const key of blobKeys) await deps.blobs.delete(key);
    total += erased;
    if (erased < BATCH) return total;
  }
}
