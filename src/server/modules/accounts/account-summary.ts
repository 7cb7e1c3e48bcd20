import type { AccountSummary } from "#src/contracts/accounts.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { type AccountRow, findAccountWithContext } from "./repository.ts";
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
    requiredSecondFactor: account.requiredSecondFactor,
  };
}
