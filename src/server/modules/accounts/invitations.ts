import { z } from "zod";
import type { InviteClient, InviteStaff, SupplierRole } from "#src/contracts/accounts.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { enqueueJob } from "#src/server/platform/jobs/enqueue-job.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import type { MailTemplate } from "#src/server/platform/mail/mail-template.ts";
import { addedToOfficeMail, invitationMail } from "./account-mails.ts";
import { areaLink, areaOfKind } from "./areas.ts";
import { requireKvkNumberFree } from "./client-kvk-numbers.ts";
import type { AccountsDeps } from "./deps.ts";
import { issueLinkToken } from "./link-tokens.ts";
import {
  type AccountRow,
  findAccountMembership,
  findAccountWithContext,
  findOfficeMembership,
  findOfficeStaffAccount,
  insertAccount,
  insertClient,
  insertMembership,
  isOfficeMemberByEmail,
  listAccountMemberships,
  type MembershipWithAccount,
  type OfficeClientMembership,
  revokeOpenTokens,
  unscopedFindMembership,
  updateMembership,
  upsertClientLogin,
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

/** What writing an account mail takes: the link's token needs the clock. */
export type MailDeps = Pick<AccountsDeps, "clock" | "mailer" | "publicUrl">;

/** What an invitation mail says: the person, who invites them, and the activation link. */
export type InvitationMailData = { name: string; officeName?: string | undefined; url: string };

/**
 * Mail 1 with a fresh link, which replaces the login's open ones (ADR 0006). An area with
 * wording of its own (the eHerkenning means) passes its own template; the link is the same.
 */
export async function mailInvitation(
  deps: MailDeps,
  tx: Database,
  account: AccountRow,
  officeName: string | undefined,
  template: MailTemplate<InvitationMailData> = invitationMail,
): Promise<void> {
  const token = await issueLinkToken(tx, deps.clock, account.id, "invitation");
  await deps.mailer.queue(tx, {
    to: account.email,
    locale: account.locale,
    template,
    data: {
      name: account.name,
      officeName,
      url: areaLink(deps.publicUrl, account.kind, "activate", token),
    },
  });
}

/** Mail 1, audited as the invitation of a staff login. */
async function sendInvitation(
  deps: AccountsDeps,
  tx: Database,
  account: AccountRow,
  actor: AuditEvent["actor"],
  about: { officeName?: string | undefined },
): Promise<void> {
  await mailInvitation(deps, tx, account, about.officeName);
  await recordAuditEvent(tx, deps.clock, {
    actor,
    action: "account.invited",
    subject: { type: "account", id: account.id },
    details: { kind: account.kind, role: account.role },
    officeId: account.officeId ?? undefined,
  });
}

/**
 * Tells the person about a membership the office (or a company's main account) gave them. A
 * login not yet activated gets the ordinary invitation with a fresh link (the newest link is
 * the only one that works, ADR 0006); an active login gets the news and the way to log in, in
 * its own language, and no link. Either way the office's answer is the same (ADR 0011).
 */
async function mailAboutMembership(
  deps: MailDeps,
  tx: Database,
  { membership, account }: MembershipWithAccount,
): Promise<void> {
  const place = await findAccountMembership(tx, account.id, membership.id);
  if (!place) throw new Error("a membership to mail about was not found");
  if (account.status === "invited") {
    await mailInvitation(deps, tx, account, place.officeName);
  } else if (account.status === "active") {
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
}

/** The audit event of a membership given (or given again) to a login. */
function auditMembershipInvitation(
  deps: AccountsDeps,
  tx: Database,
  { membership, account }: MembershipWithAccount,
  actor: AuditEvent["actor"],
) {
  return recordAuditEvent(tx, deps.clock, {
    actor,
    action: "account.invited",
    subject: { type: "account", id: account.id },
    details: { kind: account.kind, membershipId: membership.id },
    officeId: membership.officeId,
  });
}

/**
 * The mail about a new membership is written by a job, not by the invitation's request: which
 * mail it is (an invitation with its link, or "you can now see your dossiers with …") depends
 * on the login, and so does the work (a link token or none). Done in the request, that work
 * would tell the office by the answer's timing whether the address had a login (issue 11).
 */
const membershipMailJob = defineJobType({
  name: "accounts.mail-membership",
  payload: z.object({ membershipId: z.uuid() }),
  maxAttempts: 5,
});

/** Runs the mails about new memberships; a membership withdrawn meanwhile gets none. */
export function registerMembershipMails(jobs: JobRunner, deps: MailDeps): void {
  jobs.handle(membershipMailJob, async ({ membershipId }, { db }) => {
    await db.transaction(async (tx) => {
      const found = await unscopedFindMembership(tx, membershipId);
      if (!found || found.membership.revokedAt) return;
      await mailAboutMembership(deps, tx, found);
    });
  });
}

/**
 * A membership for the address at this office's client: a new login (invited) when the address
 * has none, else the person's existing login. The same statements run either way, and the mail
 * is a job's (`membershipMailJob`); what the asker gets back is built from what it entered. So
 * neither the answer nor its timing tells whether the address was known (ADR 0011).
 */
async function addClientLogin(
  deps: AccountsDeps,
  tx: Database,
  place: { officeId: string; clientId: string; isMainAccount: boolean },
  person: { email: string; name: string; mobile: string | null; locale: "nl" | "en" },
  actor: AuditEvent["actor"],
): Promise<MembershipWithAccount> {
  const now = deps.clock.now();
  const account = await upsertClientLogin(tx, {
    kind: "client",
    officeId: null,
    role: null,
    ...person,
    createdAt: now,
  });
  const membership = await insertMembership(tx, {
    accountId: account.id,
    ...place,
    name: person.name,
    invitedAt: now,
    createdAt: now,
  });
  if (!membership) throw addressTaken();
  const added = { membership, account };
  await enqueueJob(tx, deps.clock, membershipMailJob, { membershipId: membership.id });
  await auditMembershipInvitation(deps, tx, added, actor);
  return added;
}

/**
 * Office staff create a client (person or company, with its KvK number when known) with its
 * main account (B1, B13). An address that is already a client account of this office is
 * refused (the office's own list shows it); one known anywhere else gets a membership on the
 * person's existing login (ADR 0011).
 */
export function inviteClient(
  deps: AccountsDeps,
  scope: OfficeScope,
  input: InviteClient,
  actor: AuditEvent["actor"],
): Promise<OfficeClientMembership> {
  return deps.db.transaction(async (tx) => {
    if (await isOfficeMemberByEmail(tx, scope, input.email)) throw addressTaken();
    if (input.kvkNumber) await requireKvkNumberFree(tx, scope, input.kvkNumber);
    const client = await insertClient(tx, {
      officeId: scope.officeId,
      kind: input.kind,
      name: input.name,
      kvkNumber: input.kvkNumber ?? null,
      createdAt: deps.clock.now(),
    });
    const login = await addClientLogin(
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
    return { ...login, client };
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
 * The eHerkenning supplier's people (catalogue admins, reviewers, the identification partner's
 * agents), created by an operator with the CLI or by the demo data.
 */
export function inviteSupplierStaff(
  deps: AccountsDeps,
  input: { name: string; email: string; role: SupplierRole; locale: "nl" | "en" },
  actor: AuditEvent["actor"] = { type: "operator" },
): Promise<AccountRow> {
  return inviteColleague(deps, { kind: "supplier", officeId: null, ...input }, actor);
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
      officeId: account.officeId ?? undefined,
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
    const again = { ...found, membership: { ...found.membership, invitedAt, revokedAt: null } };
    await mailAboutMembership(deps, tx, again);
    await auditMembershipInvitation(deps, tx, again, actor);
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
      officeId: membership.officeId,
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
