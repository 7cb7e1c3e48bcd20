import { z } from "zod";
import type {
  EherkenningLinkApproval,
  PendingEherkenningLink,
  RequestEherkenningLink,
} from "#src/contracts/eherkenning/portal-login.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { DAY, HOUR } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { enqueueJob } from "#src/server/platform/jobs/enqueue-job.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import { defineJobType } from "#src/server/platform/jobs/job-type.ts";
import { newToken } from "#src/server/platform/security/random-secrets.ts";
import { consumeRateLimit } from "#src/server/platform/security/rate-limiter.ts";
import { accountToApproveLink, linkedMembership } from "../accounts/company-logins.ts";
import { type PortalEherkenningDeps, spUrls } from "./deps.ts";
import { linkApprovalMail } from "./link-mail.ts";
import {
  deleteStaleLinkRequests,
  findLinkByApprovalToken,
  findLinkById,
  findPendingLinkOfBrowser,
  type LinkRow,
  updateLink,
} from "./repository.ts";

/**
 * The first eHerkenning login of a person for a company links it to one of the company's
 * portal accounts (issue 15, ADR 0017): the browser that logged in asks, a one-time link goes to
 * the account chosen (the main account, or the person's extra account), and that account
 * approves it after its own login. Until then the eHerkenning opens nothing.
 */

/** How long the mailed approval link works. */
const APPROVAL_LIFETIME = 3 * DAY;
/** Approval mails one eHerkenning login may ask for: enough to correct a typo, no mail bomb. */
const REQUESTS_PER_LOGIN = { limit: 5, windowMs: HOUR };

async function pendingLinkOf(deps: PortalEherkenningDeps, browserToken: string | undefined) {
  const found = browserToken
    ? await findPendingLinkOfBrowser(
        deps.db,
        deps.secrets.fingerprint(browserToken),
        deps.clock.now(),
      )
    : undefined;
  if (!found) throw new AppError("eherkenning_link_missing");
  return found;
}

/** What the link page shows the browser that just logged in with an unknown eHerkenning. */
export async function describePendingLink(
  deps: PortalEherkenningDeps,
  browserToken: string | undefined,
): Promise<PendingEherkenningLink> {
  const { link, officeName, companyName } = await pendingLinkOf(deps, browserToken);
  return {
    officeName,
    companyName,
    kvkNumber: link.kvkNumber,
    requestedAt: link.approvalRequestedAt?.toISOString() ?? null,
  };
}

const linkApprovalJob = defineJobType({
  name: "portal-eherkenning.link-approval",
  payload: z.object({
    linkId: z.uuid(),
    target: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("main") }),
      z.object({ kind: z.literal("extra"), email: z.string() }),
    ]),
    ip: z.string(),
  }),
  maxAttempts: 5,
});

/**
 * "Koppeling aanvragen": the same answer and the same work (one job) whichever account was
 * chosen and whether or not the address is one of the company's, so nothing is learnt of its
 * accounts. The job mails the link (`registerLinkApprovals`).
 */
export async function requestLink(
  deps: PortalEherkenningDeps,
  browserToken: string | undefined,
  input: RequestEherkenningLink,
  ip: string,
): Promise<void> {
  const { link } = await pendingLinkOf(deps, browserToken);
  const limit = await consumeRateLimit(
    deps.db,
    deps.clock,
    `eherkenning-link:${link.id}`,
    REQUESTS_PER_LOGIN,
  );
  if (!limit.allowed) throw new AppError("rate_limited", [], { retryAfterMs: limit.retryAfterMs });
  await deps.db.transaction(async (tx) => {
    await updateLink(tx, link.id, { approvalRequestedAt: deps.clock.now() });
    await enqueueJob(tx, deps.clock, linkApprovalJob, {
      linkId: link.id,
      target: input.target === "main" ? { kind: "main" } : { kind: "extra", email: input.email },
      ip,
    });
  });
}

/**
 * Mails the approval link to the chosen account of the company, if it is one that can log in,
 * replacing an earlier link; audited either way, in the job's one transaction.
 */
export function registerLinkApprovals(jobs: JobRunner, deps: PortalEherkenningDeps): void {
  jobs.handle(linkApprovalJob, async ({ linkId, target, ip }, { db }) => {
    await db.transaction(async (tx) => {
      const now = deps.clock.now();
      await deleteStaleLinkRequests(tx, now);
      const found = await findLinkById(tx, linkId);
      if (!found || found.approvedAt) return;
      const account = await accountToApproveLink(
        tx,
        found.clientId,
        target.kind === "main" ? { main: true } : { email: target.email },
      );
      await recordAuditEvent(tx, deps.clock, {
        actor: { type: "system" },
        action: "portal-eherkenning.link-requested",
        subject: { type: "client", id: found.clientId },
        ip,
        details: { linkId, target: target.kind, accountFound: account !== undefined },
      });
      if (!account) return;
      const token = newToken();
      const link = await updateLink(tx, linkId, {
        requestedMembershipId: account.membership.id,
        approvalTokenHash: deps.secrets.fingerprint(token),
        approvalExpiresAt: new Date(now.getTime() + APPROVAL_LIFETIME),
      });
      const named = link && (await findLinkByApprovalToken(tx, deps.secrets.fingerprint(token)));
      if (!named) return;
      await deps.mailer.queue(tx, {
        to: account.account.email,
        locale: account.account.locale,
        template: linkApprovalMail,
        data: {
          name: account.membership.name,
          companyName: named.companyName,
          kvkNumber: named.link.kvkNumber,
          officeName: named.officeName,
          url: spUrls(deps.publicUrl).approvalPage(token),
        },
      });
    });
  });
}

/** The approval link's request, while it works; the logged-in account must be the one asked. */
async function approvalOf(
  deps: PortalEherkenningDeps,
  db: Database,
  token: string,
  accountId: string,
  lock = false,
) {
  const found = await findLinkByApprovalToken(db, deps.secrets.fingerprint(token), lock);
  const { link } = found ?? {};
  const expired = !link?.approvalExpiresAt || link.approvalExpiresAt <= deps.clock.now();
  if (!found || !link || (!link.approvedAt && expired)) throw new AppError("link_invalid");
  const asked = link.requestedMembershipId
    ? await linkedMembership(db, link.requestedMembershipId)
    : undefined;
  return { found, link, asked, forThisAccount: asked?.account.id === accountId };
}

function toApproval(
  found: { officeName: string; companyName: string },
  link: LinkRow,
  forThisAccount: boolean,
): EherkenningLinkApproval {
  return {
    officeName: found.officeName,
    companyName: found.companyName,
    kvkNumber: link.kvkNumber,
    requestedAt: (link.approvalRequestedAt ?? link.createdAt).toISOString(),
    forThisAccount,
    approvedAt: link.approvedAt?.toISOString() ?? null,
  };
}

/** What the approval page shows the logged-in client who opened the mailed link. */
export async function describeApproval(
  deps: PortalEherkenningDeps,
  token: string,
  accountId: string,
): Promise<EherkenningLinkApproval> {
  const { found, link, forThisAccount } = await approvalOf(deps, deps.db, token, accountId);
  return toApproval(found, link, forThisAccount);
}

/**
 * "Koppeling goedkeuren": the account the link was mailed to approves, once; the eHerkenning
 * then logs in as that account, for that company. Audited with the approving account.
 */
export async function approveLink(
  deps: PortalEherkenningDeps,
  token: string,
  account: { id: string; kind: "client" },
  ip: string,
): Promise<EherkenningLinkApproval> {
  return deps.db.transaction(async (tx) => {
    const { found, link, asked, forThisAccount } = await approvalOf(
      deps,
      tx,
      token,
      account.id,
      true,
    );
    if (!forThisAccount || !asked) throw new AppError("eherkenning_approval_other_account");
    if (link.approvedAt) throw new AppError("link_invalid");
    const now = deps.clock.now();
    const approved = await updateLink(tx, link.id, {
      membershipId: asked.membership.id,
      accountId: asked.account.id,
      approvedAt: now,
      browserTokenHash: null,
      browserExpiresAt: null,
    });
    if (!approved) throw new AppError("link_invalid");
    await recordAuditEvent(tx, deps.clock, {
      actor: { type: "client", id: account.id },
      action: "portal-eherkenning.link-approved",
      subject: { type: "client", id: link.clientId },
      ip,
      details: { linkId: link.id, membershipId: asked.membership.id, kvkNumber: link.kvkNumber },
    });
    return toApproval(found, approved, true);
  });
}
