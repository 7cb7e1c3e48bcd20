import type { Database } from "#src/server/platform/db/database.ts";
import { type AccountRow, listAccountMemberships } from "./repository.ts";

/** The login's one membership that is not withdrawn, if it has exactly one (staff: none). */
export async function onlyOpenMembership(db: Database, accountId: string) {
  const open = (await listAccountMemberships(db, accountId)).filter(
    (row) => !row.membership.revokedAt,
  );
  return open.length === 1 ? open[0]?.membership : undefined;
}

/**
 * The office whose audit log shows a login of this account (issue 19): a staff member's own
 * office; a client login's only office. A client of several offices logs in for none of them
 * yet: its choice of office (`session.office-chosen`, ADR 0011) is what that office sees.
 */
export async function loginOfficeOf(
  db: Database,
  account: Pick<AccountRow, "id" | "kind" | "officeId">,
): Promise<string | undefined> {
  if (account.kind === "staff") return account.officeId ?? undefined;
  if (account.kind !== "client") return undefined;
  return (await onlyOpenMembership(db, account.id))?.officeId;
}
