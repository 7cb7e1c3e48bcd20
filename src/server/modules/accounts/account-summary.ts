import type { AccountSummary } from "#src/contracts/accounts.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { type AccountRow, findAccountWithContext } from "./repository.ts";

/** What the web apps know about the logged-in account. */
export async function describeAccount(db: Database, account: AccountRow): Promise<AccountSummary> {
  const context = await findAccountWithContext(db, account.id);
  return {
    id: account.id,
    kind: account.kind,
    name: account.name,
    email: account.email,
    locale: account.locale,
    role: account.role,
    officeName: context?.officeName ?? null,
    isMainAccount: account.isMainAccount,
    clientKind: context?.clientKind ?? null,
    twoFactorMethod: account.twoFactorMethod,
  };
}

/** An account with its office's name and its client's kind: what another module mails by. */
export function accountWithContext(db: Database, accountId: string) {
  return findAccountWithContext(db, accountId);
}
