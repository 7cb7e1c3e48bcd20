import type { Database } from "#src/server/platform/db/database.ts";
import { type AccountRow, findAccountById, listAccountMemberships } from "./repository.ts";
import { type ClientActor, clientActorOf } from "./request-actors.ts";

/** One of a client login's open memberships, as the login acts there, with what it names. */
export interface OwnMembership {
  actor: ClientActor;
  officeName: string;
  clientName: string;
  clientKind: "person" | "company";
}

/**
 * Everything a client login is, for its own data export (issue 19): the account and each open
 * membership as the client actor the login is there, so that every later query runs in that
 * membership's client view, as the portal's own pages do. Undefined for anything but a client.
 */
export async function ownClientMemberships(
  db: Database,
  accountId: string,
): Promise<{ account: AccountRow; memberships: OwnMembership[] } | undefined> {
  const account = await findAccountById(db, accountId);
  if (account?.kind !== "client") return undefined;
  const rows = await listAccountMemberships(db, account.id);
  const memberships = rows
    .filter((row) => !row.membership.revokedAt)
    .map((row) => ({
      actor: clientActorOf(account, row.membership),
      officeName: row.officeName,
      clientName: row.clientName,
      clientKind: row.clientKind,
    }));
  return { account, memberships };
}
