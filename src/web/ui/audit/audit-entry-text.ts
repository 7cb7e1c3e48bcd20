import type { TFunction } from "i18next";
import { auditActionLabel } from "#src/contracts/audit-actions.ts";
import {
  auditActorTypeLabel,
  auditRoleLabel,
  staffRoleLabel,
} from "#src/contracts/audit-actors.ts";
import type { AuditEntry } from "#src/contracts/audit-log.ts";
import { localeOfLanguage } from "../i18n/language.ts";

/**
 * How an audit entry reads in the audit views: who did it (their name, or what acted when no
 * person did), in which role, and what happened in words with the particulars that matter.
 */

/** The person's name, or the office's software, Poort itself or the operator. */
export function auditWho(entry: AuditEntry, language: string): string {
  return entry.actor.name ?? auditActorTypeLabel(entry.actor.type, localeOfLanguage(language));
}

/** A staff member's role, or the kind of actor (client, servicedesk, the office's software…). */
export function auditRole(entry: AuditEntry, language: string): string {
  return auditRoleLabel(entry.actor, localeOfLanguage(language));
}

/** What happened, in words, with the particulars of the event that explain it. */
export function auditWhat(entry: AuditEntry, t: TFunction, language: string): string {
  const locale = localeOfLanguage(language);
  const label = auditActionLabel(entry.action, locale);
  const { details } = entry;
  const extra: string[] = [];
  if (entry.action === "office-api.call") {
    extra.push(`${details.method ?? ""} ${details.route ?? ""} → ${details.status ?? ""}`.trim());
  } else if (entry.action === "staff.changed" && typeof details.role === "string") {
    extra.push(
      t("auditLog.details.roleChange", {
        from:
          typeof details.previousRole === "string"
            ? staffRoleLabel(details.previousRole, locale)
            : "",
        to: staffRoleLabel(details.role, locale),
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
