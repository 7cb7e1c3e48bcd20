import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { recordOfficeEvent } from "../office-events/record-event.ts";
import { markMembershipJoined } from "./repository.ts";

/**
 * The person acts for the membership: the first time, the invitation counts as accepted, and
 * the office's software hears so (`invitation.activated`), in the caller's transaction.
 */
export async function joinMembership(
  tx: Database,
  clock: Clock,
  membershipId: string,
  accountId: string,
): Promise<void> {
  const joined = await markMembershipJoined(tx, membershipId, clock.now());
  if (!joined) return;
  await recordOfficeEvent(tx, clock, {
    type: "invitation.activated",
    client: joined,
    data: { membershipId, accountId },
  });
}
