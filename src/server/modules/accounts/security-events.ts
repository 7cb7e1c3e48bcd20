import type { SecurityEvent, SecurityEventKind } from "#src/contracts/accounts.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import {
  type AuditEventRow,
  countAccountSecurityEvents,
  listAccountSecurityEvents,
  type SecurityEventFilter,
} from "./security-event-repository.ts";

/**
 * A login's own security events in "Mijn gegevens" (issue 19): read from the audit log, never
 * written here. Which audit actions are shown, and as what: the rest of the log (what the
 * account did in dossiers, what staff did) is the office's audit view, not the client's.
 */
const kindOfAction: Record<string, SecurityEventKind> = {
  "session.login-failed": "login-failed",
  "session.second-factor-failed": "second-factor-failed",
  "session.logout": "logout",
  "session.ended-elsewhere": "ended-elsewhere",
  "account.activated": "account-activated",
  "password.reset-requested": "password-reset-requested",
  "password.reset": "password-reset",
  "two-factor.enabled": "two-factor-enabled",
  "two-factor.disabled": "two-factor-disabled",
  "two-factor.recovery-codes-renewed": "recovery-codes-renewed",
  "account.second-factor-reset": "two-factor-reset",
  "data-export.requested": "data-export-requested",
  "data-export.downloaded": "data-export-downloaded",
};
/** Events the account did about something else (the company it linked an eHerkenning to). */
const kindOfOwnAction: Record<string, SecurityEventKind> = {
  "portal-eherkenning.link-approved": "eherkenning-linked",
};

export const SECURITY_EVENTS_PAGE_SIZE = 20;

const filterOf = (accountId: string): SecurityEventFilter => ({
  accountId,
  subjectActions: ["session.login", ...Object.keys(kindOfAction)],
  ownActions: Object.keys(kindOfOwnAction),
});

const textOf = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

function methodOf(details: Record<string, unknown>): SecurityEvent["method"] {
  const method = details.method;
  return method === "sms" || method === "totp" || method === "recovery" ? method : null;
}

function toSecurityEvent(row: AuditEventRow): SecurityEvent {
  const details = (row.details ?? {}) as Record<string, unknown>;
  const kind =
    row.action === "session.login"
      ? details.signOn === "eherkenning"
        ? "login-eherkenning"
        : "login"
      : (kindOfAction[row.action] ?? kindOfOwnAction[row.action] ?? "login");
  return {
    id: String(row.id),
    at: row.occurredAt.toISOString(),
    kind,
    method: methodOf(details),
    ip: row.ip,
    userAgent: textOf(details.userAgent),
  };
}

/** One page of the account's security events, newest first, with the total. */
export async function ownSecurityEvents(db: Database, accountId: string, page: number) {
  const filter = filterOf(accountId);
  const [rows, total] = await Promise.all([
    listAccountSecurityEvents(db, filter, {
      limit: SECURITY_EVENTS_PAGE_SIZE,
      offset: (page - 1) * SECURITY_EVENTS_PAGE_SIZE,
    }),
    countAccountSecurityEvents(db, filter),
  ]);
  return { events: rows.map(toSecurityEvent), page, pageSize: SECURITY_EVENTS_PAGE_SIZE, total };
}

/** Every security event of the account, newest first, a batch at a time (the data export). */
export async function* allOwnSecurityEvents(
  db: Database,
  accountId: string,
): AsyncGenerator<SecurityEvent> {
  const filter = filterOf(accountId);
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const rows = await listAccountSecurityEvents(db, filter, { limit, offset });
    for (const row of rows) yield toSecurityEvent(row);
    if (rows.length < limit) return;
  }
}
