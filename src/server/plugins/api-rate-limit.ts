import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import { RequestRateLimiter } from "../platform/security/request-rate-limiter.ts";

/** Requests per minute on the API outside the login routes; 0 switches a limit off. */
export interface ApiRateLimits {
  perSession: number;
  perAddress: number;
}

const WINDOW_MS = 60_000;
const MAX_KEYS = 100_000;

/**
 * The login routes (`/api/auth/…`) have limits of their own, on failures and per account,
 * kept in the database; counting them here as well would only make their answers harder to
 * explain.
 */
function isCounted(url: string): boolean {
  return url.startsWith("/api/") && !url.startsWith("/api/auth/");
}

/**
 * A general limit on the API per session and per address, so that one client, however
 * eager or broken its script, cannot take the database pool from everyone else: past a limit
 * the API answers 429 with Retry-After until the minute is over. The session is known by its
 * cookie alone (hashed), before any database work; an address, which a whole office may share
 * behind NAT, gets a larger budget. Counted in memory per instance (see RequestRateLimiter).
 */
export function registerApiRateLimit(
  app: FastifyInstance,
  options: { limits: ApiRateLimits; sessionCookie: string },
): void {
  const { perSession, perAddress } = options.limits;
  if (perSession === 0 && perAddress === 0) return;
  const limiter = new RequestRateLimiter({ windowMs: WINDOW_MS, maxKeys: MAX_KEYS });
  app.addHook("onRequest", async (request) => {
    if (!isCounted(request.url)) return;
    const retryAfterMs = limiter.consume(keysOf(request, options.limits, options.sessionCookie));
    if (retryAfterMs > 0) throw new AppError("too_many_requests", undefined, { retryAfterMs });
  });
}

function keysOf(
  request: FastifyRequest,
  { perSession, perAddress }: ApiRateLimits,
  sessionCookie: string,
): Array<{ key: string; limit: number }> {
  const keys: Array<{ key: string; limit: number }> = [];
  if (perAddress > 0) keys.push({ key: `ip:${request.ip}`, limit: perAddress });
  const session = request.cookies[sessionCookie];
  if (perSession > 0 && session) {
    // The map holds a digest, never a live session token.
    const digest = createHash("sha256").update(session).digest("base64url").slice(0, 22);
    keys.push({ key: `session:${digest}`, limit: perSession });
  }
  return keys;
}
