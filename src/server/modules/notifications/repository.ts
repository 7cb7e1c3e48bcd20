import { and, asc, eq, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { accounts, clientMemberships } from "../accounts/schema.ts";
import { dossierClients, dossiers } from "../dossiers/schema.ts";
import { offices } from "../offices/schema.ts";
import { noticeRecipients, notices } from "./schema.ts";

export type NoticeKind = (typeof notices.kind.enumValues)[number];
export type NoticeRecipientRow = typeof noticeRecipients.$inferSelect;
export type NewNotice = Omit<typeof notices.$inferInsert, "id" | "settledAt" | "mailId">;

/** A dossier about to leave the portal is told whatever the preferences: it is the last chance. */
const preferenceColumn = {
  documents: accounts.notifyDocuments,
  messages: accounts.notifyMessages,
  questionnaires: accounts.notifyQuestionnaires,
  retention: undefined,
} as const satisfies Record<NoticeKind, unknown>;

/**
 * The logins told about news of this kind in a dossier: an open membership of a client linked
 * to it, an active login, the preference on. Not scoped: the event that calls it was checked
 * in its own scope (the office's publication, a message in a dossier the actor sees).
 */
export function unscopedListDossierClientRecipients(
  db: Database,
  { dossierId, kind, clientId }: { dossierId: string; kind: NoticeKind; clientId?: string | null },
) {
  return db
    .select({
      accountId: clientMemberships.accountId,
      membershipId: clientMemberships.id,
      officeId: clientMemberships.officeId,
    })
    .from(dossierClients)
    .innerJoin(dossiers, eq(dossiers.id, dossierClients.dossierId))
    .innerJoin(
      clientMemberships,
      and(
        eq(clientMemberships.clientId, dossierClients.clientId),
        eq(clientMemberships.officeId, dossiers.officeId),
      ),
    )
    .innerJoin(accounts, eq(accounts.id, clientMemberships.accountId))
    .where(
      and(
        eq(dossierClients.dossierId, dossierId),
        clientId ? eq(dossierClients.clientId, clientId) : undefined,
        isNull(clientMemberships.revokedAt),
        eq(accounts.kind, "client"),
        eq(accounts.status, "active"),
        kind === "retention" ? undefined : eq(preferenceColumn[kind], true),
      ),
    )
    .orderBy(asc(clientMemberships.accountId), asc(clientMemberships.id));
}

/** The dossier's handler, when an active staff member of its office. Not scoped, as above. */
export async function unscopedFindDossierHandler(db: Database, dossierId: string) {
  const [row] = await db
    .select({ accountId: accounts.id, officeId: dossiers.officeId })
    .from(dossiers)
    .innerJoin(
      accounts,
      and(eq(accounts.id, dossiers.handlerId), eq(accounts.officeId, dossiers.officeId)),
    )
    .where(
      and(eq(dossiers.id, dossierId), eq(accounts.kind, "staff"), eq(accounts.status, "active")),
    );
  return row;
}

/**
 * The login's recipient row, made if missing, and locked until the transaction ends: an event
 * and the sending job never work on one login's notices at the same time.
 */
export async function lockOrCreateRecipient(
  db: Database,
  accountId: string,
): Promise<NoticeRecipientRow> {
  const [row] = await db
    .insert(noticeRecipients)
    .values({ accountId })
    .onConflictDoUpdate({
      target: noticeRecipients.accountId,
      set: { accountId: sql`excluded.account_id` },
    })
    .returning();
  if (!row) throw new Error("notice recipient row not written");
  return row;
}

/** The login's recipient row, locked until the transaction ends. */
export async function lockRecipient(
  db: Database,
  accountId: string,
): Promise<NoticeRecipientRow | undefined> {
  const [row] = await db
    .select()
    .from(noticeRecipients)
    .where(eq(noticeRecipients.accountId, accountId))
    .for("update");
  return row;
}

export async function updateRecipient(
  db: Database,
  accountId: string,
  changes: Partial<Omit<NoticeRecipientRow, "accountId">>,
): Promise<void> {
  await db.update(noticeRecipients).set(changes).where(eq(noticeRecipients.accountId, accountId));
}

export async function insertNotice(db: Database, notice: NewNotice): Promise<void> {
  await db.insert(notices).values(notice);
}

/**
 * The login, as a notice mail needs it. Its name is the person's own (their profile), never
 * anything of a dossier.
 */
export async function findNoticeAccount(db: Database, accountId: string) {
  const [row] = await db
    .select({
      kind: accounts.kind,
      status: accounts.status,
      email: accounts.email,
      name: accounts.name,
      locale: accounts.locale,
      officeId: accounts.officeId,
      notifyDocuments: accounts.notifyDocuments,
      notifyMessages: accounts.notifyMessages,
      notifyQuestionnaires: accounts.notifyQuestionnaires,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row;
}

/**
 * The login's pending notices with what decides whether they are still to be told: the office's
 * name; for a client, whether the membership is open and its client still linked to the
 * dossier; for staff, whether the login still handles the dossier.
 */
export function listPendingNotices(db: Database, accountId: string) {
  const stillLinked: SQL<boolean> = sql<boolean>`(${notices.dossierId} IS NULL OR EXISTS (
    SELECT 1 FROM ${dossierClients}
    WHERE ${dossierClients.dossierId} = ${notices.dossierId}
      AND ${dossierClients.clientId} = ${clientMemberships.clientId}))`;
  const stillHandles: SQL<boolean> = sql<boolean>`(${notices.dossierId} IS NULL OR EXISTS (
    SELECT 1 FROM ${dossiers}
    WHERE ${dossiers.id} = ${notices.dossierId} AND ${dossiers.handlerId} = ${notices.accountId}))`;
  return db
    .select({
      id: notices.id,
      audience: notices.audience,
      kind: notices.kind,
      officeId: notices.officeId,
      officeName: offices.name,
      membershipOpen: sql<boolean>`${clientMemberships.id} IS NOT NULL AND ${clientMemberships.revokedAt} IS NULL`,
      stillLinked,
      stillHandles,
    })
    .from(notices)
    .innerJoin(offices, eq(offices.id, notices.officeId))
    .leftJoin(clientMemberships, eq(clientMemberships.id, notices.clientMembershipId))
    .where(and(eq(notices.accountId, accountId), isNull(notices.settledAt)))
    .orderBy(asc(offices.name), asc(notices.officeId), asc(notices.createdAt));
}

/** Pending notices are settled: told in a mail, or (mailId null) not to be told any more. */
export async function settleNotices(
  db: Database,
  ids: readonly string[],
  at: Date,
  mailId: string | null,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notices)
    .set({ settledAt: at, mailId })
    .where(and(inArray(notices.id, [...ids]), isNull(notices.settledAt)));
}

/** Deletes settled notices from before `before`; returns how many. */
export async function deleteSettledNotices(db: Database, before: Date): Promise<number> {
  const deleted = await db
    .delete(notices)
    .where(lt(notices.settledAt, before))
    .returning({ id: notices.id });
  return deleted.length;
}
