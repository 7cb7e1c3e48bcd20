import type {
  AccountListItem,
  ExtraAccount,
  OfficeClient,
  OfficeClientAccount,
} from "#src/contracts/accounts.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { AccountsDeps } from "./deps.ts";
import { inviteExtraAccount } from "./invitations.ts";
import { linkLifetimes } from "./link-tokens.ts";
import {
  type AccountRow,
  type ClientRow,
  countAccountMemberships,
  deleteAccount,
  deleteMembership,
  findAccountMembership,
  findClientMembership,
  findNewestToken,
  findOfficeStaffAccount,
  listClientMemberships,
  listOfficeMemberships,
  listOfficeStaffAccounts,
  type MembershipWithAccount,
  type OfficeClientMembership,
} from "./repository.ts";
import type { ClientActor } from "./request-actors.ts";

/** A staff account as the lists show it, with the state of its newest invitation. */
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

/**
 * A client login as one office (or one company) sees it: its membership there (ADR 0011).
 * Until the person first comes to this office, only what the office entered and its own
 * invitation: invited, pending for 7 days from its last mail, then expired, or revoked. From
 * then on also the person's shared login: the name on their profile, and active (or
 * deactivated). Nothing tells whether the login was known elsewhere before.
 */
export function toClientListItem(deps: AccountsDeps, row: MembershipWithAccount): AccountListItem {
  const { membership, account } = row;
  const joined = membership.joinedAt !== null;
  const expired =
    membership.invitedAt.getTime() + linkLifetimes.invitation <= deps.clock.now().getTime();
  return {
    id: membership.id,
    name: joined ? account.name : membership.name,
    email: account.email,
    status: !joined ? "invited" : account.status === "deactivated" ? "deactivated" : "active",
    role: null,
    invitation: joined
      ? "accepted"
      : membership.revokedAt
        ? "revoked"
        : expired
          ? "expired"
          : "pending",
    createdAt: membership.createdAt.toISOString(),
  };
}

/** A client as the office sees it: a company with the KvK number the office registered. */
export function toOfficeClient(client: ClientRow): OfficeClient {
  return { id: client.id, kind: client.kind, name: client.name, kvkNumber: client.kvkNumber };
}

/** A row of the office's client list: the account, and the client it acts for. */
export function toOfficeClientAccount(
  deps: AccountsDeps,
  row: OfficeClientMembership,
): OfficeClientAccount {
  return {
    ...toClientListItem(deps, row),
    client: toOfficeClient(row.client),
    isMainAccount: row.membership.isMainAccount,
  };
}

/** The office's client accounts, one per membership: only ever the asking office's own. */
export async function listOfficeClientItems(
  deps: AccountsDeps,
  scope: OfficeScope,
): Promise<OfficeClientAccount[]> {
  const rows = await listOfficeMemberships(deps.db, scope);
  return rows.map((row) => toOfficeClientAccount(deps, row));
}

/** The office's staff accounts. */
export async function listOfficeStaffItems(
  deps: AccountsDeps,
  scope: OfficeScope,
): Promise<AccountListItem[]> {
  const rows = await listOfficeStaffAccounts(deps.db, scope);
  return Promise.all(rows.map((row) => toListItem(deps, row)));
}

/** A staff account of this office, or not found: another office's ids lead nowhere. */
export async function findOfficeStaff(
  deps: AccountsDeps,
  scope: OfficeScope,
  accountId: string,
): Promise<AccountRow> {
  const account = await findOfficeStaffAccount(deps.db, scope, accountId);
  if (!account) throw new AppError("not_found");
  return account;
}

/** The main account of a company client; extra accounts and persons may not manage accounts. */
export async function requireCompanyMainAccount(deps: AccountsDeps, actor: ClientActor) {
  const place = await findAccountMembership(deps.db, actor.account.id, actor.membership.id);
  if (!actor.membership.isMainAccount || place?.clientKind !== "company") {
    throw new AppError("forbidden");
  }
}

/**
 * An extra account with what its company's main account may view of it (B12, "Inzien"): the
 * person's mobile number and 2-step method only once they have come to the company.
 */
function toExtraAccount(deps: AccountsDeps, row: MembershipWithAccount): ExtraAccount {
  const joined = row.membership.joinedAt !== null;
  return {
    ...toClientListItem(deps, row),
    mobile: joined ? row.account.mobile : null,
    twoFactorMethod: joined ? row.account.twoFactorMethod : "none",
  };
}

/** "Accounts | Extra accounts" of the company (B12). */
export async function listExtraAccounts(deps: AccountsDeps, main: ClientActor) {
  await requireCompanyMainAccount(deps, main);
  const rows = await listClientMemberships(deps.db, main.scope);
  return rows
    .filter((row) => !row.membership.isMainAccount)
    .map((row) => toExtraAccount(deps, row));
}

export async function addExtraAccount(
  deps: AccountsDeps,
  main: ClientActor,
  input: { name: string; email: string; locale?: "nl" | "en" | undefined },
) {
  await requireCompanyMainAccount(deps, main);
  const locale = input.locale ?? main.account.locale;
  return toExtraAccount(deps, await inviteExtraAccount(deps, main, { ...input, locale }));
}

/**
 * Ends an extra account's place at the company: its membership goes, and with it every session
 * that acted for the company. The login itself goes only with its last membership (its sessions
 * end with it at once); one that acts for other clients or offices stays theirs (ADR 0011).
 */
export async function deleteExtraAccount(
  deps: AccountsDeps,
  main: ClientActor,
  membershipId: string,
) {
  await requireCompanyMainAccount(deps, main);
  const target = await findClientMembership(deps.db, main.scope, membershipId);
  if (!target || target.membership.isMainAccount) throw new AppError("not_found");
  const { membership, account } = target;
  await deps.db.transaction(async (tx) => {
    await deleteMembership(tx, membership.id);
    const loginStays = (await countAccountMemberships(tx, account.id)) > 0;
    if (!loginStays) await deleteAccount(tx, account.id);
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "client", id: main.account.id },
      action: "account.deleted",
      subject: { type: "account", id: account.id },
      details: { email: account.email, membershipId: membership.id, loginStays },
      officeId: main.officeId,
    });
  });
}
