import { AppError } from "#src/server/errors.ts";
import { HOUR, MINUTE } from "#src/server/platform/clock.ts";
import { consumeRateLimit, type RateLimit } from "#src/server/platform/security/rate-limiter.ts";
import type { EherkenningDeps } from "./deps.ts";

/**
 * The limits on the wizard's public writes and code entries. The applicant has no account, so
 * the application (its token) and the address are what a limit can hold on to.
 */
export const applicationLimits = {
  /** New applications from one address: a family or office applies for a few, a script more. */
  startPerAddress: { limit: 20, windowMs: HOUR },
  /** Mailed links opened from one address (a token cannot be guessed; this stops trying). */
  linkPerAddress: { limit: 20, windowMs: HOUR },
  /** Saving a step of one application: far more than anyone clicks "Volgende". */
  savePerApplication: { limit: 120, windowMs: HOUR },
  /** Codes sent for one contact or signer: a resend or two, not a flood of mails or texts. */
  codesPerTarget: { limit: 5, windowMs: 15 * MINUTE },
  /** Codes typed for one application or signer, right or wrong, across all codes. */
  codeEntriesPerApplication: { limit: 30, windowMs: HOUR },
  /** Company look-ups of one application: the register is not for browsing. */
  lookupsPerApplication: { limit: 30, windowMs: HOUR },
  /** ID copies uploaded to one application. */
  uploadsPerApplication: { limit: 20, windowMs: HOUR },
  /** A signer's link mailed again ("opnieuw versturen"). */
  resendsPerSigner: { limit: 3, windowMs: HOUR },
  /** Signers replaced in one application. */
  replacementsPerApplication: { limit: 10, windowMs: HOUR },
} satisfies Record<string, RateLimit>;

/** Counts one attempt; over the limit the request is refused with 429 and when to retry. */
export async function limitAttempt(
  deps: Pick<EherkenningDeps, "db" | "clock">,
  key: string,
  rule: RateLimit,
): Promise<void> {
  const outcome = await consumeRateLimit(deps.db, deps.clock, `eherkenning:${key}`, rule);
  if (!outcome.allowed) {
    throw new AppError("rate_limited", [], { retryAfterMs: outcome.retryAfterMs });
  }
}
