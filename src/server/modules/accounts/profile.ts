import type { Profile } from "#src/contracts/accounts.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { verifyPassword } from "#src/server/platform/security/password-hashing.ts";
import { type AccountsDeps, browserDetails, type RequestOrigin } from "./deps.ts";
import {
  type AccountRow,
  endAccountSessions,
  endSession,
  findAccountById,
  updateAccount,
} from "./repository.ts";
import { auditActor } from "./request-actors.ts";
import { countUnusedRecoveryCodes } from "./second-factor-repository.ts";

/** "Mijn gegevens" (B11). */
export async function getProfile(deps: AccountsDeps, account: AccountRow): Promise<Profile> {
  return {
    name: account.name,
    email: account.email,
    mobile: account.mobile,
    locale: account.locale,
    notifications: {
      documents: account.notifyDocuments,
      questionnaires: account.notifyQuestionnaires,
      messages: account.notifyMessages,
    },
    twoFactorMethod: account.twoFactorMethod,
    unusedRecoveryCodes: await countUnusedRecoveryCodes(deps.db, account.id),
  };
}

export async function updateProfile(
  deps: AccountsDeps,
  account: AccountRow,
  changes: {
    name?: string | undefined;
    locale?: "nl" | "en" | undefined;
    notifications?:
      | {
          documents?: boolean | undefined;
          questionnaires?: boolean | undefined;
          messages?: boolean | undefined;
        }
      | undefined;
  },
): Promise<Profile> {
  await updateAccount(deps.db, account.id, {
    name: changes.name,
    locale: changes.locale,
    notifyDocuments: changes.notifications?.documents,
    notifyQuestionnaires: changes.notifications?.questionnaires,
    notifyMessages: changes.notifications?.messages,
  });
  const updated = await findAccountById(deps.db, account.id);
  if (!updated) throw new AppError("not_found");
  return getProfile(deps, updated);
}

/** Changes that weaken the account's protection ask for the password again. */
export async function confirmPassword(account: AccountRow, password: string): Promise<void> {
  if (!account.passwordHash || !(await verifyPassword(password, account.passwordHash))) {
    throw new AppError("login_failed");
  }
}

/**
 * "Uitloggen": the browser's session ends, recorded for the account's own security events
 * (issue 19), in one transaction.
 */
export async function logOut(
  deps: Pick<AccountsDeps, "db" | "clock">,
  account: Pick<AccountRow, "id" | "kind">,
  sessionId: string,
  origin: RequestOrigin,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await endSession(tx, sessionId, deps.clock.now());
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(account),
      action: "session.logout",
      subject: { type: "account", id: account.id },
      ip: origin.ip,
      details: browserDetails(origin),
    });
  });
}

/** "Sign out elsewhere": every session of the account but the current one ends. */
export async function endOtherSessions(
  deps: AccountsDeps,
  account: AccountRow,
  currentSessionId: string,
  origin: RequestOrigin,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await endAccountSessions(tx, account.id, deps.clock.now(), currentSessionId);
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(account),
      action: "session.ended-elsewhere",
      subject: { type: "account", id: account.id },
      ip: origin.ip,
    });
  });
}
