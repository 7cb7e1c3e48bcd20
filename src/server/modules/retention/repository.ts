import { and, asc, count, eq, gt, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import { ofOffice } from "#src/server/access/tenant-filters.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { accounts, clientMemberships } from "../accounts/schema.ts";
import { actions } from "../actions/schema.ts";
import { documents } from "../documents/schema.ts";
import { dossierClients, dossiers } from "../dossiers/schema.ts";
import { messages } from "../messages/schema.ts";
import { offices } from "../offices/schema.ts";
import { resumableUploads } from "../portal/schema.ts";
import { accountRetention, dossierRetentionNotices, retentionBlobDeletions } from "./schema.ts";

// ---------------------------------------------------------------- the office's setting

export async function findRetentionMonths(
  db: Database,
  scope: OfficeScope,
): Promise<number | undefined> {
  const [row] = await db
    .select({ months: offices.retentionMonths })
    .from(offices)
    .where(ofOffice(scope, offices.id));
  return row?.months;
}

/** Sets the months, with the office's row locked; returns what it was, undefined: no office. */
export async function updateRetentionMonths(
  db: Database,
  scope: OfficeScope,
  months: number,
): Promise<number | undefined> {
  const [before] = await db
    .select({ months: offices.retentionMonths })
    .from(offices)
    .where(ofOffice(scope, offices.id))
    .for("update");
  if (!before) return undefined;
  await db.update(offices).set({ retentionMonths: months }).where(ofOffice(scope, offices.id));
  return before.months;
}

// ---------------------------------------------------------------- closed dossiers

/** A closed dossier with what retention needs: the notice counts only for this closing. */
const closedDossierColumns = {
  id: dossiers.id,
  officeId: dossiers.officeId,
  closedAt: sql<Date>`${dossiers.closedAt}`.mapWith(dossiers.closedAt),
  retentionMonths: offices.retentionMonths,
  noticedAt: dossierRetentionNotices.noticedAt,
};

function selectClosedDossiers(db: Database) {
  return db
    .select(closedDossierColumns)
    .from(dossiers)
    .innerJoin(offices, eq(offices.id, dossiers.officeId))
    .leftJoin(
      dossierRetentionNotices,
      and(
        eq(dossierRetentionNotices.dossierId, dossiers.id),
        eq(dossierRetentionNotices.closedAt, dossiers.closedAt),
      ),
    );
}

export type ClosedDossierRow = Awaited<ReturnType<typeof unscopedListClosedDossiers>>[number];

/**
 * A batch of closed dossiers whose planned day (closing plus the office's months) comes before
 * `horizon`, of every office, in order of closing after `after`: the retention round's
 * candidates, which it checks one by one (by the Dutch calendar) before acting.
 */
export function unscopedListClosedDossiers(
  db: Database,
  options: { horizon: Date; after: { closedAt: Date; id: string } | undefined; limit: number },
) {
  const { after } = options;
  return selectClosedDossiers(db)
    .where(
      and(
        isNotNull(dossiers.closedAt),
        lte(
          sql`${dossiers.closedAt} + ${offices.retentionMonths} * interval '1 month'`,
          options.horizon,
        ),
        after
          ? or(
              gt(dossiers.closedAt, after.closedAt),
              and(eq(dossiers.closedAt, after.closedAt), gt(dossiers.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(dossiers.closedAt), asc(dossiers.id))
    .limit(options.limit);
}

/** The closed dossier, its row locked against a change of status while the round acts. */
export async function unscopedLockClosedDossier(
  db: Database,
  dossierId: string,
): Promise<ClosedDossierRow | undefined> {
  const [row] = await selectClosedDossiers(db)
    .where(and(eq(dossiers.id, dossierId), isNotNull(dossiers.closedAt)))
    .for("update", { of: dossiers });
  return row;
}

/** What retention says of one dossier (by id: the caller found it in its scope). */
export async function unscopedFindClosedDossier(
  db: Database,
  dossierId: string,
): Promise<ClosedDossierRow | undefined> {
  const [row] = await selectClosedDossiers(db).where(
    and(eq(dossiers.id, dossierId), isNotNull(dossiers.closedAt)),
  );
  return row;
}

export async function upsertRetentionNotice(
  db: Database,
  notice: typeof dossierRetentionNotices.$inferInsert,
): Promise<void> {
  await db
    .insert(dossierRetentionNotices)
    .values(notice)
    .onConflictDoUpdate({
      target: dossierRetentionNotices.dossierId,
      set: { closedAt: notice.closedAt, noticedAt: notice.noticedAt },
    });
}

async function countWhere(
  db: Database,
  table: typeof documents | typeof messages | typeof actions,
  dossierId: string,
) {
  const [row] = await db.select({ n: count() }).from(table).where(eq(table.dossierId, dossierId));
  return row?.n ?? 0;
}

/** How much the dossier holds: the audit event keeps the counts, never the content. */
export async function unscopedCountDossierContent(db: Database, dossierId: string) {
  return {
    documents: await countWhere(db, documents, dossierId),
    messages: await countWhere(db, messages, dossierId),
    actions: await countWhere(db, actions, dossierId),
  };
}

/**
 * Deletes the dossier and everything in the portal that belongs to it, in the caller's
 * transaction, and queues its documents' blobs (also messages' attachments and drafts) for
 * removal from the store after the commit. Actions go before documents (a questionnaire's PDF
 * and an upload request's items point at documents); the rest (links, progress, messages,
 * reads, notices) cascades with the dossier.
 */
export async function unscopedDeleteDossier(
  db: Database,
  dossierId: string,
  now: Date,
): Promise<string[]> {
  const blobs = await db
    .select({ blobKey: documents.blobKey })
    .from(documents)
    .where(eq(documents.dossierId, dossierId));
  const blobKeys = blobs.map((row) => row.blobKey);
  if (blobKeys.length > 0) {
    await db
      .insert(retentionBlobDeletions)
      .values(blobKeys.map((blobKey) => ({ blobKey, createdAt: now })))
      .onConflictDoNothing();
  }
  // An upload to the dossier left unfinished: its parts' blobs go with the nightly sweep of
  // parts no upload holds.
  await db
    .delete(resumableUploads)
    .where(sql`${resumableUploads.metadata} ->> 'dossierId' = ${dossierId}`);
  await db.delete(actions).where(eq(actions.dossierId, dossierId));
  await db.delete(messages).where(eq(messages.dossierId, dossierId));
  await db.delete(documents).where(eq(documents.dossierId, dossierId));
  await db.delete(dossiers).where(eq(dossiers.id, dossierId));
  return blobKeys;
}

export function listBlobDeletions(db: Database, limit: number) {
  return db
    .select({ blobKey: retentionBlobDeletions.blobKey })
    .from(retentionBlobDeletions)
    .orderBy(asc(retentionBlobDeletions.createdAt), asc(retentionBlobDeletions.blobKey))
    .limit(limit);
}

export async function removeBlobDeletions(db: Database, blobKeys: string[]): Promise<void> {
  if (blobKeys.length === 0) return;
  await db.delete(retentionBlobDeletions).where(inArray(retentionBlobDeletions.blobKey, blobKeys));
}

// ---------------------------------------------------------------- logins without dossiers

/** The client logins that act for no client with a dossier, at any office. */
const withoutDossiers = sql`not exists (
  select 1 from ${clientMemberships}
  join ${dossierClients} on ${dossierClients.clientId} = ${clientMemberships.clientId}
  where ${clientMemberships.accountId} = ${accounts.id} and ${clientMemberships.revokedAt} is null)`;

/** Starts the count for client logins newly without dossiers; returns how many. */
export async function unscopedMarkAccountsWithoutDossiers(db: Database, now: Date) {
  const rows = await db
    .insert(accountRetention)
    .select(
      db
        .select({
          accountId: accounts.id,
          withoutDossiersSince: sql`${now.toISOString()}::timestamptz`.as("without_dossiers_since"),
          deactivationNoticedAt: sql`null::timestamptz`.as("deactivation_noticed_at"),
          deactivatedAt: sql`null::timestamptz`.as("deactivated_at"),
          deletionNoticedAt: sql`null::timestamptz`.as("deletion_noticed_at"),
        })
        .from(accounts)
        .where(and(eq(accounts.kind, "client"), withoutDossiers)),
    )
    .onConflictDoNothing()
    .returning({ accountId: accountRetention.accountId });
  return rows.length;
}

/** Logins counted as without dossiers that have one again, with whether the round deactivated them. */
export function unscopedListAccountsWithDossiersAgain(db: Database, limit: number) {
  return db
    .select({
      accountId: accountRetention.accountId,
      deactivatedAt: accountRetention.deactivatedAt,
      status: accounts.status,
    })
    .from(accountRetention)
    .innerJoin(accounts, eq(accounts.id, accountRetention.accountId))
    .where(sql`not ${withoutDossiers}`)
    .orderBy(asc(accountRetention.accountId))
    .limit(limit);
}

export async function deleteAccountRetention(db: Database, accountId: string): Promise<void> {
  await db.delete(accountRetention).where(eq(accountRetention.accountId, accountId));
}

const accountRetentionColumns = {
  accountId: accountRetention.accountId,
  withoutDossiersSince: accountRetention.withoutDossiersSince,
  deactivationNoticedAt: accountRetention.deactivationNoticedAt,
  deactivatedAt: accountRetention.deactivatedAt,
  deletionNoticedAt: accountRetention.deletionNoticedAt,
  status: accounts.status,
  email: accounts.email,
  name: accounts.name,
  locale: accounts.locale,
};
export type AccountRetentionRow = Awaited<ReturnType<typeof unscopedListAccountRetention>>[number];

/** A batch of logins without dossiers since before `since`, after `after` by id. */
export function unscopedListAccountRetention(
  db: Database,
  options: { since: Date; after: string | undefined; limit: number },
) {
  return db
    .select(accountRetentionColumns)
    .from(accountRetention)
    .innerJoin(accounts, eq(accounts.id, accountRetention.accountId))
    .where(
      and(
        lte(accountRetention.withoutDossiersSince, options.since),
        options.after ? gt(accountRetention.accountId, options.after) : undefined,
      ),
    )
    .orderBy(asc(accountRetention.accountId))
    .limit(options.limit);
}

/** The login's retention, both rows locked; undefined when it has a dossier again. */
export async function unscopedLockAccountRetention(
  db: Database,
  accountId: string,
): Promise<AccountRetentionRow | undefined> {
  const [row] = await db
    .select(accountRetentionColumns)
    .from(accountRetention)
    .innerJoin(accounts, eq(accounts.id, accountRetention.accountId))
    .where(and(eq(accountRetention.accountId, accountId), withoutDossiers))
    .for("update");
  return row;
}

export async function updateAccountRetention(
  db: Database,
  accountId: string,
  values: Partial<Omit<typeof accountRetention.$inferInsert, "accountId">>,
): Promise<void> {
  await db.update(accountRetention).set(values).where(eq(accountRetention.accountId, accountId));
}

export async function setClientAccountStatus(
  db: Database,
  accountId: string,
  status: "active" | "deactivated",
): Promise<void> {
  await db
    .update(accounts)
    .set({ status })
    .where(and(eq(accounts.id, accountId), eq(accounts.kind, "client")));
}

/** The offices the login had a place at, for their audit logs. */
export async function listMembershipOffices(db: Database, accountId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ officeId: clientMemberships.officeId })
    .from(clientMemberships)
    .where(eq(clientMemberships.accountId, accountId));
  return rows.map((row) => row.officeId);
}

/**
 * Deletes a client login: its memberships, sessions, tokens and notices cascade; what it added
 * to dossiers stays under the name it had (as with a company's extra account).
 */
export async function deleteClientAccount(db: Database, accountId: string): Promise<void> {
  await db.delete(accounts).where(and(eq(accounts.id, accountId), eq(accounts.kind, "client")));
}
