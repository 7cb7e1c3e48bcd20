import { and, count, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import type { Database } from "#src/server/platform/db/database.ts";

export type AuditEventRow = typeof auditEvents.$inferSelect;

/**
 * The audit events about one account that its own "Mijn gegevens" shows: those whose subject
 * is the account, of the given actions, and those the account itself did of `ownActions`
 * (an approval that names the company, not the account, as its subject). Nothing else: an
 * event about another account, of the same company or not, never matches.
 */
function aboutAccount(
  accountId: string,
  subjectActions: readonly string[],
  ownActions: readonly string[],
): SQL {
  const condition = or(
    and(
      eq(auditEvents.subjectType, "account"),
      eq(auditEvents.subjectId, accountId),
      inArray(auditEvents.action, [...subjectActions]),
    ),
    and(
      eq(auditEvents.actorType, "client"),
      eq(auditEvents.actorId, accountId),
      inArray(auditEvents.action, [...ownActions]),
    ),
  );
  if (!condition) throw new Error("no condition for the account's events");
  return condition;
}

export interface SecurityEventFilter {
  accountId: string;
  subjectActions: readonly string[];
  ownActions: readonly string[];
}

/** One page of the account's events, newest first. */
export async function listAccountSecurityEvents(
  db: Database,
  filter: SecurityEventFilter,
  page: { limit: number; offset: number },
): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(aboutAccount(filter.accountId, filter.subjectActions, filter.ownActions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countAccountSecurityEvents(
  db: Database,
  filter: SecurityEventFilter,
): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(auditEvents)
    .where(aboutAccount(filter.accountId, filter.subjectActions, filter.ownActions));
  return row?.total ?? 0;
}
