import type { InviteClient, InviteStaff } from "#src/contracts/accounts.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { addedToOfficeMail, invitationMail } from "./account-mails.ts";
import { areaLink, areaOfKind } from "./areas.ts";
import type { AccountsDeps } from "./deps.ts";
import { issueLinkToken } from "./link-tokens.ts";
import {
  type AccountRow,
  findAccountByEmail,
  findAccountMembership,
  findAccountWithContext,
  findOfficeMembership,
  findOfficeStaffAccount,
  insertAccount,
  insertClient,
  insertMembership,
  isOfficeMember,
  listAccountMemberships,
  type MembershipWithAccount,
  revokeOpenTokens,
  updateMembership,
} from "./repository.ts";
import { auditActor, type ClientActor, type StaffActor } from "./request-actors.ts";

type NewAccount = Pick<AccountRow, "kind" | "officeId" | "role" | "email" | "name" | "locale">;

/** The answer to an address that is taken where the asker may know it (ADR 0006, 0011). */
const addressTaken = () =>
  new AppError("conflict", [
    { path: "email", code: "taken", message: "An account with this e-mail address exists" },
  ]);

/** Creates a staff account in the invited state and mails its first link (mail 1), in one go. */
async function createInvitedAccount(
  deps: AccountsDeps,
  tx: Database,
  values: NewAccount,
  actor: AuditEvent["actor"],
): Promise<AccountRow> {
  const account = await insertAccount(tx, { ...values, mobile: null, createdAt: deps.clock.now() });
  if (!account) throw addressTaken();
  const context = await findAccountWithContext(tx, account.id);
  await sendInvitation(deps, tx, account, actor, { officeName: context?.officeName ?? undefined });
  return account;
}

/** Mail 1 with a fresh link, which replaces the login's open ones (ADR 0006). */
async function sendInvitation(
  deps: AccountsDeps,
  tx: Database,
  account: AccountRow,
  actor: AuditEvent["actor"],
  about: { officeName?: string | undefined; membershipId?: string },
): Promise<void> {
  const token = await issueLinkToken(tx, deps.clock, account.id, "invitation");
  await deps.mailer.queue(tx, {
    to: account.email,
    locale: account.locale,
    template: invitationMail,
    data: {
      name: account.name,
      officeName: about.officeName,
      url: areaLink(deps.publicUrl, account.kind, "activate", token),
    },
  });
  await recordAuditEvent(tx, deps.clock, {
    actor,
    action: "account.invited",
    subject: { type: "account", id: account.id },
    details: { kind: account.kind, role: account.role, membershipId: about.membershipId },
  });
}

/**
 * Tells the person about a membership the office (or a company's main account) gave them. A
 * login not yet activated gets the ordinary invitation with a fresh link (the newest link is
 * the only one that works, ADR 0006); an active login gets the news and the way to log in, in
 * its own language, and no link. Either way the office's answer is the same (ADR 0011).
 */
async function announceMembership(
  deps: AccountsDeps,
  tx: Database,
  { membership, account }: MembershipWithAccount,
  actor: AuditEvent["actor"],
): Promise<void> {
  const place = await findAccountMembership(tx, account.id, membership.id);
  if (!place) throw new Error("a membership just written was not found");
  if (account.status === "invited") {
    await sendInvitation(deps, tx, account, actor, {
      officeName: place.officeName,
      membershipId: membership.id,
    });
    return;
  }
  if (account.status === "active") {
    await deps.mailer.queue(tx, {
      to: account.email,
      locale: account.locale,
      template: addedToOfficeMail,
      data: {
        name: account.name,
        officeName: place.officeName,
        ...(place.clientKind === "company" ? { companyName: place.clientName } : {}),
        url: `${deps.publicUrl}/${areaOfKind.client}/login`,
      },
    });
  }
  await recordAuditEvent(tx, deps.clock, {
    actor,
    action: "account.invited",
    subject: { type: "account", id: account.id },
    details: { kind: account.kind, membershipId: membership.id, existingLogin: account.status },
  });
}

/**
 * A membership for the address at this office's client: a new login (invited) when the address
 * has none, else the person's existing login. What the asker gets back is built from what it
 * entered, so the answer does not tell whether the address was known (ADR 0011).
 */
async function addClientLogin(
  deps: AccountsDeps,
  tx: Database,
  place: { officeId: string; clientId: string; isMainAccount: boolean },
  person: { email: string; name: string; mobile: string | null; locale: "nl" | "en" },
  actor: AuditEvent["actor"],
): Promise<MembershipWithAccount> {
  const now = deps.clock.now();
  const account =
    (await findAccountByEmail(tx, "client", person.email)) ??
    (await insertAccount(tx, {
      kind: "client",
      officeId: null,
      role: null,
      ...person,
      createdAt: now,
    })) ??
    // Another request made the login in the meantime: it is the person's login all the same.
    (await findAccountByEmail(tx, "client", person.email));
  if (!account) throw new Error("no client login for the address");
  const membership = await insertMembership(tx, {
    accountId: account.id,
    ...place,
    name: person.name,
    invitedAt: now,
    createdAt: now,
  });
  if (!membership) throw addressTaken();
  const added = { membership, account };
  await announceMembership(deps, tx, added, actor);
  return added;
}

/**
 * Office staff create a client (person or company) with its main account (B1, B13). An address
 * that is already a client account of this office is refused (the office's own list shows it);
 * one known anywhere else gets a membership on the person's existing login (ADR 0011).
 */
export function inviteClient(
  deps: AccountsDeps,
  scope: OfficeScope,
  input: InviteClient,
  actor: AuditEvent["actor"],
): Promise<MembershipWithAccount> {
  return deps.db.transaction(async (tx) => {
    const known = await findAccountByEmail(tx, "client", input.email);
    if (known && (await isOfficeMember(tx, scope, known.id))) throw addressTaken();
    const client = await insertClient(tx, {
      officeId: scope.officeId,
      kind: input.kind,
      name: input.name,
      createdAt: deps.clock.now(),
    });
    return addClientLogin(
      deps,
      tx,
      { officeId: scope.officeId, clientId: client.id, isMainAccount: true },
      {
        email: input.email,
        name: input.kind === "company" ? (input.contactName ?? input.name) : input.name,
        // The contract has normalised it to E.164. An existing login keeps its own number.
        mobile: input.mobile ?? null,
        locale: input.locale,
      },
      actor,
    );
  });
}

/**
 * A company's main account adds an extra account that acts for the company (B12). Only an
 * address that already acts for this company is refused: the main account's own list shows it.
 */
export function inviteExtraAccount(
  deps: AccountsDeps,
  main: ClientActor,
  input: { name: string; email: string; locale: "nl" | "en" },
): Promise<MembershipWithAccount> {
  return deps.db.transaction((tx) =>
    addClientLogin(
      deps,
      tx,
      { officeId: main.officeId, clientId: main.clientId, isMainAccount: false },
      { email: input.email, name: input.name, mobile: null, locale: input.locale },
      { type: "client", id: main.account.id },
    ),
  );
}

/** Staff of an office, or of the platform: no client, a role. */
function inviteColleague(
  deps: AccountsDeps,
  values: Pick<NewAccount, "kind" | "officeId" | "role" | "email" | "name" | "locale">,
  actor: AuditEvent["actor"],
): Promise<AccountRow> {
  return deps.db.transaction((tx) => createInvitedAccount(deps, tx, values, actor));
}

/** An office admin invites a colleague; staff set up 2-step verification at first login. */
export function inviteStaff(
  deps: AccountsDeps,
  scope: OfficeScope,
  input: InviteStaff,
  actor: AuditEvent["actor"],
): Promise<AccountRow> {
  return inviteColleague(deps, { kind: "staff", officeId: scope.officeId, ...input }, actor);
}

/** Servicedesk and member administration accounts, created by an operator with the CLI. */
export function invitePlatformStaff(
  deps: AccountsDeps,
  input: { name: string; email: string; role: "servicedesk" | "member-admin"; locale: "nl" | "en" },
): Promise<AccountRow> {
  return inviteColleague(
    deps,
    { kind: "platform", officeId: null, ...input },
    { type: "operator" },
  );
}

/**
 * Sends a staff member a fresh invitation; the earlier link stops working. Only for accounts
 * not yet active. A client's invitation is the office's membership: `resendClientInvitation`.
 */
export async function resendInvitation(
  deps: AccountsDeps,
  account: AccountRow,
  actor: AuditEvent["actor"],
): Promise<void> {
  if (account.kind === "client") throw new AppError("not_found");
  if (account.status !== "invited") throw new AppError("conflict");
  await deps.db.transaction(async (tx) => {
    const context = await findAccountWithContext(tx, account.id);
    await sendInvitation(deps, tx, account, actor, {
      officeName: context?.officeName ?? undefined,
    });
  });
}

/** Withdraws a staff member's invitation that was not accepted yet: its link stops working. */
export async function revokeInvitation(
  deps: AccountsDeps,
  account: AccountRow,
  actor: AuditEvent["actor"],
): Promise<void> {
  if (account.kind === "client") throw new AppError("not_found");
  if (account.status !== "invited") throw new AppError("conflict");
  await deps.db.transaction(async (tx) => {
    await revokeOpenTokens(tx, account.id, ["invitation", "email-confirmation"], deps.clock.now());
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "account.invitation-revoked",
      subject: { type: "account", id: account.id },
    });
  });
}

/** A membership of the office that the person has not come to yet; 404 or 409 otherwise. */
async function pendingOfficeMembership(
  deps: AccountsDeps,
  scope: OfficeScope,
  membershipId: string,
): Promise<MembershipWithAccount> {
  const found = await findOfficeMembership(deps.db, scope, membershipId);
  if (!found) throw new AppError("not_found");
  if (found.membership.joinedAt) throw new AppError("conflict");
  return found;
}

/**
 * The office sends its invitation again (a withdrawn one too): the same mail as the first time,
 * by what the person's login is now. Only the office's own membership changes (ADR 0011).
 */
export async function resendClientInvitation(
  deps: AccountsDeps,
  scope: OfficeScope,
  membershipId: string,
  actor: AuditEvent["actor"],
): Promise<void> {
  const found = await pendingOfficeMembership(deps, scope, membershipId);
  await deps.db.transaction(async (tx) => {
    const invitedAt = deps.clock.now();
    await updateMembership(tx, found.membership.id, { invitedAt, revokedAt: null });
    await announceMembership(
      deps,
      tx,
      { ...found, membership: { ...found.membership, invitedAt, revokedAt: null } },
      actor,
    );
  });
}

/**
 * The office withdraws its invitation before the person came: its membership closes. The login
 * is the person's, not the office's: its link stops working only when no other office's
 * invitation still waits on it, and an active login is never touched (ADR 0011).
 */
export async function revokeClientInvitation(
  deps: AccountsDeps,
  scope: OfficeScope,
  membershipId: string,
  actor: AuditEvent["actor"],
): Promise<void> {
  const { membership, account } = await pendingOfficeMembership(deps, scope, membershipId);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await updateMembership(tx, membership.id, { revokedAt: now });
    const othersOpen = (await listAccountMemberships(tx, account.id)).some(
      (row) => row.membership.id !== membership.id && !row.membership.revokedAt,
    );
    if (account.status === "invited" && !othersOpen) {
      await revokeOpenTokens(tx, account.id, ["invitation", "email-confirmation"], now);
    }
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "account.invitation-revoked",
      subject: { type: "account", id: account.id },
      details: { membershipId: membership.id },
    });
  });
}

/**
 * The invitation behind an item of the office's lists: a client membership of the office, or a
 * colleague's account when an admin asks. Another office's ids: not found.
 */
export async function officeInvitation(deps: AccountsDeps, staff: StaffActor, id: string) {
  const actor = auditActor(staff.account);
  if (await findOfficeMembership(deps.db, staff.scope, id)) {
    return {
      resend: () => resendClientInvitation(deps, staff.scope, id, actor),
      revoke: () => revokeClientInvitation(deps, staff.scope, id, actor),
    };
  }
  const colleague = await findOfficeStaffAccount(deps.db, staff.scope, id);
  if (!colleague) throw new AppError("not_found");
  if (staff.account.role !== "admin") throw new AppError("forbidden");
  return {
    resend: () => resendInvitation(deps, colleague, actor),
    revoke: () => revokeInvitation(deps, colleague, actor),
  };
}
