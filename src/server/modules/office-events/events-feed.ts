import type { OfficeEvent, OfficeEventsPage } from "#src/contracts/office-events.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { listOfficeEvents, type OfficeEventRow } from "./repository.ts";

/** An event as the feed and the webhooks tell it. */
export function officeEventView(row: OfficeEventRow): OfficeEvent {
  return {
    id: row.id.toString(),
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    dossierId: row.dossierId,
    clientId: row.clientId,
    data: row.data,
  };
}

/**
 * The office's events after a cursor, oldest first, a page at a time. `next` is the last
 * event's id, or null on an empty page: the software keeps its cursor and asks again later.
 */
export async function officeEventsPage(
  db: Database,
  scope: OfficeScope,
  query: { after?: string | undefined; limit: number },
): Promise<OfficeEventsPage> {
  const rows = await listOfficeEvents(db, scope, BigInt(query.after ?? "0"), query.limit);
  const events = rows.map(officeEventView);
  return { events, next: events.at(-1)?.id ?? null };
}
