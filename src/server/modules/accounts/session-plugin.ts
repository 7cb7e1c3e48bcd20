import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "#src/server/errors.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { newToken, safeEqual } from "#src/server/platform/security/random-secrets.ts";
import type { AccountRow, findAccountMembership, SessionRow } from "./repository.ts";
import { ABSOLUTE_TIMEOUT, resolveSession, type StartedSession } from "./sessions.ts";

/** The session cookie: HttpOnly, Secure, host-only (`__Host-`), never sent cross-site. */
export const SESSION_COOKIE = "__Host-poort_session";
/** Before login there is no session row: the CSRF token then lives in a cookie of its own. */
export const ANONYMOUS_CSRF_COOKIE = "__Host-poort_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** The membership a client's session acts for, with its office and client (ADR 0011). */
export type SessionMembership = NonNullable<Awaited<ReturnType<typeof findAccountMembership>>>;

declare module "fastify" {
  interface FastifyRequest {
    session: SessionRow | undefined;
    account: AccountRow | undefined;
    /** A client's session: the office and client it acts for, once one is chosen. */
    clientMembership: SessionMembership | undefined;
  }
}

const cookieOptions = { path: "/", httpOnly: true, secure: true, sameSite: "lax" } as const;
const mutating = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Resolves the session of each API request and guards every state-changing one with a CSRF
 * token (sent back in the `x-csrf-token` header by the web apps), so another site can never
 * act in a user's name even though the browser sends the cookie along.
 */
export const sessionPlugin = fp<{
  db: Database;
  clock: Clock;
  /**
   * API paths without sessions, which guard themselves: the office API, which a client
   * certificate authenticates and which refuses any browser's cross-site request.
   */
  sessionlessPrefix?: string;
}>(async (app, { db, clock, sessionlessPrefix }) => {
  app.decorateRequest("session", undefined);
  app.decorateRequest("account", undefined);
  app.decorateRequest("clientMembership", undefined);

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    if (sessionlessPrefix && request.url.startsWith(sessionlessPrefix)) return;
    const token = request.cookies[SESSION_COOKIE];
    const resolved = token ? await resolveSession(db, clock, token) : undefined;
    if (resolved?.account.status === "active") {
      const { session, account, membership } = resolved;
      request.session = session;
      request.account = account;
      if (account.kind === "client" && membership && !membership.membership.revokedAt) {
        request.clientMembership = membership;
      }
    }
    if (mutating.has(request.method) && !hasValidCsrfToken(request)) {
      throw new AppError("csrf_failed");
    }
  });
});

function hasValidCsrfToken(request: FastifyRequest): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== "string" || sent.length === 0) return false;
  const expected = request.session?.csrfToken ?? request.cookies[ANONYMOUS_CSRF_COOKIE];
  return expected !== undefined && safeEqual(sent, expected);
}

/** The CSRF token for this browser: the session's, or a fresh anonymous one in a cookie. */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  if (request.session) return request.session.csrfToken;
  const existing = request.cookies[ANONYMOUS_CSRF_COOKIE];
  if (existing) return existing;
  const token = newToken();
  reply.setCookie(ANONYMOUS_CSRF_COOKIE, token, cookieOptions);
  return token;
}

export function setSessionCookie(reply: FastifyReply, started: StartedSession): void {
  reply.setCookie(SESSION_COOKIE, started.token, {
    ...cookieOptions,
    maxAge: ABSOLUTE_TIMEOUT / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions);
}

export interface AccessRule {
  kinds: ReadonlyArray<AccountRow["kind"]>;
  /** Accept a session that still waits for its second step (only the second-step routes do). */
  allowSecondFactorPending?: boolean;
}

/**
 * The account behind a complete session of an allowed kind, or 401/403. Staff without a
 * second factor reach only the routes that set one up (`allowWithoutSecondFactor`).
 */
export function requireAccount(
  request: FastifyRequest,
  rule: AccessRule & { allowWithoutSecondFactor?: boolean },
): { account: AccountRow; session: SessionRow } {
  const { account, session } = request;
  if (!account || !session) throw new AppError("unauthenticated");
  if (session.stage !== "complete" && !rule.allowSecondFactorPending) {
    throw new AppError("unauthenticated");
  }
  if (!rule.kinds.includes(account.kind)) throw new AppError("forbidden");
  const mustHaveSecondFactor = account.kind !== "client" && account.twoFactorMethod === "none";
  if (mustHaveSecondFactor && !rule.allowWithoutSecondFactor) throw new AppError("forbidden");
  return { account, session };
}
