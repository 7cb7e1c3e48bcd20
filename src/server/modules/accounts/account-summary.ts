import type { AccountSummary } from "#src/contracts/accounts.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import {
  type AccountRow,
  findAccountById,
  findAccountMembership,
  findAccountWithContext,
  listAccountMemberships,
} from "./repository.ts";
import type { SessionMembership } from "./session-plugin.ts";

/**
 * What the web apps know about the logged-in account. A client login's office, client kind and
 * main-account role are those of the membership its session acts for (none before a choice).
 */
export async function describeAccount(
  db: Database,
  account: AccountRow,
  membership: SessionMembership | undefined,
): Promise<AccountSummary> {
  const staffOffice =
    account.kind === "client"
      ? undefined
      : (await findAccountWithContext(db, account.id))?.officeName;
  return {
    id: account.id,
    kind: account.kind,
    name: account.name,
    email: account.email,
    locale: account.locale,
    role: account.role,
    officeName: (account.kind === "client" ? membership?.officeName : staffOffice) ?? null,
    isMainAccount: membership?.membership.isMainAccount ?? false,
    clientKind: membership?.clientKind ?? null,
    twoFactorMethod: account.twoFactorMethod,
  };
}

/**
 * A client login with one of its memberships and that office's name: what another module mails
 * by. Without a membership id (work planned before ADR 0011), the login's only membership.
 */
export async function clientMembershipWithContext(
  db: Database,
  accountId: string,
  membershipId: string | undefined,
) {
  const account = await findAccountById(db, accountId);
  if (account?.kind !== "client") return undefined;
  const found = membershipId
    ? await findAccountMembership(db, accountId, membershipId)
    : await onlyMembership(db, accountId);
  if (!found) return undefined;
  return { account, membership: found.membership, officeName: found.officeName };
}

async function onlyMembership(db: Database, accountId: string) {
  const rows = await listAccountMemberships(db, accountId);
  return rows.length === 1 ? rows[0] : undefined;
}
