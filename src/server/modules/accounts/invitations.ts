import type { InviteClient, InviteStaff } from "#src/contracts/accounts.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { invitationMail } from "./account-mails.ts";
import { areaLink } from "./areas.ts";
import type { AccountsDeps } from "./deps.ts";
import { issueLinkToken } from "./link-tokens.ts";
import {
  type AccountRow,
  findAccountWithContext,
  insertAccount,
  insertClient,
  revokeOpenTokens,
} from "./repository.ts";

type NewAccount = Pick<
  AccountRow,
  | "kind"
  | "officeId"
  | "clientId"
  | "role"
  | "isMainAccount"
  | "email"
  | "name"
  | "mobile"
  | "locale"
>;

/** Creates an account in the invited state and mails its first link (mail 1), in one go. */
async function createInvitedAccount(
  deps: AccountsDeps,
  tx: Database,
  values: NewAccount,
  actor: AuditEvent["actor"],
): Promise<AccountRow> {
  const { clock } = deps;
  const account = await insertAccount(tx, { ...values, createdAt: clock.now() });
  if (!account) {
    throw new AppError("conflict", [
      { path: "email", code: "taken", message: "An account with this e-mail address exists" },
    ]);
  }
  await sendInvitation(deps, tx, account, actor);
  return account;
}

async function sendInvitation(
  deps: AccountsDeps,
  tx: Database,
  account: AccountRow,
  actor: AuditEvent["actor"],
): Promise<void> {
  const token = await issueLinkToken(tx, deps.clock, account.id, "invitation");
  const context = await findAccountWithContext(tx, account.id);
  await deps.mailer.queue(tx, {
    to: account.email,
    locale: account.locale,
    template: invitationMail,
    data: {
      name: account.name,
      officeName: context?.officeName ?? undefined,
      url: areaLink(deps.publicUrl, account.kind, "activate", token),
    },
  });
  await recordAuditEvent(tx, deps.clock, {
    actor,
    action: "account.invited",
    subject: { type: "account", id: account.id },
    details: { kind: account.kind, role: account.role },
  });
}

/** Office staff create a client (person or company) with its main account (B1, B13). */
export function inviteClient(
  deps: AccountsDeps,
  scope: OfficeScope,
  input: InviteClient,
  actor: AuditEvent["actor"],
): Promise<AccountRow> {
  return deps.db.transaction(async (tx) => {
    const client = await insertClient(tx, {
      officeId: scope.officeId,
      kind: input.kind,
      name: input.name,
      createdAt: deps.clock.now(),
    });
    return createInvitedAccount(
      deps,
      tx,
      {
        kind: "client",
        officeId: scope.officeId,
        clientId: client.id,
        role: null,
        isMainAccount: true,
        email: input.email,
        name: input.kind === "company" ? (input.contactName ?? input.name) : input.name,
        // The contract has normalised it to E.164.
        mobile: input.mobile ?? null,
        locale: input.locale,
      },
      actor,
    );
  });
}

/** A company's main account adds an extra account that acts for the company (B12). */
export function inviteExtraAccount(
  deps: AccountsDeps,
  mainAccount: AccountRow,
  input: { name: string; email: string; locale: "nl" | "en" },
): Promise<AccountRow> {
  return deps.db.transaction((tx) =>
    createInvitedAccount(
      deps,
      tx,
      {
        kind: "client",
        officeId: mainAccount.officeId,
        clientId: mainAccount.clientId,
        role: null,
        isMainAccount: false,
        email: input.email,
        name: input.name,
        mobile: null,
        locale: input.locale,
      },
      { type: "client", id: mainAccount.id },
    ),
  );
}

/** Staff of an office, or of the platform: no client, no main account, a role. */
function inviteColleague(
  deps: AccountsDeps,
  values: Pick<NewAccount, "kind" | "officeId" | "role" | "email" | "name" | "locale">,
  actor: AuditEvent["actor"],
): Promise<AccountRow> {
  return deps.db.transaction((tx) =>
    createInvitedAccount(
      deps,
      tx,
      { ...values, clientId: null, isMainAccount: false, mobile: null },
      actor,
    ),
  );
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

/** Sends a fresh invitation; the earlier link stops working. Only for accounts not yet active. */
export async function resendInvitation(
  deps: AccountsDeps,
  account: AccountRow,
  actor: AuditEvent["actor"],
): Promise<void> {
  if (account.status !== "invited") throw new AppError("conflict");
  await deps.db.transaction((tx) => sendInvitation(deps, tx, account, actor));
}

/** Withdraws an invitation that was not accepted yet: its link stops working. */
export async function revokeInvitation(
  deps: AccountsDeps,
  account: AccountRow,
  actor: AuditEvent["actor"],
): Promise<void> {
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
