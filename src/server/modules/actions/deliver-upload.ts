import type { PortalAction } from "#src/contracts/actions.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { auditActor, type ClientActor } from "../accounts/request-actors.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { requireDossier } from "../dossiers/service.ts";
import { notifyDossierStaff } from "../notifications/service.ts";
import { recordOfficeEvent } from "../office-events/record-event.ts";
import { clientAction, requireClientAction, takeAnsweringFile } from "./client-actions.ts";
import { lockAction, lockUploadItems, updateAction, updateUploadItem } from "./repository.ts";

/**
 * An upload request's item is answered: the file the login uploaded as a draft (tus, through the
 * upload dialog) becomes a document under "Door mij aangeleverd" named after the item. When every
 * required item is in, the request is completed and the dossier's handler is told. An item
 * delivered once stays delivered; an optional one may still come after completion.
 */
export async function deliverUploadItem(
  deps: Pick<DocumentsDeps, "db" | "clock">,
  client: ClientActor,
  actionId: string,
  itemId: string,
  documentId: string,
): Promise<PortalAction> {
  await deps.db.transaction(async (tx) => {
    const found = await requireClientAction(tx, client, actionId);
    if (found.action.kind !== "upload-request") throw new AppError("not_found");
    const row = await lockAction(tx, found);
    if (row.withdrawnAt) throw new AppError("not_found");
    const items = await lockUploadItems(tx, found);
    const item = items.find((candidate) => candidate.id === itemId);
    if (!item) throw new AppError("not_found");
    if (item.documentId) throw new AppError("conflict");
    if (row.state === "completed" && item.required) throw new AppError("action_completed");
    const dossier = await requireDossier(tx, client.scope, row.dossierId);
    await takeAnsweringFile(deps, tx, client, dossier, {
      documentId,
      title: item.label,
      path: "body.documentId",
    });
    const now = deps.clock.now();
    await updateUploadItem(tx, item.id, {
      documentId,
      deliveredAt: now,
      deliveredByName: client.account.name,
    });
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(client.account),
      action: "action.item-delivered",
      subject: { type: "action", id: actionId },
      details: { dossierId: row.dossierId, itemId, documentId },
      officeId: client.officeId,
    });
    await recordOfficeEvent(tx, deps.clock, {
      type: "upload.supplied",
      client: client.scope,
      dossierId: row.dossierId,
      data: { documentId, actionId, itemId },
    });
    const done = items.every((other) => !other.required || other.documentId || other.id === itemId);
    if (row.state === "completed") return;
    await updateAction(
      tx,
      found,
      done
        ? { state: "completed", completedAt: now, completedByName: client.account.name }
        : { state: "in-progress" },
    );
    if (done) {
      await recordAuditEvent(tx, deps.clock, {
        actor: auditActor(client.account),
        action: "action.completed",
        subject: { type: "action", id: actionId },
        details: { dossierId: row.dossierId },
        officeId: client.officeId,
      });
      await notifyDossierStaff(tx, deps.clock, {
        dossierId: row.dossierId,
        kind: "questionnaires",
      });
      await recordOfficeEvent(tx, deps.clock, {
        type: "action.completed",
        client: client.scope,
        dossierId: row.dossierId,
        data: { actionId },
      });
    }
  });
  return clientAction(deps, client, actionId);
}
