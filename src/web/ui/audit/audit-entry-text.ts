import type { TFunction } from "i18next";
import { auditActionLabel } from "#src/contracts/audit-actions.ts";
import type { AuditEntry } from "#src/contracts/audit-log.ts";
import type { Locale } from "#src/contracts/locale.ts";

/**
 * How an audit entry reads in the audit views: who did it (their name, or what acted when no
 * person did), in which role, and what happened in words with the particulars that matter.
 */

const localeOf = (language: string): Locale => (language.startsWith("en") ? "en" : "nl");

/** The person's name, or the office's software, Poort itself or the operator. */
export function auditWho(entry: AuditEntry, t: TFunction): string {
  if (entry.actor.name) return entry.actor.name;
  return t(`auditLog.actorTypes.${entry.actor.type}`, { defaultValue: entry.actor.type });
}

/** A staff member's role, or the kind of actor (client, servicedesk, the office's software…). */
export function auditRole(entry: AuditEntry, t: TFunction): string {
  const { role, type } = entry.actor;
  if (type === "staff" && role) return t(`office.roles.${role}`, { defaultValue: role });
  return t(`auditLog.actorTypes.${type}`, { defaultValue: type });
}

/** What happened, in words, with the particulars of the event that explain it. */
export function auditWhat(entry: AuditEntry, t: TFunction, language: string): string {
  const label = auditActionLabel(entry.action, localeOf(language));
  const { details } = entry;
  const extra: string[] = [];
  if (entry.action === "office-api.call") {
    extra.push(`${details.method ?? ""} ${details.route ?? ""} → ${details.status ?? ""}`.trim());
  } else if (entry.action === "staff.changed" && typeof details.role === "string") {
    extra.push(
      t("auditLog.details.roleChange", {
        from: t(`office.roles.${details.previousRole}`, { defaultValue: "" }),
        to: t(`office.roles.${details.role}`),
      }),
    );
  } else if (typeof details.reason === "string" && entry.action.includes("failed")) {
    extra.push(t(`auditLog.details.reasons.${details.reason}`, { defaultValue: details.reason }));
  } else if (entry.action === "document.downloaded" && details.disposition === "inline") {
    extra.push(t("auditLog.details.viewedInline"));
  }
  // Whom it was done to, when that is someone else (a login's subject is the one logging in).
  if (entry.subjectAccount && entry.subjectAccount.id !== entry.actor.accountId) {
    extra.push(entry.subjectAccount.name);
  }
  return extra.length > 0 ? `${label}: ${extra.join(", ")}` : label;
}
