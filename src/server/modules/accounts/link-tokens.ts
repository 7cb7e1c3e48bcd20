import { AppError } from "#src/server/errors.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import { DAY, HOUR } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { hashToken, newToken } from "#src/server/platform/security/random-secrets.ts";
import {
  findTokenByHash,
  insertToken,
  markTokenUsed,
  revokeOpenTokens,
  type TokenPurpose,
} from "./repository.ts";

/** How long a mailed link stays valid. */
export const linkLifetimes: Record<TokenPurpose, number> = {
  invitation: 7 * DAY,
  "email-confirmation": HOUR,
  "password-reset": HOUR,
};

/**
 * Issues a single-use link token for an account. Only its hash is stored, and it replaces the
 * account's open links that lead to a password: the newest mail is the only one that works.
 */
export async function issueLinkToken(
  db: Database,
  clock: Clock,
  accountId: string,
  purpose: TokenPurpose,
): Promise<string> {
  const now = clock.now();
  await revokeOpenTokens(
    db,
    accountId,
    purpose === "invitation" ? ["invitation", "email-confirmation"] : [purpose],
    now,
  );
  const token = newToken();
  await insertToken(db, {
    accountId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + linkLifetimes[purpose]),
    createdAt: now,
  });
  return token;
}

/** An open link of one of these purposes, or `link_invalid` (unknown, used, revoked, expired). */
export async function findOpenLink(
  db: Database,
  clock: Clock,
  token: string,
  purposes: TokenPurpose[],
) {
  const link = await findTokenByHash(db, hashToken(token));
  const open =
    link &&
    purposes.includes(link.purpose) &&
    !link.usedAt &&
    !link.revokedAt &&
    link.expiresAt > clock.now();
  if (!open) throw new AppError("link_invalid");
  return link;
}

/** Uses up a link; two requests racing for one link: only the first succeeds. */
export async function spendLink(db: Database, clock: Clock, linkId: string): Promise<void> {
  if (!(await markTokenUsed(db, linkId, clock.now()))) throw new AppError("link_invalid");
}
