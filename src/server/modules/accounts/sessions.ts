import type { Clock } from "#src/server/platform/clock.ts";
import { HOUR, MINUTE, SECOND } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { hashToken, newToken } from "#src/server/platform/security/random-secrets.ts";
import type { RequestOrigin } from "./deps.ts";
import { onlyOpenMembership } from "./login-office.ts";
import { joinMembership } from "./membership-joined.ts";
import {
  endAccountSessions,
  endSession,
  findLiveSessionContext,
  insertSession,
  listLiveSessions,
  recordFirstLogin,
  type SessionRow,
  updateSession,
} from "./repository.ts";

/** A session ends after this long without a request; the page warns the user before. */
export const IDLE_TIMEOUT = 30 * MINUTE;
/** … and after this long in any case. */
export const ABSOLUTE_TIMEOUT = 12 * HOUR;
/** Activity is written at most this often, so reading pages does not write a row each time. */
const TOUCH_INTERVAL = MINUTE;

export type SessionStage = SessionRow["stage"];

export interface StartedSession {
  /** Goes into the cookie; the database keeps only its hash. */
  token: string;
  session: SessionRow;
}

/**
 * A new session with a new id: called at login and after the second step (no fixation). A
 * complete session means the user is in, so the account's first login is recorded here, on
 * the server, in the login's own transaction: the login after it opens Home, even when the
 * browser never reported the visit to "Mijn gegevens". A client login with one open membership
 * acts for it at once; with several, the session waits for a choice of office (ADR 0011). An
 * eHerkenning login acts for the membership its link names (ADR 0017).
 */
export async function startSession(
  db: Database,
  clock: Clock,
  accountId: string,
  stage: SessionStage,
  origin: RequestOrigin,
  signOn?: { kind: "eherkenning"; membershipId: string },
): Promise<StartedSession> {
  const now = clock.now();
  const token = newToken();
  const membershipId =
    signOn?.membershipId ??
    (stage === "complete" ? (await onlyOpenMembership(db, accountId))?.id : undefined);
  const session = await insertSession(db, {
    tokenHash: hashToken(token),
    accountId,
    stage,
    signOn: signOn?.kind ?? "password",
    clientMembershipId: membershipId ?? null,
    csrfToken: newToken(),
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 300),
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT),
    createdAt: now,
  });
  if (stage === "complete") await recordFirstLogin(db, accountId, now);
  if (membershipId) await joinMembership(db, clock, membershipId, accountId);
  return { token, session };
}

/**
 * The live session a cookie token belongs to, with its account and the membership it acts
 * for; an idle one is ended on the spot.
 */
export async function resolveSession(db: Database, clock: Clock, token: string) {
  const now = clock.now();
  const context = await findLiveSessionContext(db, hashToken(token), now);
  if (!context) return undefined;
  const { session } = context;
  if (session.lastSeenAt.getTime() + IDLE_TIMEOUT <= now.getTime()) {
    await endSession(db, session.id, now);
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL) {
    await updateSession(db, session.id, { lastSeenAt: now });
    return { ...context, session: { ...session, lastSeenAt: now } };
  }
  return context;
}

export function idleExpiry(session: SessionRow): Date {
  return new Date(
    Math.min(session.lastSeenAt.getTime() + IDLE_TIMEOUT, session.expiresAt.getTime()),
  );
}

/** Whole seconds from `now` until the session ends for lack of activity (rounded down). */
export function idleSecondsLeft(session: SessionRow, now: Date): number {
  return Math.max(0, Math.floor((idleExpiry(session).getTime() - now.getTime()) / SECOND));
}

/** Ends the browser's session: at logout, and before a mailed link logs someone else in. */
export async function endSessionNow(db: Database, clock: Clock, sessionId: string) {
  await endSession(db, sessionId, clock.now());
}

/**
 * Ends every session of the account: a means holder's single logout at the eHerkenning IdP
 * ends their login at Poort too (issue 15).
 */
export async function endAllSessionsOfAccount(db: Database, clock: Clock, accountId: string) {
  await endAccountSessions(db, accountId, clock.now());
}

/** The account's live sessions, for "Mijn gegevens"; `currentId` is the one asking. */
export async function describeSessions(
  db: Database,
  clock: Clock,
  accountId: string,
  currentId: string,
) {
  const rows = await listLiveSessions(db, accountId, clock.now());
  return rows.map((row) => ({
    id: row.id,
    current: row.id === currentId,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
  }));
}
