import type { SupplierMeans } from "#src/contracts/eherkenning/means.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import { applyUrl, holderPageUrl, type MeansDeps } from "./deps.ts";
import { dayInWords } from "./dutch-dates.ts";
import { authorizationRevokedMail, meansRevokedMail } from "./means-mails.ts";
import { meansView, scopeInWords } from "./means-views.ts";
import {
  findMeansWithHolder,
  listAuthorizationViews,
  lockAuthorization,
  lockMeans,
  type MeansRow,
  revokeAuthorizationsOfMeans,
  searchMeansByHolderEmail,
  updateAuthorization,
  updateMeans,
} from "./repository.ts";

/** The supplier's list shows at most this many; a search narrows it. */
const SEARCH_LIMIT = 100;

type Holder = { name: string; email: string; status: "invited" | "active" | "deactivated" };

async function withAuthorizations(
  deps: Pick<MeansDeps, "db" | "clock">,
  rows: { means: MeansRow; holder: Holder }[],
  locale: Locale,
): Promise<SupplierMeans[]> {
  const authorizations = await listAuthorizationViews(
    deps.db,
    rows.map((row) => row.means.id),
  );
  const now = deps.clock.now();
  return rows.map((row) => ({
    ...meansView(row.means, authorizations, locale, now),
    holderName: row.holder.name,
    holderEmail: row.holder.email,
    holderStatus: row.holder.status,
  }));
}

/** "Middelen": means by (part of) the holder's e-mail address, newest first. */
export async function searchMeans(
  deps: Pick<MeansDeps, "db" | "clock">,
  email: string | undefined,
  locale: Locale,
): Promise<{ means: SupplierMeans[] }> {
  const rows = await searchMeansByHolderEmail(deps.db, email || undefined, SEARCH_LIMIT);
  return { means: await withAuthorizations(deps, rows, locale) };
}

export async function supplierMeans(
  deps: Pick<MeansDeps, "db" | "clock">,
  meansId: string,
  locale: Locale,
): Promise<SupplierMeans> {
  const row = await findMeansWithHolder(deps.db, meansId);
  if (!row) throw new AppError("not_found");
  const [means] = await withAuthorizations(deps, [row], locale);
  if (!means) throw new AppError("not_found");
  return means;
}

/**
 * Revokes a whole means: it and all its authorizations stop at once. Audited, and the holder is
 * mailed the reason. A second revocation is a 409.
 */
export async function revokeMeans(
  deps: MeansDeps,
  meansId: string,
  reason: string,
  actor: AuditEvent["actor"],
  locale: Locale,
): Promise<SupplierMeans> {
  await deps.db.transaction(async (tx) => {
    const means = await lockMeans(tx, meansId);
    const found = await findMeansWithHolder(tx, meansId);
    if (!means || !found) throw new AppError("not_found");
    if (means.revokedAt) throw new AppError("already_revoked");
    const now = deps.clock.now();
    await updateMeans(tx, meansId, { revokedAt: now, revokedReason: reason });
    const ended = await revokeAuthorizationsOfMeans(tx, meansId, now, reason);
    await deps.mailer.queue(tx, {
      to: found.holder.email,
      locale: found.holder.locale,
      template: meansRevokedMail,
      data: {
        name: found.holder.name,
        supplierName: deps.supplierName,
        url: applyUrl(deps),
        reason,
      },
    });
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "means.revoked",
      subject: { type: "means", id: meansId },
      details: { authorizationsRevoked: ended },
    });
  });
  return supplierMeans(deps, meansId, locale);
}

/** Revokes one authorization; the means and its other authorizations go on. */
export async function revokeAuthorization(
  deps: MeansDeps,
  authorizationId: string,
  reason: string,
  actor: AuditEvent["actor"],
  locale: Locale,
): Promise<SupplierMeans> {
  const meansId = await deps.db.transaction(async (tx) => {
    const authorization = await lockAuthorization(tx, authorizationId);
    if (!authorization) throw new AppError("not_found");
    const found = await findMeansWithHolder(tx, authorization.meansId);
    if (!found) throw new AppError("not_found");
    if (authorization.revokedAt || found.means.revokedAt) throw new AppError("already_revoked");
    const now = deps.clock.now();
    await updateAuthorization(tx, authorizationId, { revokedAt: now, revokedReason: reason });
    const [view] = (await listAuthorizationViews(tx, [authorization.meansId])).filter(
      (entry) => entry.authorization.id === authorizationId,
    );
    const holderLocale = found.holder.locale;
    await deps.mailer.queue(tx, {
      to: found.holder.email,
      locale: holderLocale,
      template: authorizationRevokedMail,
      data: {
        name: found.holder.name,
        supplierName: deps.supplierName,
        url: holderPageUrl(deps),
        reason,
        companyName: authorization.companyName,
        scopeName: view ? scopeInWords(view, holderLocale) : "",
        validUntil: dayInWords(authorization.validUntil, holderLocale),
      },
    });
    await recordAuditEvent(tx, deps.clock, {
      actor,
      action: "authorization.revoked",
      subject: { type: "authorization", id: authorizationId },
      details: { meansId: authorization.meansId },
    });
    return authorization.meansId;
  });
  return supplierMeans(deps, meansId, locale);
}
