import type { AuditEntry } from "#src/contracts/audit-log.ts";
import type { AuditCursor } from "./repository.ts";

/**
 * What the audit views share: the period in Dutch days, the cursor of a page, and how a stored
 * event becomes an entry of the contract.
 */

const TIME_ZONE = "Europe/Amsterdam";
const DAY = 24 * 60 * 60 * 1000;
const wallClock = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** How far the Dutch clock is ahead of UTC at that moment (one or two hours). */
function dutchOffsetMs(at: Date): number {
  const parts = Object.fromEntries(
    wallClock.formatToParts(at).map((part) => [part.type, Number(part.value)]),
  );
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** Midnight at the start of a day (`YYYY-MM-DD`) in the Netherlands, as a moment. */
export function startOfDutchDay(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // The clocks change at 02:00 or 03:00, never at midnight: the offset of the hours around it holds.
  return new Date(utcMidnight - dutchOffsetMs(new Date(utcMidnight)));
}

/**
 * The period of a filter: from the start of `from` up to the end of `to`, Dutch days. A `to`
 * before `from` is an empty period, which finds nothing.
 */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }) {
  const from = query.from ? startOfDutchDay(query.from) : undefined;
  const before = query.to
    ? startOfDutchDay(
        new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY).toISOString().slice(0, 10),
      )
    : undefined;
  return { from, before };
}

/** "2026-03-06 12:47:22", the moment on the Dutch clock, for a spreadsheet. */
export function dutchTimestamp(at: Date): string {
  return new Date(at.getTime() + dutchOffsetMs(at)).toISOString().slice(0, 19).replace("T", " ");
}

export function encodeCursor(row: { occurredAt: Date; id: number }): string {
  return `${row.occurredAt.getTime()}.${row.id}`;
}

export function decodeCursor(cursor: string | undefined): AuditCursor | undefined {
  if (!cursor) return undefined;
  const [at, id] = cursor.split(".").map(Number);
  return { at: new Date(at ?? 0), id: id ?? 0 };
}

/**
 * The details a view may show: what happened, never what it was about. A login's reason and
 * second step, a role's change, a download's way, an API call's route and status, a
 * certificate's serial. E-mail addresses, texts and reasons typed by people stay in the log.
 */
const shownDetails = [
  "reason",
  "method",
  "role",
  "previousRole",
  "active",
  "disposition",
  "route",
  "status",
  "signOn",
  "level",
  "serialNumber",
  "via",
  "kind",
  "fields",
] as const;

function shown(details: unknown): AuditEntry["details"] {
  const source = (details ?? {}) as Record<string, unknown>;
  const picked: AuditEntry["details"] = {};
  for (const key of shownDetails) {
    const value = source[key];
    if (Array.isArray(value)) picked[key] = value.join(", ");
    else if (
      typeof value === "string" ||
      typeof value === "number" ||
      typeof value === "boolean" ||
      value === null
    )
      picked[key] = value;
  }
  // The reason a staff member typed when demanding a reissue is free text: never shown.
  if (typeof source.reason === "string" && source.reason.length > 40) delete picked.reason;
  return picked;
}

export interface StoredEntry {
  event: {
    id: number;
    occurredAt: Date;
    actorType: string;
    actorId: string | null;
    action: string;
    ip: string | null;
    details: unknown;
  };
  actor: { id: string; name: string; email: string; role: string | null } | null;
  subjectAccount: { id: string; name: string } | null;
  dossier?: { id: string; number: string; description: string } | null;
  document?: { id: string; title: string } | null;
}

export function toAuditEntry(row: StoredEntry): AuditEntry {
  const { event } = row;
  return {
    id: String(event.id),
    occurredAt: event.occurredAt.toISOString(),
    action: event.action,
    actor: {
      type: event.actorType,
      accountId: row.actor?.id ?? null,
      name: row.actor?.name ?? null,
      email: row.actor?.email ?? null,
      role: row.actor?.role ?? null,
    },
    subjectAccount: row.subjectAccount,
    dossier: row.dossier ?? null,
    document: row.document ?? null,
    ip: event.ip,
    details: shown(event.details),
  };
}

/** A page of rows fetched one longer than asked: the extra one says there is a next page. */
export function pageOf<Row extends StoredEntry, Entry>(
  rows: Row[],
  limit: number,
  toEntry: (row: Row) => Entry,
): { entries: Entry[]; next: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(toEntry),
    next: rows.length > limit && last ? encodeCursor(last.event) : null,
  };
}
