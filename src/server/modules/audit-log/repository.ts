import { and, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { ofOffice } from "#src/server/access/tenant-filters.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import { auditEvents } from "#src/server/platform/audit/schema.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { containing } from "#src/server/platform/db/like-pattern.ts";
import { accounts } from "../accounts/schema.ts";
import { documents } from "../documents/schema.ts";
import { dossiers } from "../dossiers/schema.ts";
import { offices } from "../offices/schema.ts";

/**
 * The audit log read by those who answer for it (issue 19). An event names what it is about by
 * type and text id, and its dossier in its details; the joins below find the names of those
 * that still exist, each in the office of the event, so a name never comes from another office.
 */

const actor = alias(accounts, "actor");
const subjectAccount = alias(accounts, "subject_account");

const UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/** A text id as a uuid to join on, or null when it is none (a certificate serial, a job). */
function asUuid(text: SQL): SQL {
  return sql`(case when ${text} ~ ${UUID} then (${text})::uuid end)`;
}

const actorAccountId = asUuid(sql`${auditEvents.actorId}`);
const subjectAccountId = asUuid(
  sql`case when ${auditEvents.subjectType} = 'account' then ${auditEvents.subjectId} end`,
);
/** The dossier an event is about: its subject, or the dossier its details name. */
const dossierId = asUuid(
  sql`case when ${auditEvents.subjectType} = 'dossier' then ${auditEvents.subjectId} else ${auditEvents.details} ->> 'dossierId' end`,
);
const documentId = asUuid(
  sql`case when ${auditEvents.subjectType} = 'document' then ${auditEvents.subjectId} end`,
);

/** Where a page starts: after the event at this moment with this id (newest first). */
export interface AuditCursor {
  at: Date;
  id: number;
}

export interface AuditFilter {
  /** Only these actions; none: every action. */
  actions?: readonly string[] | undefined;
  /** From this moment on (inclusive). */
  from?: Date | undefined;
  /** Before this moment. */
  before?: Date | undefined;
  after?: AuditCursor | undefined;
  limit: number;
}

export interface OfficeAuditFilter extends AuditFilter {
  /** Part of a name or e-mail address of the actor or of the account acted upon. */
  person?: string | undefined;
  /** The actor or the account acted upon. */
  accountId?: string | undefined;
  /** Events about the office's dossier with this number (while it exists). */
  dossierNumber?: string | undefined;
}

function commonConditions(filter: AuditFilter): (SQL | undefined)[] {
  return [
    filter.actions ? inArray(auditEvents.action, [...filter.actions]) : undefined,
    filter.from ? gte(auditEvents.occurredAt, filter.from) : undefined,
    filter.before ? lt(auditEvents.occurredAt, filter.before) : undefined,
    filter.after
      ? sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${filter.after.at.toISOString()}::timestamptz, ${filter.after.id})`
      : undefined,
  ];
}

const entryColumns = {
  event: {
    id: auditEvents.id,
    occurredAt: auditEvents.occurredAt,
    actorType: auditEvents.actorType,
    actorId: auditEvents.actorId,
    action: auditEvents.action,
    subjectType: auditEvents.subjectType,
    subjectId: auditEvents.subjectId,
    ip: auditEvents.ip,
    details: auditEvents.details,
    officeId: auditEvents.officeId,
  },
  actor: { id: actor.id, name: actor.name, email: actor.email, role: actor.role },
  subjectAccount: { id: subjectAccount.id, name: subjectAccount.name },
};

/** The office's own audit events, newest first, in the office's scope (its `office_id`). */
export function listOfficeAuditEvents(db: Database, scope: OfficeScope, filter: OfficeAuditFilter) {
  const person = filter.person ? containing(filter.person) : undefined;
  return db
    .select({
      ...entryColumns,
      dossier: { id: dossiers.id, number: dossiers.number, description: dossiers.description },
      document: { id: documents.id, title: documents.title },
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, actorAccountId))
    .leftJoin(subjectAccount, eq(subjectAccount.id, subjectAccountId))
    .leftJoin(dossiers, and(eq(dossiers.id, dossierId), ofOffice(scope, dossiers.officeId)))
    .leftJoin(documents, and(eq(documents.id, documentId), ofOffice(scope, documents.officeId)))
    .where(
      and(
        ofOffice(scope, auditEvents.officeId),
        ...commonConditions(filter),
        filter.accountId
          ? or(eq(actor.id, filter.accountId), eq(subjectAccount.id, filter.accountId))
          : undefined,
        person
          ? or(
              ilike(actor.name, person),
              ilike(actor.email, person),
              ilike(subjectAccount.name, person),
              ilike(subjectAccount.email, person),
            )
          : undefined,
        filter.dossierNumber ? eq(dossiers.number, filter.dossierNumber) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(filter.limit);
}

export type OfficeAuditRow = Awaited<ReturnType<typeof listOfficeAuditEvents>>[number];

/**
 * Certificate events across offices, for the servicedesk. Unscoped: the servicedesk's routes
 * checked that the caller is platform staff with the servicedesk role, whose work is every
 * office's certificates.
 */
export function unscopedListCertificateEvents(
  db: Database,
  filter: AuditFilter & { actions: readonly string[]; officeId?: string | undefined },
) {
  return db
    .select({ ...entryColumns, office: { id: offices.id, name: offices.name } })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, actorAccountId))
    .leftJoin(subjectAccount, eq(subjectAccount.id, subjectAccountId))
    .leftJoin(offices, eq(offices.id, auditEvents.officeId))
    .where(
      and(
        ...commonConditions(filter),
        filter.officeId ? eq(auditEvents.officeId, filter.officeId) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(filter.limit);
}
