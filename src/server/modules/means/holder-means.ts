import { authorizationEnd } from "#src/contracts/eherkenning/authorization-scope.ts";
import type { MeansView } from "#src/contracts/eherkenning/means.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { auditActor } from "../accounts/request-actors.ts";
import type { MeansDeps } from "./deps.ts";
import { isRenewable, meansView } from "./means-views.ts";
import {
  findMeansOfAccount,
  listAuthorizationViews,
  lockAuthorization,
  lockMeans,
  updateAuthorization,
} from "./repository.ts";

type Holder = Parameters<typeof auditActor>[0];

/** "Mijn eHerkenning": the holder's means with its authorizations; none for another login. */
export async function myMeans(
  deps: Pick<MeansDeps, "db" | "clock">,
  holder: Holder,
  locale: Locale,
): Promise<{ means: MeansView | null }> {
  const row = await findMeansOfAccount(deps.db, holder.id);
  if (!row) return { means: null };
  const authorizations = await listAuthorizationViews(deps.db, [row.id]);
  return { means: meansView(row, authorizations, locale, deps.clock.now()) };
}

/**
 * "Verlengen": an authorization of the holder's own means, in force and in its last 30 days,
 * runs on until five years from now (the longest allowed). An expired or revoked one is not
 * renewed: the holder applies again.
 */
export async function renewAuthorization(
  deps: Pick<MeansDeps, "db" | "clock">,
  holder: Holder,
  authorizationId: string,
  locale: Locale,
): Promise<MeansView> {
  await deps.db.transaction(async (tx) => {
    const authorization = await lockAuthorization(tx, authorizationId);
    const owned = await findMeansOfAccount(tx, holder.id);
    if (!authorization || !owned || authorization.meansId !== owned.id) {
      throw new AppError("not_found");
    }
    const means = await lockMeans(tx, owned.id);
    const now = deps.clock.now();
    if (!isRenewable(authorization, means?.revokedAt ?? null, now)) {
      throw new AppError("authorization_not_renewable");
    }
    const validUntil = authorizationEnd(now);
    await updateAuthorization(tx, authorization.id, { validUntil, renewalRemindedAt: null });
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(holder),
      action: "authorization.renewed",
      subject: { type: "authorization", id: authorization.id },
      details: {
        meansId: owned.id,
        previousValidUntil: authorization.validUntil.toISOString(),
        validUntil: validUntil.toISOString(),
      },
    });
  });
  const { means } = await myMeans(deps, holder, locale);
  if (!means) throw new AppError("not_found");
  return means;
}
