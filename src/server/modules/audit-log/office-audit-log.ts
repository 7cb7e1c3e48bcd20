import { Readable } from "node:stream";
import type { z } from "zod";
import { auditActionLabel } from "#src/contracts/audit-actions.ts";
import { auditActorTypeLabel, auditRoleLabel } from "#src/contracts/audit-actors.ts";
import {
  type AuditPage,
  type officeAuditExportQuerySchema,
  officeAuditKinds,
  type officeAuditQuerySchema,
} from "#src/contracts/audit-log.ts";
import type { Locale } from "#src/contracts/locale.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import { CSV_BOM, csvLine } from "#src/server/platform/csv.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { auditActor, type StaffActor } from "../accounts/request-actors.ts";
import { decodeCursor, dutchTimestamp, pageOf, periodOf, toAuditEntry } from "./audit-entries.ts";
import { listOfficeAuditEvents, type OfficeAuditFilter } from "./repository.ts";

/**
 * The back office's "Auditlog" (issue 19): the events the office answers for, as its admins
 * read them. Every query runs in the office's scope, taken from the admin's session: the
 * filters narrow within it, and another office's ids in them find nothing.
 */

type ExportQuery = z.output<typeof officeAuditExportQuerySchema>;
type PageQuery = z.output<typeof officeAuditQuerySchema>;

function filterOf(query: ExportQuery): Omit<OfficeAuditFilter, "limit"> {
  return {
    ...periodOf(query),
    actions: query.kind ? officeAuditKinds[query.kind] : undefined,
    person: query.person || undefined,
    accountId: query.accountId,
    dossierNumber: query.dossier || undefined,
  };
}

export async function officeAuditPage(
  db: Database,
  scope: OfficeScope,
  query: PageQuery,
): Promise<AuditPage> {
  const rows = await listOfficeAuditEvents(db, scope, {
    ...filterOf(query),
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit, toAuditEntry);
}

/** Rows the export reads at a time: the file streams, however long the period. */
const EXPORT_BATCH = 500;

const headings: Record<Locale, string[]> = {
  nl: [
    "Tijd",
    "Wie",
    "E-mailadres",
    "Rol",
    "Wat",
    "Actie",
    "Betreft",
    "Dossier",
    "Document",
    "IP-adres",
    "Bijzonderheden",
  ],
  en: [
    "Time",
    "Who",
    "E-mail address",
    "Role",
    "What",
    "Action",
    "Concerns",
    "Dossier",
    "Document",
    "IP address",
    "Details",
  ],
};

/**
 * Every event of the filter as CSV, newest first, read in batches as the file is sent. Times
 * are Dutch (Europe/Amsterdam); the action is in words in the admin's language and as its code.
 * The export itself is audited first: the log says who took a copy of it, and with what filter.
 */
export async function exportOfficeAuditLog(
  deps: { db: Database; clock: Clock },
  admin: StaffActor,
  query: ExportQuery,
  locale: Locale,
  ip: string,
): Promise<Readable> {
  await recordAuditEvent(deps.db, deps.clock, {
    actor: auditActor(admin.account),
    action: "audit-log.exported",
    ip,
    details: { ...query },
    officeId: admin.officeId,
  });
  return officeAuditCsv(deps.db, admin.scope, query, locale);
}

function officeAuditCsv(
  db: Database,
  scope: OfficeScope,
  query: ExportQuery,
  locale: Locale,
): Readable {
  const filter = filterOf(query);
  async function* lines() {
    yield CSV_BOM + csvLine(headings[locale]);
    let after: OfficeAuditFilter["after"];
    for (;;) {
      const rows = await listOfficeAuditEvents(db, scope, {
        ...filter,
        after,
        limit: EXPORT_BATCH,
      });
      for (const row of rows) {
        const entry = toAuditEntry(row);
        yield csvLine([
          dutchTimestamp(row.event.occurredAt),
          entry.actor.name ?? auditActorTypeLabel(entry.actor.type, locale),
          entry.actor.email ?? "",
          auditRoleLabel(entry.actor, locale),
          auditActionLabel(entry.action, locale),
          entry.action,
          entry.subjectAccount?.name ?? "",
          entry.dossier ? `${entry.dossier.number} ${entry.dossier.description}` : "",
          entry.document?.title ?? "",
          entry.ip ?? "",
          Object.entries(entry.details)
            .map(([key, value]) => `${key}=${value}`)
            .join(", "),
        ]);
      }
      const last = rows.at(-1);
      if (rows.length < EXPORT_BATCH || !last) return;
      after = { at: last.event.occurredAt, id: last.event.id };
    }
  }
  return Readable.from(lines());
}
