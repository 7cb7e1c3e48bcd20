import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { browserDetails, type RequestOrigin } from "./deps.ts";
import {
  type MembershipWithAccount,
  unscopedFindCompanyByKvk,
  unscopedFindMembership,
  unscopedFindOpenMembership,
} from "./repository.ts";
import { auditActor } from "./request-actors.ts";
import { type StartedSession, startSession } from "./sessions.ts";

/**
 * A company client's login with eHerkenning (issue 15, ADR 0017), as the accounts module sees it:
 * the company by its KvK number, the portal account a person's eHerkenning is linked to, and the
 * session that follows. The SAML side is the `portal-eherkenning` module's.
 */

/** The office's company client with this KvK number, if the office registered it. */
export function companyClientByKvk(db: Database, officeId: string, kvkNumber: string) {
  return unscopedFindCompanyByKvk(db, officeId, kvkNumber);
}

/** Whether the membership can log in: not withdrawn, its login active. */
const usable = (found: MembershipWithAccount | undefined) =>
  found && !found.membership.revokedAt && found.account.status === "active" ? found : undefined;

/**
 * The company's account that is asked to approve a link: its main account, or the login with
 * this address among the company's accounts. Only one that can log in to approve it.
 */
export async function accountToApproveLink(
  db: Database,
  clientId: string,
  target: { main: true } | { email: string },
): Promise<MembershipWithAccount | undefined> {
  return usable(await unscopedFindOpenMembership(db, clientId, target));
}

/** The membership a link names, while it can still log in. */
export async function linkedMembership(
  db: Database,
  membershipId: string,
): Promise<MembershipWithAccount | undefined> {
  return usable(await unscopedFindMembership(db, membershipId));
}

/**
 * The portal session after an eHerkenning login linked to this membership: complete at once,
 * since the means' level stands for the second step, acting for the linked company, and marked
 * as an eHerkenning sign-on so that logout ends the IdP's session too. Audited as a login.
 */
export async function startEherkenningSession(
  tx: Database,
  clock: Clock,
  linked: MembershipWithAccount,
  origin: RequestOrigin,
  level: string,
): Promise<StartedSession> {
  const started = await startSession(tx, clock, linked.account.id, "complete", origin, {
    kind: "eherkenning",
    membershipId: linked.membership.id,
  });
  await recordAuditEvent(tx, clock, {
    actor: auditActor(linked.account),
    action: "session.login",
    subject: { type: "account", id: linked.account.id },
    ip: origin.ip,
    details: {
      signOn: "eherkenning",
      level,
      membershipId: linked.membership.id,
      ...browserDetails(origin),
    },
    officeId: linked.membership.officeId,
  });
  return started;
}
