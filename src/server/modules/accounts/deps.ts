import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";
import type { SecretBox } from "#src/server/platform/security/secret-box.ts";
import type { SmsSender } from "#src/server/platform/sms/sms-sender.ts";

/** What the account services need from the platform. */
export interface AccountsDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  sms: SmsSender;
  /** Seals secrets kept at rest (TOTP secrets). */
  secrets: SecretBox;
  /** Base of the links in mails. */
  publicUrl: string;
  /** Failed logins (and second-step codes) per IP address in 15 minutes: `LOGIN_IP_LIMIT`. */
  loginFailuresPerIp: number;
}

/** Where a request came from, for the audit log and the session list. */
export interface RequestOrigin {
  ip: string;
  userAgent?: string | undefined;
}

/**
 * The browser of a request, as the audit event of a login or logout keeps it in its details,
 * so that the account's own security events can show the device (nothing when it sent none).
 */
export function browserDetails(origin: RequestOrigin): { userAgent?: string } {
  return origin.userAgent ? { userAgent: origin.userAgent.slice(0, 512) } : {};
}

export function requestOrigin(request: {
  ip: string;
  headers: { "user-agent"?: string | undefined };
}): RequestOrigin {
  return { ip: request.ip, userAgent: request.headers["user-agent"] };
}

/** The account services' share of the platform services. */
export function accountsDeps(
  services: Pick<AccountsDeps, "clock" | "mailer" | "sms" | "secrets"> & {
    database: { db: Database };
    config: { publicUrl: string; login: { failuresPerIp: number } };
  },
): AccountsDeps {
  return {
    db: services.database.db,
    clock: services.clock,
    mailer: services.mailer,
    sms: services.sms,
    secrets: services.secrets,
    publicUrl: services.config.publicUrl,
    loginFailuresPerIp: services.config.login.failuresPerIp,
  };
}
