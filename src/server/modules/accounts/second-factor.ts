import { phoneNumberSchema } from "#src/contracts/phone-number.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { MINUTE } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import {
  newNumericCode,
  newRecoveryCode,
  normaliseRecoveryCode,
  safeEqual,
} from "#src/server/platform/security/random-secrets.ts";
import { newTotpSecret, totpSetup, verifyTotp } from "#src/server/platform/security/totp.ts";
import { countFailureFromAddress } from "./address-limits.ts";
import { type AccountsDeps, browserDetails, type RequestOrigin } from "./deps.ts";
import { loginOfficeOf } from "./login-office.ts";
import {
  type AccountRow,
  endSession,
  findAccountById,
  type SessionRow,
  updateAccount,
} from "./repository.ts";
import { auditActor } from "./request-actors.ts";
import {
  type CodePurpose,
  countCodeAttempt,
  findOpenVerificationCode,
  insertVerificationCode,
  markCodeUsed,
  replaceRecoveryCodes,
  spendRecoveryCode,
} from "./second-factor-repository.ts";
import { type StartedSession, startSession } from "./sessions.ts";

const CODE_LIFETIME = 10 * MINUTE;
/** Wrong guesses at one SMS code before it is void (1 in 200,000 odds of a lucky guess). */
const CODE_ATTEMPTS = 5;
const RECOVERY_CODE_COUNT = 10;

async function sendCode(
  deps: AccountsDeps,
  tx: Database,
  account: AccountRow,
  purpose: CodePurpose,
  phone: string,
): Promise<void> {
  const code = newNumericCode();
  const now = deps.clock.now();
  await insertVerificationCode(tx, {
    accountId: account.id,
    purpose,
    codeHash: deps.secrets.fingerprint(code),
    phone,
    expiresAt: new Date(now.getTime() + CODE_LIFETIME),
    createdAt: now,
  });
  const text =
    account.locale === "nl"
      ? `Uw verificatiecode voor Poort is ${code}. De code is 10 minuten geldig. Deel deze code met niemand.`
      : `Your Poort verification code is ${code}. It is valid for 10 minutes. Never share this code.`;
  await deps.sms.queue(tx, { to: phone, text });
}

/** At login with SMS as second factor: a fresh code to the registered number. */
export async function sendLoginCode(deps: AccountsDeps, tx: Database, account: AccountRow) {
  if (!account.twoFactorPhone) throw new AppError("conflict");
  await sendCode(deps, tx, account, "login", account.twoFactorPhone);
}

async function checkSmsCode(
  deps: AccountsDeps,
  tx: Database,
  accountId: string,
  purpose: CodePurpose,
  code: string,
) {
  const now = deps.clock.now();
  const open = await findOpenVerificationCode(tx, accountId, purpose, now);
  if (!open || open.attempts >= CODE_ATTEMPTS) return undefined;
  if (!safeEqual(open.codeHash, deps.secrets.fingerprint(code.trim()))) {
    await countCodeAttempt(tx, open.id);
    return undefined;
  }
  return (await markCodeUsed(tx, open.id, now)) ? open : undefined;
}

async function issueRecoveryCodes(deps: AccountsDeps, tx: Database, accountId: string) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodes(
    tx,
    accountId,
    codes.map((code) => deps.secrets.fingerprint(normaliseRecoveryCode(code))),
    deps.clock.now(),
  );
  return codes;
}

/**
 * The second step of a login: an SMS code, an authenticator (TOTP) code, or a recovery code.
 * Success replaces the half-finished session by a complete one with a new id. Wrong codes
 * count towards the same limits as passwords.
 */
export async function completeSecondFactor(
  deps: AccountsDeps,
  session: SessionRow,
  input: { method: "sms" | "totp" | "recovery"; code: string },
  origin: RequestOrigin,
): Promise<StartedSession> {
  const { db, clock } = deps;
  return db
    .transaction(async (tx) => {
      const account = await findAccountById(tx, session.accountId);
      if (!account || session.stage !== "second-factor") throw new AppError("unauthenticated");
      const accepted = await acceptsCode(deps, tx, account, input);
      await recordAuditEvent(tx, clock, {
        actor: auditActor(account),
        action: accepted ? "session.login" : "session.second-factor-failed",
        subject: { type: "account", id: account.id },
        ip: origin.ip,
        details: { method: input.method, ...browserDetails(origin) },
        officeId: await loginOfficeOf(tx, account),
      });
      if (!accepted) {
        await countFailureFromAddress(deps, tx, "second-factor", origin.ip);
        return undefined;
      }
      await endSession(tx, session.id, clock.now());
      return startSession(tx, clock, account.id, "complete", origin);
    })
    .then((started) => {
      if (!started) throw new AppError("code_invalid");
      return started;
    });
}

async function acceptsCode(
  deps: AccountsDeps,
  tx: Database,
  account: AccountRow,
  input: { method: "sms" | "totp" | "recovery"; code: string },
): Promise<boolean> {
  const now = deps.clock.now();
  if (input.method === "recovery") {
    const fingerprint = deps.secrets.fingerprint(normaliseRecoveryCode(input.code));
    return spendRecoveryCode(tx, account.id, fingerprint, now);
  }
  if (input.method !== account.twoFactorMethod) return false;
  if (input.method === "sms")
    return Boolean(await checkSmsCode(deps, tx, account.id, "login", input.code));
  if (!account.totpSecret) return false;
  const result = verifyTotp(
    deps.secrets.open(account.totpSecret),
    input.code,
    now,
    account.totpLastStep,
  );
  if (!result.ok) return false;
  await updateAccount(tx, account.id, { totpLastStep: result.step });
  return true;
}

/** "Mijn gegevens", 2-step verification by SMS, step 1: a code to the new number. */
export async function startSmsEnrollment(deps: AccountsDeps, account: AccountRow, mobile: string) {
  refuseOtherMethod(account, "sms");
  const phone = phoneNumberSchema.parse(mobile);
  await deps.db.transaction((tx) => sendCode(deps, tx, account, "enroll-sms", phone));
  return { phone };
}

/** Step 2: the code from that SMS. Returns the recovery codes, shown once. */
export async function confirmSmsEnrollment(
  deps: AccountsDeps,
  account: AccountRow,
  code: string,
  origin: RequestOrigin,
): Promise<string[]> {
  const codes = await deps.db.transaction(async (tx) => {
    const used = await checkSmsCode(deps, tx, account.id, "enroll-sms", code);
    if (!used) return undefined;
    await updateAccount(tx, account.id, {
      twoFactorMethod: "sms",
      twoFactorPhone: used.phone,
      mobile: used.phone,
    });
    await auditTwoFactorChange(deps, tx, account, "two-factor.enabled", origin, { method: "sms" });
    return issueRecoveryCodes(deps, tx, account.id);
  });
  if (!codes) throw new AppError("code_invalid");
  return codes;
}

/** Authenticator app, step 1: a new secret as QR code; stored encrypted until confirmed. */
export async function startTotpEnrollment(deps: AccountsDeps, account: AccountRow) {
  refuseOtherMethod(account, "totp");
  const secret = newTotpSecret();
  await updateAccount(deps.db, account.id, {
    totpSecret: deps.secrets.seal(secret),
    totpLastStep: null,
  });
  const setup = await totpSetup(secret, account.email);
  return { ...setup, secret };
}

/** Step 2: a code from the app proves it has the secret. Returns the recovery codes. */
export async function confirmTotpEnrollment(
  deps: AccountsDeps,
  account: AccountRow,
  code: string,
  origin: RequestOrigin,
): Promise<string[]> {
  const fresh = await findAccountById(deps.db, account.id);
  if (!fresh?.totpSecret) throw new AppError("code_invalid");
  const result = verifyTotp(deps.secrets.open(fresh.totpSecret), code, deps.clock.now(), null);
  if (!result.ok) throw new AppError("code_invalid");
  return deps.db.transaction(async (tx) => {
    await updateAccount(tx, account.id, { twoFactorMethod: "totp", totpLastStep: result.step });
    await auditTwoFactorChange(deps, tx, account, "two-factor.enabled", origin, { method: "totp" });
    return issueRecoveryCodes(deps, tx, account.id);
  });
}

/** An account held to one method (an eHerkenning means, by its level) sets up no other. */
function refuseOtherMethod(account: AccountRow, method: "sms" | "totp"): void {
  if (account.requiredSecondFactor && account.requiredSecondFactor !== method) {
    throw new AppError("second_factor_method_not_allowed");
  }
}

/** New recovery codes; the old ones stop working. */
export function regenerateRecoveryCodes(
  deps: AccountsDeps,
  account: AccountRow,
  origin: RequestOrigin,
): Promise<string[]> {
  return deps.db.transaction(async (tx) => {
    await auditTwoFactorChange(deps, tx, account, "two-factor.recovery-codes-renewed", origin, {});
    return issueRecoveryCodes(deps, tx, account.id);
  });
}

/** Turns 2-step verification off (clients only; the route asks for the password first). */
export async function disableTwoFactor(
  deps: AccountsDeps,
  account: AccountRow,
  origin: RequestOrigin,
) {
  if (account.kind !== "client") throw new AppError("forbidden");
  await deps.db.transaction(async (tx) => {
    await updateAccount(tx, account.id, {
      twoFactorMethod: "none",
      twoFactorPhone: null,
      totpSecret: null,
      totpLastStep: null,
    });
    await replaceRecoveryCodes(tx, account.id, [], deps.clock.now());
    await auditTwoFactorChange(deps, tx, account, "two-factor.disabled", origin, {});
  });
}

function auditTwoFactorChange(
  deps: AccountsDeps,
  tx: Database,
  account: AccountRow,
  action: string,
  origin: RequestOrigin,
  details: Record<string, unknown>,
) {
  return recordAuditEvent(tx, deps.clock, {
    actor: auditActor(account),
    action,
    subject: { type: "account", id: account.id },
    ip: origin.ip,
    details,
  });
}
