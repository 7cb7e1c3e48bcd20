import {
  type AuthorizationState,
  type AuthorizationView,
  type MeansView,
  RENEWAL_WINDOW_DAYS,
} from "#src/contracts/eherkenning/means.ts";
import type { Locale } from "#src/contracts/locale.ts";
import { DAY } from "#src/server/platform/clock.ts";
import type { AuthorizationViewRow, MeansRow } from "./repository.ts";

/** How an authorization stands at `now`: revoked wins over expired. */
export function authorizationState(
  authorization: { validUntil: Date; revokedAt: Date | null },
  meansRevokedAt: Date | null,
  now: Date,
): AuthorizationState {
  if (authorization.revokedAt || meansRevokedAt) return "revoked";
  return authorization.validUntil <= now ? "expired" : "active";
}

/** "Verlengen" opens in the last days before the end of an authorization still in force. */
export function isRenewable(
  authorization: { validUntil: Date; revokedAt: Date | null },
  meansRevokedAt: Date | null,
  now: Date,
): boolean {
  return (
    authorizationState(authorization, meansRevokedAt, now) === "active" &&
    authorization.validUntil.getTime() - now.getTime() <= RENEWAL_WINDOW_DAYS * DAY
  );
}

const allServicesUpTo: Record<Locale, (level: string) => string> = {
  nl: (level) => `Alle diensten tot en met ${level}`,
  en: (level) => `All services up to ${level}`,
};
const allServicesOf: Record<Locale, (provider: string) => string> = {
  nl: (provider) => `Alle diensten van ${provider}`,
  en: (provider) => `All services of ${provider}`,
};

/** What an authorization is for, in words for a mail. */
export function scopeInWords(row: AuthorizationViewRow, locale: Locale): string {
  const { authorization } = row;
  switch (authorization.scopeKind) {
    case "service":
      return (locale === "en" ? row.serviceNameEn : row.serviceNameNl) ?? "";
    case "provider":
      return allServicesOf[locale](row.providerName ?? "");
    case "level":
      return allServicesUpTo[locale](authorization.level);
  }
}

export function authorizationView(
  row: AuthorizationViewRow,
  meansRevokedAt: Date | null,
  locale: Locale,
  now: Date,
): AuthorizationView {
  const { authorization } = row;
  const scopeName =
    authorization.scopeKind === "service"
      ? ((locale === "en" ? row.serviceNameEn : row.serviceNameNl) ?? null)
      : authorization.scopeKind === "provider"
        ? row.providerName
        : null;
  return {
    id: authorization.id,
    scopeKind: authorization.scopeKind,
    scopeName,
    level: authorization.level,
    kvkNumber: authorization.kvkNumber,
    companyName: authorization.companyName,
    branchNumber: authorization.branchNumber,
    validFrom: authorization.validFrom.toISOString(),
    validUntil: authorization.validUntil.toISOString(),
    revokedAt: (authorization.revokedAt ?? meansRevokedAt)?.toISOString() ?? null,
    revokedReason: authorization.revokedReason,
    state: authorizationState(authorization, meansRevokedAt, now),
    renewable: isRenewable(authorization, meansRevokedAt, now),
  };
}

export function meansView(
  row: MeansRow,
  authorizationRows: readonly AuthorizationViewRow[],
  locale: Locale,
  now: Date,
): MeansView {
  return {
    id: row.id,
    level: row.level,
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
    authorizations: authorizationRows
      .filter((entry) => entry.authorization.meansId === row.id)
      .map((entry) => authorizationView(entry, row.revokedAt, locale, now)),
  };
}
