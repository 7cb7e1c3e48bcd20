import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { ClientNoticeKind, StaffNoticeKind } from "./notice-mails.ts";
import { addNotice } from "./notice-rounds.ts";
import { unscopedFindDossierHandler, unscopedListDossierClientRecipients } from "./repository.ts";

/** What a client is told is new: one of the kinds of Mijn gegevens' notification preferences. */
export type { ClientNoticeKind } from "./notice-mails.ts";

/**
 * Something new in a dossier for its clients: every login with an open membership (ADR 0011) of
 * a client linked to the dossier, for that membership's office, whose preference for `kind` is
 * on, gets a pending notice (only one client's, when the event names it); one bundled mail per
 * login follows (ADR 0013). Call it in the
 * transaction of the event, after checking the event in the actor's scope.
 */
export async function notifyDossierClients(
  db: Database,
  clock: Clock,
  event: {
    dossierId: string;
    kind: ClientNoticeKind;
    /** Only this client of the dossier (a message written to one client); else all of them. */
    clientId?: string | null;
  },
): Promise<void> {
  const recipients = await unscopedListDossierClientRecipients(db, event);
  // One notice per login and event, also when the login acts for two of the dossier's clients
  // (a person, and the company it is the contact of). Sorted by login, so events that reach the
  // same logins lock their rows in one order.
  const seen = new Set<string>();
  for (const recipient of recipients) {
    if (seen.has(recipient.accountId)) continue;
    seen.add(recipient.accountId);
    await addNotice(db, clock, {
      accountId: recipient.accountId,
      audience: "client",
      officeId: recipient.officeId,
      clientMembershipId: recipient.membershipId,
      dossierId: event.dossierId,
      kind: event.kind,
    });
  }
}

/**
 * Something new in a dossier for its office: the dossier's handler (an active staff member of
 * its office; none, no notice) gets a pending notice; one bundled mail follows (ADR 0013). Staff
 * have no notification preferences: a client's message is their work. Call it in the
 * transaction of the event.
 */
export async function notifyDossierStaff(
  db: Database,
  clock: Clock,
  event: { dossierId: string; kind: StaffNoticeKind },
): Promise<void> {
  const handler = await unscopedFindDossierHandler(db, event.dossierId);
  if (!handler) return;
  await addNotice(db, clock, {
    accountId: handler.accountId,
    audience: "staff",
    officeId: handler.officeId,
    clientMembershipId: null,
    dossierId: event.dossierId,
    kind: event.kind,
  });
}
