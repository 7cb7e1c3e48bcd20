import { MINUTE } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { newNumericCode, safeEqual } from "#src/server/platform/security/random-secrets.ts";
import {
  type CodePurpose,
  type CodeRow,
  countCodeAttempt,
  findOpenCode,
  insertCode,
  markCodeUsed,
  voidOpenCodes,
} from "./code-repository.ts";
import type { EherkenningDeps } from "./deps.ts";

/** How long a mailed or texted code works. */
export const CODE_LIFETIME_MS = 15 * MINUTE;
/** Wrong guesses at one code before it is void (1 in 200,000 odds of a lucky guess). */
export const CODE_ATTEMPTS = 5;

type CodeDeps = Pick<EherkenningDeps, "clock" | "secrets">;

interface CodeFor {
  applicationId: string;
  purpose: CodePurpose;
  signerId: string | null;
}

/**
 * A new six-digit code for a contact (the user's address or number, or a signer's), kept as a
 * keyed hash; earlier open codes of the same purpose stop working. The caller sends it.
 */
export async function issueCode(
  deps: CodeDeps,
  tx: Database,
  owner: CodeFor,
  target: string,
): Promise<string> {
  const code = newNumericCode();
  const now = deps.clock.now();
  await voidOpenCodes(tx, owner.applicationId, owner.purpose, owner.signerId, now);
  await insertCode(tx, {
    applicationId: owner.applicationId,
    signerId: owner.signerId,
    purpose: owner.purpose,
    target,
    codeHash: deps.secrets.fingerprint(code),
    expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS),
    createdAt: now,
  });
  return code;
}

/**
 * Whether the code is the open one of its purpose: a wrong code counts an attempt, and after
 * CODE_ATTEMPTS the code is void however right the next guess. A right code is used up. Returns
 * the code's row (with its target) when accepted.
 */
export async function acceptCode(
  deps: CodeDeps,
  tx: Database,
  owner: CodeFor,
  code: string,
): Promise<CodeRow | undefined> {
  const now = deps.clock.now();
  const open = await findOpenCode(tx, owner.applicationId, owner.purpose, owner.signerId, now);
  if (!open || open.attempts >= CODE_ATTEMPTS) return undefined;
  if (!safeEqual(open.codeHash, deps.secrets.fingerprint(code))) {
    await countCodeAttempt(tx, open.id);
    return undefined;
  }
  await markCodeUsed(tx, open.id, now);
  return open;
}

/** A mail address or number partly hidden, to say where a code went without showing it all. */
export function maskedTarget(target: string): string {
  const at = target.indexOf("@");
  if (at > 0) {
    const local = target.slice(0, at);
    return `${local.slice(0, Math.min(2, local.length - 1) || 1)}•••${target.slice(at)}`;
  }
  return `${"•".repeat(Math.max(0, target.length - 2))}${target.slice(-2)}`;
}
