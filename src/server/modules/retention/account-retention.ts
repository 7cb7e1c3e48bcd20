import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { type Clock, DAY } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";
import { endAllSessionsOfAccount } from "../accounts/sessions.ts";
import {
  accountDeactivationNoticeMail,
  accountDeletionNoticeMail,
} from "./account-retention-mails.ts";
import {
  type AccountRetentionRow,
  deleteAccountRetention,
  deleteClientAccount,
  listMembershipOffices,
  setClientAccountStatus,
  unscopedListAccountRetention,
  unscopedListAccountsWithDossiersAgain,
  unscopedLockAccountRetention,
  unscopedMarkAccountsWithoutDossiers,
  updateAccountRetention,
} from "./repository.ts";
import {
  NOTICE_DAYS,
  noticeDue,
  plannedDayReached,
  type RetentionStep,
  stepDay,
  stepDue,
} from "./retention-dates.ts";

export interface AccountRetentionDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  /** `ACCOUNT_DEACTIVATE_MONTHS` and `ACCOUNT_DELETE_MONTHS`, both counted from the same day. */
  deactivateMonths: number;
  deleteMonths: number;
}

const BATCH = 200;

export interface AccountRoundOutcome {
  reactivated: number;
  noticed: number;
  deactivated: number;
  deleted: number;
}

type Done = "reactivated" | "noticed" | "deactivated" | "deleted";

/**
 * The daily round over client logins without any dossier (ADR 0023): the count starts the first
 * round that finds one so; 30 days before `deactivateMonths` it is told, then deactivated; 30
 * days before `deleteMonths` told again, then deleted. A login that has a dossier again starts
 * over, and is active again if this round had deactivated it. One that never came in (still
 * invited) is not mailed: it is deleted at `deleteMonths`. Staff and other accounts are not
 * touched. Each login in a transaction of its own, with its rows locked and checked again.
 */
export async function runAccountRetention(
  deps: AccountRetentionDeps,
): Promise<AccountRoundOutcome> {
  const outcome: AccountRoundOutcome = { reactivated: 0, noticed: 0, deactivated: 0, deleted: 0 };
  await unscopedMarkAccountsWithoutDossiers(deps.db, deps.clock.now());
  for (;;) {
    const back = await unscopedListAccountsWithDossiersAgain(deps.db, BATCH);
    for (const row of back) {
      if (await startOver(deps, row)) outcome.reactivated += 1;
    }
    if (back.length < BATCH) break;
  }
  // Candidates: their first step is at most the notice period (and a day) away.
  const since = new Date(deps.clock.now());
  since.setUTCMonth(since.getUTCMonth() - deps.deactivateMonths);
  const horizon = new Date(since.getTime() + (NOTICE_DAYS + 2) * DAY);
  let after: string | undefined;
  for (;;) {
    const batch = await unscopedListAccountRetention(deps.db, {
      since: horizon,
      after,
      limit: BATCH,
    });
    for (const candidate of batch) {
      const done = await retainOne(deps, candidate.accountId);
      if (done) outcome[done] += 1;
    }
    after = batch.at(-1)?.accountId;
    if (!after || batch.length < BATCH) return outcome;
  }
}

/** A login with a dossier again: the count ends, and what this round deactivated is active. */
async function startOver(
  deps: AccountRetentionDeps,
  row: { accountId: string; deactivatedAt: Date | null; status: string },
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    await deleteAccountRetention(tx, row.accountId);
    if (!row.deactivatedAt || row.status !== "deactivated") return false;
    await setClientAccountStatus(tx, row.accountId, "active");
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "account.reactivated-by-retention",
      subject: { type: "account", id: row.accountId },
    });
    return true;
  });
}

/** The two told steps: the months they come after, and what records that they were told. */
const steps = {
  deactivation: {
    months: (deps: AccountRetentionDeps) => deps.deactivateMonths,
    noticedAt: (row: AccountRetentionRow) => row.deactivationNoticedAt,
    mail: accountDeactivationNoticeMail,
    told: (now: Date) => ({ deactivationNoticedAt: now }),
  },
  deletion: {
    months: (deps: AccountRetentionDeps) => deps.deleteMonths,
    noticedAt: (row: AccountRetentionRow) => row.deletionNoticedAt,
    mail: accountDeletionNoticeMail,
    told: (now: Date) => ({ deletionNoticedAt: now }),
  },
} as const;

function retainOne(deps: AccountRetentionDeps, accountId: string): Promise<Done | undefined> {
  return deps.db.transaction(async (tx) => {
    const row = await unscopedLockAccountRetention(tx, accountId);
    if (!row) return undefined;
    if (row.status === "active") {
      return stepTowards(tx, deps, row, "deactivation", async (now) => {
        await setClientAccountStatus(tx, accountId, "deactivated");
        await endAllSessionsOfAccount(tx, deps.clock, accountId);
        await updateAccountRetention(tx, accountId, { deactivatedAt: now });
        await recordAuditEvent(tx, deps.clock, {
          actor: { type: "system" },
          action: "account.deactivated-by-retention",
          subject: { type: "account", id: accountId },
        });
        return "deactivated";
      });
    }
    if (row.status === "deactivated" && row.deactivatedAt) {
      return stepTowards(tx, deps, row, "deletion", () => deleteLogin(tx, deps, row));
    }
    // Never came in: nobody to tell, and nothing of theirs but the invitation.
    const neverCame = { from: row.withoutDossiersSince, months: deps.deleteMonths };
    if (row.status === "invited" && plannedDayReached(neverCame, deps.clock.now())) {
      return deleteLogin(tx, deps, row);
    }
    return undefined;
  });
}

/** Tells the step 30 days ahead (a mail, once), or takes it when its day has come. */
async function stepTowards(
  tx: Database,
  deps: AccountRetentionDeps,
  row: AccountRetentionRow,
  stepName: keyof typeof steps,
  take: (now: Date) => Promise<Done>,
): Promise<Done | undefined> {
  const now = deps.clock.now();
  const plan = steps[stepName];
  const step: RetentionStep = {
    from: row.withoutDossiersSince,
    months: plan.months(deps),
    noticedAt: plan.noticedAt(row),
  };
  if (noticeDue(step, now)) {
    const day = stepDay({ ...step, noticedAt: now }, now);
    await mailLogin(tx, deps, row, plan.mail, day);
    await updateAccountRetention(tx, row.accountId, plan.told(now));
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "account.retention-noticed",
      subject: { type: "account", id: row.accountId },
      details: { step: stepName, on: day },
    });
    return "noticed";
  }
  return stepDue(step, now) ? take(now) : undefined;
}

async function mailLogin(
  tx: Database,
  deps: AccountRetentionDeps,
  row: AccountRetentionRow,
  template: typeof accountDeactivationNoticeMail,
  day: string,
): Promise<void> {
  await deps.mailer.queue(tx, {
    to: row.email,
    locale: row.locale,
    template,
    data: { name: row.name, day },
  });
}

/**
 * The login goes, with its memberships, sessions and settings; the audit log keeps that it went,
 * in the log of every office it had a place at, with no name or address.
 */
async function deleteLogin(
  tx: Database,
  deps: AccountRetentionDeps,
  row: AccountRetentionRow,
): Promise<Done> {
  const officeIds = await listMembershipOffices(tx, row.accountId);
  for (const officeId of officeIds.length > 0 ? officeIds : [undefined]) {
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "system" },
      action: "account.deleted-by-retention",
      subject: { type: "account", id: row.accountId },
      ...(officeId ? { officeId } : {}),
      details: {
        wasActive: row.deactivatedAt !== null,
        offices: officeIds.length,
        withoutDossiersSince: row.withoutDossiersSince.toISOString(),
      },
    });
  }
  await deleteClientAccount(tx, row.accountId);
  return "deleted";
}
