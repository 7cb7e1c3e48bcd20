import { AppError } from "#src/server/errors.ts";
import { MINUTE, SECOND } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import {
  admitAttempt,
  type FailureLimit,
  recordFailure,
} from "#src/server/platform/security/rate-limiter.ts";
import type { AccountsDeps } from "./deps.ts";

/** What an address may get wrong: a password (login) or a code (the second step). */
export type GuessedSecret = "login" | "second-factor";

/**
 * Failures per IP address, across all accounts: stops one source from guessing many accounts,
 * while a whole office behind one NAT address logs in freely. The limit is `LOGIN_IP_LIMIT`.
 */
function failureLimit(deps: Pick<AccountsDeps, "loginFailuresPerIp">): FailureLimit {
  return { limit: deps.loginFailuresPerIp, windowMs: 15 * MINUTE, paceMs: 2 * SECOND };
}

const keyOf = (secret: GuessedSecret, ip: string) => `${secret}-failed:ip:${ip}`;

/** Refuses (429 with Retry-After) an address that failed too often, or too fast. */
export async function admitFromAddress(
  deps: Pick<AccountsDeps, "db" | "clock" | "loginFailuresPerIp">,
  secret: GuessedSecret,
  ip: string,
): Promise<void> {
  const outcome = await admitAttempt(deps.db, deps.clock, keyOf(secret, ip), failureLimit(deps));
  if (!outcome.allowed) {
    throw new AppError("rate_limited", [], { retryAfterMs: outcome.retryAfterMs });
  }
}

/** Counts a wrong password or code from the address, in the transaction that audits it. */
export async function countFailureFromAddress(
  deps: Pick<AccountsDeps, "clock" | "loginFailuresPerIp">,
  tx: Database,
  secret: GuessedSecret,
  ip: string,
): Promise<void> {
  await recordFailure(tx, deps.clock, keyOf(secret, ip), failureLimit(deps));
}
