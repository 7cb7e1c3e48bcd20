import type { OfficeChoice } from "#src/contracts/accounts.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { AccountsDeps, RequestOrigin } from "./deps.ts";
import { joinMembership } from "./membership-joined.ts";
import {
  type AccountRow,
  findAccountMembership,
  listAccountMemberships,
  type SessionRow,
  updateSession,
} from "./repository.ts";
import { auditActor } from "./request-actors.ts";

/**
 * One login, several offices (ADR 0011): a client login acts in each session for one of its
 * memberships, an office and a client there. With one, the session acts for it from the login
 * on; with several, the portal asks which, and the client may switch later.
 */

/** The offices a client login may choose from, and the one the session acts for. */
export async function describeOfficeChoice(
  db: Database,
  account: AccountRow,
  session: SessionRow,
): Promise<OfficeChoice> {
  const open = (await listAccountMemberships(db, account.id)).filter(
    (row) => !row.membership.revokedAt,
  );
  const current = open.find((row) => row.membership.id === session.clientMembershipId);
  return {
    current: current?.membership.id ?? null,
    needed: !current,
    offices: open.map((row) => ({
      id: row.membership.id,
      officeName: row.officeName,
      clientName: row.clientName,
      clientKind: row.clientKind,
    })),
  };
}

/**
 * The session acts from now on for this membership of the login: everything after it sees that
 * office's client only. Another login's membership, or a withdrawn one, is not found.
 */
export async function chooseOffice(
  deps: AccountsDeps,
  account: AccountRow,
  session: SessionRow,
  membershipId: string,
  origin: RequestOrigin,
): Promise<void> {
  const { db, clock } = deps;
  const found = await findAccountMembership(db, account.id, membershipId);
  if (!found || found.membership.revokedAt) throw new AppError("not_found");
  await db.transaction(async (tx) => {
    await updateSession(tx, session.id, { clientMembershipId: found.membership.id });
    await joinMembership(tx, clock, found.membership.id, account.id);
    await recordAuditEvent(tx, clock, {
      actor: auditActor(account),
      action: "session.office-chosen",
      subject: { type: "account", id: account.id },
      ip: origin.ip,
      details: {
        membershipId: found.membership.id,
        officeId: found.membership.officeId,
        clientId: found.membership.clientId,
        previous: session.clientMembershipId,
      },
      officeId: found.membership.officeId,
    });
  });
}
