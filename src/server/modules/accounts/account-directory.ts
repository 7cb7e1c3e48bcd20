import type { AccountListItem, ExtraAccount } from "#src/contracts/accounts.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { AccountsDeps } from "./deps.ts";
import { inviteExtraAccount } from "./invitations.ts";
import {
  type AccountKind,
  type AccountRow,
  deleteAccount,
  findAccountById,
  findAccountWithContext,
  findNewestToken,
  findOfficeAccountRow,
  listClientAccounts,
  listOfficeAccounts,
} from "./repository.ts";
import { clientActorOf } from "./request-actors.ts";

/** An account as the lists show it, with the state of its newest invitation. */
export async function toListItem(
  deps: AccountsDeps,
  account: AccountRow,
): Promise<AccountListItem> {
  const invitation = await findNewestToken(deps.db, account.id, "invitation");
  const now = deps.clock.now();
  const state =
    account.status !== "invited"
      ? "accepted"
      : !invitation
        ? null
        : invitation.revokedAt
          ? "revoked"
          : invitation.usedAt
            ? "accepted"
            : invitation.expiresAt <= now
              ? "expired"
              : "pending";
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    status: account.status,
    role: account.role,
    invitation: state,
    createdAt: account.createdAt.toISOString(),
  };
}

/** The office's client or staff accounts; only ever of the asking staff member's office. */
export async function listOfficeAccountItems(
  deps: AccountsDeps,
  scope: OfficeScope,
  kind: Extract<AccountKind, "client" | "staff">,
): Promise<AccountListItem[]> {
  const rows = await listOfficeAccounts(deps.db, scope, kind);
  return Promise.all(rows.map((row) => toListItem(deps, row)));
}

/** An account of this office, or not found: another office's ids lead nowhere. */
export async function findOfficeAccount(
  deps: AccountsDeps,
  scope: OfficeScope,
  accountId: string,
  kind: AccountKind,
): Promise<AccountRow> {
  const account = await findOfficeAccountRow(deps.db, scope, accountId, kind);
  if (!account) throw new AppError("not_found");
  return account;
}

/** The main account of a company client; extra accounts and persons may not manage accounts. */
export async function requireCompanyMainAccount(deps: AccountsDeps, account: AccountRow) {
  const context = await findAccountWithContext(deps.db, account.id);
  if (!account.isMainAccount || context?.clientKind !== "company") throw new AppError("forbidden");
}

/** An extra account with what its company's main account may view of it (B12, "Inzien"). */
async function toExtraAccount(deps: AccountsDeps, account: AccountRow): Promise<ExtraAccount> {
  return {
    ...(await toListItem(deps, account)),
    mobile: account.mobile,
    twoFactorMethod: account.twoFactorMethod,
  };
}

/** "Accounts | Extra accounts" of the company (B12). */
export async function listExtraAccounts(deps: AccountsDeps, mainAccount: AccountRow) {
  await requireCompanyMainAccount(deps, mainAccount);
  const rows = await listClientAccounts(deps.db, clientActorOf(mainAccount).scope);
  return Promise.all(
    rows.filter((row) => !row.isMainAccount).map((row) => toExtraAccount(deps, row)),
  );
}

export async function addExtraAccount(
  deps: AccountsDeps,
  mainAccount: AccountRow,
  input: { name: string; email: string; locale?: "nl" | "en" | undefined },
) {
  await requireCompanyMainAccount(deps, mainAccount);
  const locale = input.locale ?? mainAccount.locale;
  return toExtraAccount(deps, await inviteExtraAccount(deps, mainAccount, { ...input, locale }));
}

/** Deletes an extra account; its sessions end with it at once (they are its rows). */
export async function deleteExtraAccount(
  deps: AccountsDeps,
  mainAccount: AccountRow,
  accountId: string,
) {
  await requireCompanyMainAccount(deps, mainAccount);
  const target = await findAccountById(deps.db, accountId);
  if (!target || target.clientId !== mainAccount.clientId || target.isMainAccount) {
    throw new AppError("not_found");
  }
  await deps.db.transaction(async (tx) => {
    await deleteAccount(tx, target.id);
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "client", id: mainAccount.id },
      action: "account.deleted",
      subject: { type: "account", id: target.id },
      details: { email: target.email },
    });
  });
}
