import { AppError } from "#src/server/errors.ts";
import {
  type AccountRow,
  insertAccount,
  insertClient,
  insertMembership,
  type MembershipRow,
} from "#src/server/modules/accounts/repository.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { hashPassword } from "#src/server/platform/security/password-hashing.ts";

/** Which client of which office a demo client login acts for: an existing client, or a new one. */
export interface DemoMembership {
  officeId: string;
  /** A new company may come with its KvK number, by which an eHerkenning login finds it. */
  client: { id: string } | { kind: "person" | "company"; name: string; kvkNumber?: string };
  /** A company's main account (the default), or an extra account. */
  isMainAccount?: boolean;
}

export interface DemoAccount {
  kind: "client" | "staff" | "platform" | "supplier" | "means";
  /** Staff: their office. Absent for clients (see `membership`) and platform staff. */
  officeId?: string;
  email: string;
  name: string;
  role?:
    | "admin"
    | "notary"
    | "handler"
    | "assistant"
    | "servicedesk"
    | "member-admin"
    | "reviewer"
    | "partner-agent";
  /** A client login: the office's client it acts for first. */
  membership?: DemoMembership;
  /** Staff log in with a second step: codes go to this number (the dev outbox shows them). */
  smsPhone?: string;
  /** An eHerkenning means holder is held to the second step of the level. */
  requiredSecondFactor?: "sms" | "totp";
}

/**
 * An active account with a known password, for the demo data only: real accounts always
 * start with a mailed invitation.
 */
export async function createDemoAccount(
  db: Database,
  clock: Clock,
  demo: DemoAccount,
  password: string,
): Promise<{ account: AccountRow; membership: MembershipRow | undefined }> {
  const now = clock.now();
  const account = await insertAccount(db, {
    kind: demo.kind,
    officeId: demo.kind === "staff" ? (demo.officeId ?? null) : null,
    role: demo.role ?? null,
    email: demo.email,
    name: demo.name,
    mobile: demo.smsPhone ?? null,
    status: "active",
    passwordHash: await hashPassword(password),
    passwordChangedAt: now,
    twoFactorMethod: demo.smsPhone ? "sms" : "none",
    twoFactorPhone: demo.smsPhone ?? null,
    requiredSecondFactor: demo.requiredSecondFactor ?? null,
    createdAt: now,
  });
  if (!account) throw new AppError("conflict");
  const membership = demo.membership
    ? await addDemoMembership(db, clock, account, demo.membership)
    : undefined;
  return { account, membership };
}

/** The demo login acts for this client too; as demo data, the person has been there already. */
export async function addDemoMembership(
  db: Database,
  clock: Clock,
  account: AccountRow,
  demo: DemoMembership,
): Promise<MembershipRow> {
  const now = clock.now();
  const clientId =
    "id" in demo.client
      ? demo.client.id
      : (await insertClient(db, { officeId: demo.officeId, ...demo.client, createdAt: now })).id;
  const membership = await insertMembership(db, {
    accountId: account.id,
    officeId: demo.officeId,
    clientId,
    isMainAccount: demo.isMainAccount ?? true,
    name: account.name,
    invitedAt: now,
    joinedAt: now,
    createdAt: now,
  });
  if (!membership) throw new AppError("conflict");
  return membership;
}
