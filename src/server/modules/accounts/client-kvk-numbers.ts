import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { AccountsDeps } from "./deps.ts";
import {
  type ClientRow,
  findOfficeClient,
  isKvkNumberTaken,
  updateClientKvkNumber,
} from "./repository.ts";
import { auditActor, type StaffActor } from "./request-actors.ts";

/**
 * A KvK number picks the office's company client at an eHerkenning login, so it belongs to one
 * company of the office at most. Checked first for a clear answer; the unique index
 * `clients_office_kvk_idx` still holds should two requests race.
 */
export async function requireKvkNumberFree(
  db: Database,
  scope: OfficeScope,
  kvkNumber: string,
  exceptClientId?: string,
): Promise<void> {
  if (await isKvkNumberTaken(db, scope, kvkNumber, exceptClientId)) {
    throw new AppError("kvk_number_taken");
  }
}

/**
 * Staff register, change or (with null) clear the KvK number of a company client of their
 * office. Another office's client is not found; a person has no KvK number.
 */
export function setClientKvkNumber(
  deps: AccountsDeps,
  staff: StaffActor,
  clientId: string,
  kvkNumber: string | null,
): Promise<ClientRow> {
  return deps.db.transaction(async (tx) => {
    const client = await findOfficeClient(tx, staff.scope, clientId);
    if (!client) throw new AppError("not_found");
    if (client.kind !== "company") throw new AppError("kvk_number_company_only");
    if (kvkNumber !== null) await requireKvkNumberFree(tx, staff.scope, kvkNumber, client.id);
    await updateClientKvkNumber(tx, client, kvkNumber);
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(staff.account),
      action: "client.kvk-number-set",
      subject: { type: "client", id: client.id },
      details: { previous: client.kvkNumber, kvkNumber },
      officeId: staff.officeId,
    });
    return { ...client, kvkNumber };
  });
}
