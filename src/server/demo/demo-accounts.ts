import { AppError } from "#src/server/errors.ts";
import {
  type AccountRow,
  insertAccount,
  insertClient,
} from "#src/server/modules/accounts/repository.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { hashPassword } from "#src/server/platform/security/password-hashing.ts";

export interface DemoAccount {
  kind: "client" | "staff" | "platform";
  /** Absent for platform staff, who belong to no office. */
  officeId?: string;
  email: string;
  name: string;
  role?: "admin" | "notary" | "handler" | "assistant" | "servicedesk" | "member-admin";
  /** For a client: the client it belongs to (extra accounts), or a new one of this kind. */
  client?: { id: string } | { kind: "person" | "company"; name: string };
  isMainAccount?: boolean;
  /** Staff log in with a second step: codes go to this number (the dev outbox shows them). */
  smsPhone?: string;
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
): Promise<AccountRow> {
  const now = clock.now();
  const clientId =
    demo.client && "id" in demo.client
      ? demo.client.id
      : demo.client && demo.officeId
        ? (await insertClient(db, { officeId: demo.officeId, ...demo.client, createdAt: now })).id
        : null;
  const account = await insertAccount(db, {
    kind: demo.kind,
    officeId: demo.officeId ?? null,
    clientId,
    role: demo.role ?? null,
    isMainAccount: demo.isMainAccount ?? demo.kind === "client",
    email: demo.email,
    name: demo.name,
    mobile: demo.smsPhone ?? null,
    status: "active",
    passwordHash: await hashPassword(password),
    passwordChangedAt: now,
    twoFactorMethod: demo.smsPhone ? "sms" : "none",
    twoFactorPhone: demo.smsPhone ?? null,
    createdAt: now,
  });
  if (!account) throw new AppError("conflict");
  return account;
}
