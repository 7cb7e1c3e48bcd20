import { z } from "zod";
import { type Clock, DAY, MINUTE } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";
import {
  type ClientNoticeData,
  type ClientNoticeKind,
  clientNoticeMail,
  type LoginUrl,
  type NoticeName,
  type NoticeNews,
  type StaffNoticeKind,
  staffNoticeMail,
} from "./notice-mails.ts";
import { planRound, sendNoticesJob } from "./notice-rounds.ts";
import {
  deleteSettledNotices,
  findNoticeAccount,
  listPendingNotices,
  lockRecipient,
  settleNotices,
  updateRecipient,
} from "./repository.ts";

export interface NoticesDeps {
  clock: Clock;
  mailer: Mailer;
  /** Base of the login link. */
  publicUrl: string;
  /** At most one notice mail per login in this time: `NOTIFY_BUNDLE_MINUTES`. */
  bundleMs: number;
}

type NoticeAccount = NonNullable<Awaited<ReturnType<typeof findNoticeAccount>>>;
type PendingNotice = Awaited<ReturnType<typeof listPendingNotices>>[number];

const wants: Record<ClientNoticeKind, (account: NoticeAccount) => boolean> = {
  documents: (account) => account.notifyDocuments,
  messages: (account) => account.notifyMessages,
  questionnaires: (account) => account.notifyQuestionnaires,
  // That a dossier leaves the portal is told to everyone: a last chance to download, not news.
  retention: () => true,
};

/** Whether a pending notice is still to be told, by what holds now rather than at the event. */
function stillToTell(account: NoticeAccount | undefined, notice: PendingNotice): boolean {
  if (account?.status !== "active") return false;
  if (notice.audience === "staff") {
    return account.kind === "staff" && account.officeId === notice.officeId && notice.stillHandles;
  }
  return (
    account.kind === "client" &&
    notice.membershipOpen &&
    notice.stillLinked &&
    wants[notice.kind](account)
  );
}

/** A staff notice's kind: only these two are ever added for staff. */
const staffKindOf = (kind: ClientNoticeKind): StaffNoticeKind =>
  kind === "questionnaires" ? "questionnaires" : "messages";

/** The kinds of news among notices, each with whether there is more than one. */
function newsOf<Kind extends ClientNoticeKind>(kinds: Kind[]): NoticeNews<Kind>[] {
  const counts = new Map<Kind, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, several: count > 1 }));
}

// The only places texts become what a notice may carry: the person's own name, the names of
// offices (ADR 0013 on why an office's name may be told), and the login pages.
const noticeName = (name: string) => name as NoticeName;
const loginUrlOf = (publicUrl: string, area: "portal" | "office") =>
  `${publicUrl}/${area}/login` as LoginUrl;

/** Queues the one notice mail for what is to be told; returns the mail's id. */
async function queueNoticeMail(
  db: Database,
  deps: NoticesDeps,
  account: NoticeAccount,
  told: PendingNotice[],
): Promise<string> {
  const recipient = { to: account.email, locale: account.locale };
  if (account.kind === "staff") {
    return deps.mailer.queue(db, {
      ...recipient,
      template: staffNoticeMail,
      data: {
        name: noticeName(account.name),
        // Staff are told of clients' messages and completed actions (`notifyDossierStaff`).
        news: newsOf(told.map((notice) => staffKindOf(notice.kind))),
        loginUrl: loginUrlOf(deps.publicUrl, "office"),
      },
    });
  }
  const byOffice = new Map<string, { officeName: NoticeName; kinds: ClientNoticeKind[] }>();
  for (const notice of told) {
    const office = byOffice.get(notice.officeId) ?? {
      officeName: noticeName(notice.officeName),
      kinds: [],
    };
    office.kinds.push(notice.kind);
    byOffice.set(notice.officeId, office);
  }
  const data: ClientNoticeData = {
    name: noticeName(account.name),
    offices: [...byOffice.values()].map(({ officeName, kinds }) => ({
      officeName,
      news: newsOf(kinds),
    })),
    loginUrl: loginUrlOf(deps.publicUrl, "portal"),
  };
  return deps.mailer.queue(db, { ...recipient, template: clientNoticeMail, data });
}

/**
 * The job of one login's round, in one transaction with the login's row locked: too early (the
 * last notice is younger than the bundle window), it plans the next round for when the window
 * ends; else it queues one mail of what is still to be told, settles every pending notice and
 * ends the round.
 */
export async function sendNotices(
  db: Database,
  deps: NoticesDeps,
  payload: { accountId: string; round: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    const recipient = await lockRecipient(tx, payload.accountId);
    // Another round took over (this job was presumed lost), or the login is gone.
    if (!recipient || recipient.round !== payload.round) return;
    const now = deps.clock.now();
    const quietUntil = recipient.lastNoticeAt
      ? new Date(recipient.lastNoticeAt.getTime() + deps.bundleMs)
      : undefined;
    if (quietUntil && now < quietUntil) {
      await planRound(tx, deps.clock, payload.accountId, recipient.round + 1, quietUntil);
      return;
    }
    const pending = await listPendingNotices(tx, payload.accountId);
    const account = await findNoticeAccount(tx, payload.accountId);
    const told = pending.filter((notice) => stillToTell(account, notice));
    const dropped = pending.filter((notice) => !told.includes(notice));
    await settleNotices(
      tx,
      dropped.map((notice) => notice.id),
      now,
      null,
    );
    const ended = { round: recipient.round + 1, roundJobAt: null };
    if (told.length === 0 || !account) {
      await updateRecipient(tx, payload.accountId, ended);
      return;
    }
    const mailId = await queueNoticeMail(tx, deps, account, told);
    await settleNotices(
      tx,
      told.map((notice) => notice.id),
      now,
      mailId,
    );
    await updateRecipient(tx, payload.accountId, {
      ...ended,
      lastNoticeAt: now,
      quietUntil: new Date(now.getTime() + deps.bundleMs),
    });
  });
}

/** Settled notices are kept a month: long enough to answer "was I told?", then deleted. */
const KEEP_SETTLED = 30 * DAY;

const purgeNoticesJob = defineJobType({
  name: "notifications.purge-settled",
  payload: z.object({}),
  maxAttempts: 3,
  lockMs: 10 * MINUTE,
});

/** The notice job's handler, and the nightly purge of settled notices. */
export async function registerNotices(jobs: JobRunner, deps: NoticesDeps): Promise<void> {
  jobs.handle(sendNoticesJob, (payload, { db }) => sendNotices(db, deps, payload));
  jobs.handle(purgeNoticesJob, async (_payload, { db }) => {
    await deleteSettledNotices(db, new Date(deps.clock.now().getTime() - KEEP_SETTLED));
  });
  await jobs.schedule("purge-settled-notices", "50 3 * * *", purgeNoticesJob, {});
}
