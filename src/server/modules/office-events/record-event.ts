import type { OfficeEventType } from "#src/contracts/office-events.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { ensureRound } from "./delivery-rounds.ts";
import {
  insertDelivery,
  insertOfficeEvent,
  lockOfficeEvents,
  unscopedLockLiveEndpoints,
} from "./repository.ts";

/** What a client did, told by the module where it happened. */
export interface NewOfficeEvent {
  type: OfficeEventType;
  /** The client who acted (a client's scope fits), at its office. */
  client: { officeId: string; clientId: string };
  dossierId?: string;
  /** Ids the office's software needs to fetch the rest; never a text. */
  data: Record<string, string>;
}

/**
 * Records an event for the office's software (issue 16): in the feed, and a webhook delivery
 * per live endpoint of the office, with the job that posts it. Pass the transaction of the
 * client's action, so the event exists exactly when the action was committed: a crash loses
 * neither, and a rolled-back action tells nothing.
 */
export async function recordOfficeEvent(
  tx: Database,
  clock: Clock,
  event: NewOfficeEvent,
): Promise<void> {
  const { officeId, clientId } = event.client;
  await lockOfficeEvents(tx, officeId);
  const now = clock.now();
  const row = await insertOfficeEvent(tx, {
    officeId,
    clientId,
    type: event.type,
    occurredAt: now,
    dossierId: event.dossierId ?? null,
    data: event.data,
  });
  for (const endpoint of await unscopedLockLiveEndpoints(tx, officeId)) {
    await insertDelivery(tx, {
      endpointId: endpoint.id,
      eventId: row.id,
      nextAttemptAt: now,
      createdAt: now,
    });
    await ensureRound(tx, clock, endpoint);
  }
}
