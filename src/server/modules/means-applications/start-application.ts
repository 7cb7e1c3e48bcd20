import { randomInt } from "node:crypto";
import type { ApplicationView } from "#src/contracts/eherkenning/wizard.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { hashToken, newToken } from "#src/server/platform/security/random-secrets.ts";
import { applicantActor } from "./applicant-access.ts";
import { applicationLimits, limitAttempt } from "./application-limits.ts";
import { findApplicationByTokenHash, insertApplication } from "./application-repository.ts";
import { applicationView } from "./application-view.ts";
import type { EherkenningDeps } from "./deps.ts";

/** No 0/O, 1/I/L: a reference read out over the phone cannot be misheard. */
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const REFERENCE_LENGTH = 8;

function newReference(): string {
  let reference = "EH-";
  for (let i = 0; i < REFERENCE_LENGTH; i += 1) {
    reference += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  }
  return reference;
}

export interface StartedApplication {
  /** The access token for the browser's cookie; only its hash is kept. */
  token: string;
  view: ApplicationView;
}

/** A new draft application, held by the browser that started it. */
export async function startApplication(
  deps: EherkenningDeps,
  locale: Locale,
  ip: string,
): Promise<StartedApplication> {
  await limitAttempt(deps, `start:ip:${ip}`, applicationLimits.startPerAddress);
  const token = newToken();
  const now = deps.clock.now();
  const application = await deps.db.transaction(async (tx) => {
    const created = await insertApplication(tx, {
      reference: newReference(),
      state: "draft",
      accessTokenHash: hashToken(token),
      locale,
      createdAt: now,
      updatedAt: now,
    });
    await recordAuditEvent(tx, deps.clock, {
      actor: applicantActor(created),
      action: "application.started",
      subject: { type: "means-application", id: created.id },
      ip,
      details: { reference: created.reference },
    });
    return created;
  });
  return { token, view: await applicationView(deps, application, locale) };
}

/**
 * The mailed link: its token is the application's access token, which this browser then keeps
 * in its cookie, so the applicant continues on another device and follows the application.
 */
export async function restoreFromLink(
  deps: EherkenningDeps,
  token: string,
  locale: Locale,
  ip: string,
): Promise<ApplicationView> {
  await limitAttempt(deps, `link:ip:${ip}`, applicationLimits.linkPerAddress);
  const application = await findApplicationByTokenHash(deps.db, hashToken(token));
  if (!application) throw new AppError("link_invalid");
  return applicationView(deps, application, locale);
}

/**
 * The applicant's own application, by the token their browser holds; null when it holds none
 * (or one that no longer exists): not an error, but the wizard's starting point.
 */
export async function currentApplication(
  deps: EherkenningDeps,
  token: string | undefined,
  locale: Locale,
): Promise<ApplicationView | null> {
  const application = token
    ? await findApplicationByTokenHash(deps.db, hashToken(token))
    : undefined;
  return application ? applicationView(deps, application, locale) : null;
}
