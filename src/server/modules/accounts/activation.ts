import { z } from "zod";
import { type LoginArea, type LoginOutcome, loginAreaSchema } from "#src/contracts/accounts.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import { enqueueJob } from "#src/server/platform/jobs/enqueue-job.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";
import { hashPassword } from "#src/server/platform/security/password-hashing.ts";
import { checkNewPassword } from "#src/server/platform/security/password-policy.ts";
import { emailConfirmationMail, passwordResetMail, passwordSetMail } from "./account-mails.ts";
import { areaLink, areaOfKind, kindOfArea } from "./areas.ts";
import type { AccountsDeps, RequestOrigin } from "./deps.ts";
import { findOpenLink, issueLinkToken, spendLink } from "./link-tokens.ts";
import { startSessionAfterPassword } from "./login.ts";
import { loginOfficeOf } from "./login-office.ts";
import {
  endAccountSessions,
  findAccountByEmail,
  findAccountWithContext,
  updateAccount,
} from "./repository.ts";
import { auditActor } from "./request-actors.ts";
import type { StartedSession } from "./sessions.ts";

/** What a mailed link is for, so its page can show the right step (or say it is spent). */
export async function describeLink(deps: AccountsDeps, token: string) {
  const link = await findOpenLink(deps.db, deps.clock, token, [
    "invitation",
    "email-confirmation",
    "password-reset",
  ]);
  const found = await findAccountWithContext(deps.db, link.accountId);
  if (!found) throw new AppError("link_invalid");
  return { purpose: link.purpose, area: areaOfKind[found.account.kind] };
}

/**
 * Step 2 of the activation: the invited person types their e-mail address. Only the invited
 * address continues (mail 2 with the "Instellen wachtwoord" link); any other gets the same
 * answer, so the page tells nobody which address was invited.
 */
export async function confirmInvitationEmail(
  deps: AccountsDeps,
  token: string,
  email: string,
  origin: RequestOrigin,
): Promise<void> {
  const { db, clock } = deps;
  await db.transaction(async (tx) => {
    const link = await findOpenLink(tx, clock, token, ["invitation"]);
    const found = await findAccountWithContext(tx, link.accountId);
    if (!found) throw new AppError("link_invalid");
    const { account, officeName } = found;
    if (account.email !== email) {
      await recordAuditEvent(tx, clock, {
        actor: auditActor(account),
        action: "activation.email-mismatch",
        subject: { type: "account", id: account.id },
        ip: origin.ip,
      });
      return;
    }
    await spendLink(tx, clock, link.id);
    const next = await issueLinkToken(tx, clock, account.id, "email-confirmation");
    await deps.mailer.queue(tx, {
      to: account.email,
      locale: account.locale,
      template: emailConfirmationMail,
      data: {
        name: account.name,
        officeName: officeName ?? undefined,
        url: areaLink(deps.publicUrl, account.kind, "set-password", next),
      },
    });
    await recordAuditEvent(tx, clock, {
      actor: auditActor(account),
      action: "activation.email-confirmed",
      subject: { type: "account", id: account.id },
      ip: origin.ip,
    });
  });
}

/**
 * A forgotten-password request, handled in the background. Its payload holds the e-mail address
 * as the request gave it (trimmed and lower-cased by the contract) and the request's IP, for
 * the audit event: so any address anyone types, with or without an account, stays in the `jobs`
 * table until finished jobs are purged (after a week). Acceptable: it is the operator's own
 * database, kept briefly, and the price of an answer that takes as long for every address
 * (issue 11, item 5).
 */
const passwordResetJob = defineJobType({
  name: "accounts.password-reset",
  payload: z.object({ area: loginAreaSchema, email: z.string(), ip: z.string() }),
  maxAttempts: 5,
});

/**
 * "Wachtwoord vergeten": a reset link for an active account of this area. The answer is the
 * same whether or not the address has an account, and so is the work before it: one short
 * transaction that enqueues a job, for every address, so the answer's timing tells nothing
 * either. The job looks the address up and mails the link (`registerPasswordResets`).
 */
export async function requestPasswordReset(
  deps: AccountsDeps,
  area: LoginArea,
  email: string,
  origin: RequestOrigin,
): Promise<void> {
  const { db, clock } = deps;
  await db.transaction(async (tx) => {
    await enqueueJob(tx, clock, passwordResetJob, { area, email, ip: origin.ip });
  });
}

/**
 * Runs the forgotten-password requests: an active account of the area with the address gets a
 * reset link by mail, and the request is audited, all in the job's one transaction; for any
 * other address the job just ends. A job repeated after a crash mails a new link, which
 * replaces the first.
 */
export function registerPasswordResets(
  jobs: JobRunner,
  deps: { clock: Clock; mailer: Mailer; publicUrl: string },
): void {
  const { clock } = deps;
  jobs.handle(passwordResetJob, async ({ area, email, ip }, { db }) => {
    await db.transaction(async (tx) => {
      const account = await findAccountByEmail(tx, kindOfArea[area], email);
      if (account?.status !== "active") return;
      const found = await findAccountWithContext(tx, account.id);
      const token = await issueLinkToken(tx, clock, account.id, "password-reset");
      await deps.mailer.queue(tx, {
        to: account.email,
        locale: account.locale,
        template: passwordResetMail,
        data: {
          name: account.name,
          officeName: found?.officeName ?? undefined,
          url: areaLink(deps.publicUrl, account.kind, "set-password", token),
        },
      });
      await recordAuditEvent(tx, clock, {
        actor: auditActor(account),
        action: "password.reset-requested",
        subject: { type: "account", id: account.id },
        ip,
      });
    });
  });
}

export interface PasswordSetResult {
  session: StartedSession;
  outcome: LoginOutcome;
}

/**
 * "Instellen wachtwoord", reached from mail 2 or a reset mail: sets the password, activates
 * the account, ends every other session, confirms by mail 3 and logs the user in. A second
 * factor, once set up, is still asked for: a mailed link alone never opens the account.
 */
export async function setPasswordWithLink(
  deps: AccountsDeps,
  token: string,
  password: string,
  origin: RequestOrigin,
): Promise<PasswordSetResult> {
  const { db, clock } = deps;
  const probe = await findOpenLink(db, clock, token, ["email-confirmation", "password-reset"]);
  const target = await findAccountWithContext(db, probe.accountId);
  if (!target) throw new AppError("link_invalid");
  const problems = checkNewPassword(password, {
    email: target.account.email,
    name: target.account.name,
  });
  if (problems.length > 0) {
    throw new AppError(
      "validation_failed",
      problems.map((code) => ({ path: "password", code, message: code })),
    );
  }
  // Hashing is deliberately slow: done before the transaction, so it holds no locks meanwhile.
  const passwordHash = await hashPassword(password);

  return db.transaction(async (tx) => {
    const link = await findOpenLink(tx, clock, token, ["email-confirmation", "password-reset"]);
    await spendLink(tx, clock, link.id);
    const { account, officeName } = target;
    const now = clock.now();
    await updateAccount(tx, account.id, {
      passwordHash,
      passwordChangedAt: now,
      status: "active",
      failedLogins: 0,
      lockedUntil: null,
    });
    await endAccountSessions(tx, account.id, now);
    await deps.mailer.queue(tx, {
      to: account.email,
      locale: account.locale,
      template: passwordSetMail,
      data: {
        name: account.name,
        officeName: officeName ?? undefined,
        when: formatMoment(now, account.locale),
      },
    });
    await recordAuditEvent(tx, clock, {
      actor: auditActor(account),
      action: link.purpose === "password-reset" ? "password.reset" : "account.activated",
      subject: { type: "account", id: account.id },
      ip: origin.ip,
      officeId: await loginOfficeOf(tx, account),
    });
    return startSessionAfterPassword(deps, tx, account, origin);
  });
}

/** "23 november 2026 om 10:15" in Dutch time, as the recipient reads it. */
export function formatMoment(moment: Date, locale: "nl" | "en"): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(moment);
}
