import type { LoginArea, LoginOutcome } from "#src/contracts/accounts.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { hashPassword, verifyPassword } from "#src/server/platform/security/password-hashing.ts";
import { consumeRateLimit, resetRateLimit } from "#src/server/platform/security/rate-limiter.ts";
import { admitFromAddress, countFailureFromAddress } from "./address-limits.ts";
import { actorOfKind, kindOfArea } from "./areas.ts";
import { type AccountsDeps, browserDetails, type RequestOrigin } from "./deps.ts";
import { loginOfficeOf } from "./login-office.ts";
import {
  type AccountKind,
  type AccountRow,
  endSession,
  findAccountByEmail,
  recordFailedLogin,
  updateAccount,
} from "./repository.ts";
import { auditActor } from "./request-actors.ts";
import { sendLoginCode } from "./second-factor.ts";
import { type StartedSession, startSession } from "./sessions.ts";

/** Consecutive wrong passwords before an account is locked, and for how long (doubling). */
const LOCK_AFTER_FAILURES = 5;
const FIRST_LOCK = 15 * MINUTE;
/** Attempts on one account from anywhere. */
const PER_ACCOUNT = { limit: 10, windowMs: 15 * MINUTE };

// Verified against when the address is unknown, so both cases take as long.
const decoyHash = hashPassword("poort decoy password that never matches");

export interface LoginResult {
  session: StartedSession;
  outcome: LoginOutcome;
}

/**
 * Checks an e-mail address and password of an account of the kind. Wrong address, wrong
 * password, an account not yet active or locked: all get the same `login_failed`, so the answer
 * reveals no account; every failure is audited and counts towards the lock-out and the rate
 * limits per e-mail address and per IP address (failures only there). Returns the active account.
 */
export async function verifyCredentials(
  deps: AccountsDeps,
  input: { kind: AccountKind; email: string; password: string },
  origin: RequestOrigin,
): Promise<AccountRow> {
  const { db, clock } = deps;
  const { kind } = input;
  await admitFromAddress(deps, "login", origin.ip);
  const byAccount = await consumeRateLimit(db, clock, `login:${kind}:${input.email}`, PER_ACCOUNT);
  if (!byAccount.allowed) {
    throw new AppError("rate_limited", [], { retryAfterMs: byAccount.retryAfterMs });
  }

  const account = await findAccountByEmail(db, kind, input.email);
  const passwordMatches = await verifyPassword(
    input.password,
    account?.passwordHash ?? (await decoyHash),
  );
  const now = clock.now();
  const locked = Boolean(account?.lockedUntil && account.lockedUntil > now);
  if (account?.status !== "active" || !passwordMatches || locked) {
    const officeId = account && (await loginOfficeOf(db, account));
    await db.transaction(async (tx) => {
      if (account && !passwordMatches) await lockWhenRepeated(deps, tx, account);
      await countFailureFromAddress(deps, tx, "login", origin.ip);
      await recordAuditEvent(tx, clock, {
        actor: { type: actorOfKind[kind], id: account?.id },
        action: "session.login-failed",
        subject: account ? { type: "account", id: account.id } : undefined,
        ip: origin.ip,
        officeId,
        details: {
          reason: !account
            ? "unknown"
            : locked
              ? "locked"
              : !passwordMatches
                ? "password"
                : account.status,
          ...browserDetails(origin),
        },
      });
    });
    throw new AppError("login_failed");
  }
  await updateAccount(db, account.id, { failedLogins: 0, lockedUntil: null });
  await resetRateLimit(db, `login:${kind}:${input.email}`);
  return account;
}

/**
 * Password login: the credentials are checked as `verifyCredentials` does, then the session
 * starts with a new id (a session the browser already had is ended) and is complete only after
 * the second step.
 */
export async function logIn(
  deps: AccountsDeps,
  input: { area: LoginArea; email: string; password: string },
  origin: RequestOrigin,
  previousSessionId: string | undefined,
): Promise<LoginResult> {
  const { db, clock } = deps;
  const kind = kindOfArea[input.area];
  const account = await verifyCredentials(deps, { kind, ...input }, origin);
  const now = clock.now();

  return db.transaction(async (tx) => {
    if (previousSessionId) await endSession(tx, previousSessionId, now);
    const result = await startSessionAfterPassword(deps, tx, account, origin);
    const secondStep = result.outcome.next === "second-factor";
    if (secondStep && account.twoFactorMethod === "sms") await sendLoginCode(deps, tx, account);
    await recordAuditEvent(tx, clock, {
      actor: auditActor(account),
      action: secondStep ? "session.password-accepted" : "session.login",
      subject: { type: "account", id: account.id },
      ip: origin.ip,
      details: browserDetails(origin),
      officeId: await loginOfficeOf(tx, account),
    });
    return result;
  });
}

/**
 * The session that follows an accepted password (a login, or a password set with a mailed
 * link): complete, or waiting for the second step when the account has one.
 */
export async function startSessionAfterPassword(
  deps: AccountsDeps,
  tx: Database,
  account: AccountRow,
  origin: RequestOrigin,
): Promise<LoginResult> {
  const method = account.twoFactorMethod === "none" ? undefined : account.twoFactorMethod;
  const stage = method ? "second-factor" : "complete";
  const session = await startSession(tx, deps.clock, account.id, stage, origin);
  return { session, outcome: loginOutcome(account, method) };
}

/** Where the user goes next: the second step, setting one up (staff must), or in. */
export function loginOutcome(
  account: AccountRow,
  method: "sms" | "totp" | undefined,
): LoginOutcome {
  const firstLogin = !account.profileSeenAt;
  if (method) return { next: "second-factor", method, firstLogin };
  if (account.kind !== "client") return { next: "set-up-second-factor", firstLogin };
  return { next: "done", firstLogin };
}

async function lockWhenRepeated(
  deps: AccountsDeps,
  tx: Parameters<typeof recordFailedLogin>[0],
  account: AccountRow,
) {
  const failures = account.failedLogins + 1;
  const lockedUntil =
    failures >= LOCK_AFTER_FAILURES
      ? new Date(deps.clock.now().getTime() + lockDuration(failures))
      : null;
  await recordFailedLogin(tx, account.id, lockedUntil);
}

/** 15 minutes at the fifth failure, doubling with each further one, at most a day. */
function lockDuration(failures: number): number {
  return Math.min(FIRST_LOCK * 2 ** (failures - LOCK_AFTER_FAILURES), 24 * 60 * MINUTE);
}
