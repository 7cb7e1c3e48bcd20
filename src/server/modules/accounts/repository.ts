import { and, asc, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { ofOffice } from "#src/server/access/tenant-filters.ts";
import type { ClientScope, OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { offices } from "../offices/schema.ts";
import { accounts, accountTokens, clients, sessions } from "./schema.ts";

export type AccountRow = typeof accounts.$inferSelect;
export type AccountKind = AccountRow["kind"];
export type TokenPurpose = (typeof accountTokens.$inferSelect)["purpose"];
export type SessionRow = typeof sessions.$inferSelect;

export async function insertClient(db: Database, values: typeof clients.$inferInsert) {
  const [row] = await db.insert(clients).values(values).returning();
  if (!row) throw new Error("inserting a client returned no row");
  return row;
}

/** Inserts an account; undefined when its e-mail address is taken for this kind. */
export async function insertAccount(
  db: Database,
  values: typeof accounts.$inferInsert,
): Promise<AccountRow | undefined> {
  const [row] = await db
    .insert(accounts)
    .values(values)
    .onConflictDoNothing({ target: [accounts.kind, accounts.email] })
    .returning();
  return row;
}

export async function findAccountById(db: Database, id: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

export async function findAccountByEmail(db: Database, kind: AccountKind, email: string) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.kind, kind), eq(accounts.email, email)));
  return row;
}

/** The account with what its summary shows: office name and client kind. */
export async function findAccountWithContext(db: Database, id: string) {
  const [row] = await db
    .select({ account: accounts, officeName: offices.name, clientKind: clients.kind })
    .from(accounts)
    .leftJoin(offices, eq(offices.id, accounts.officeId))
    .leftJoin(clients, eq(clients.id, accounts.clientId))
    .where(eq(accounts.id, id));
  return row;
}

/** Sets the given columns; keys whose value is undefined stay as they are. */
export async function updateAccount(
  db: Database,
  id: string,
  values: Partial<typeof accounts.$inferInsert>,
): Promise<void> {
  const changes = Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(changes).length === 0) return;
  await db.update(accounts).set(changes).where(eq(accounts.id, id));
}

/** The first complete login is recorded once: it alone opens "Mijn gegevens" (seed B1). */
export async function recordFirstLogin(db: Database, id: string, at: Date): Promise<void> {
  await db
    .update(accounts)
    .set({ profileSeenAt: at })
    .where(and(eq(accounts.id, id), isNull(accounts.profileSeenAt)));
}

export async function recordFailedLogin(db: Database, id: string, lockedUntil: Date | null) {
  const [row] = await db
    .update(accounts)
    .set({ failedLogins: sql`${accounts.failedLogins} + 1`, lockedUntil })
    .where(eq(accounts.id, id))
    .returning({ failedLogins: accounts.failedLogins });
  return row?.failedLogins ?? 0;
}

/** Accounts of one office and kind, with their newest invitation link. */
export function listOfficeAccounts(db: Database, scope: OfficeScope, kind: AccountKind) {
  return db
    .select()
    .from(accounts)
    .where(and(ofOffice(scope, accounts.officeId), eq(accounts.kind, kind)))
    .orderBy(asc(accounts.name));
}

/** An account of the office and of the kind; another office's ids find nothing. */
export async function findOfficeAccountRow(
  db: Database,
  scope: OfficeScope,
  accountId: string,
  kind: AccountKind,
) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(
      and(eq(accounts.id, accountId), ofOffice(scope, accounts.officeId), eq(accounts.kind, kind)),
    );
  return row;
}

/** The accounts of the scope's client: a company's main account and its extra accounts. */
export function listClientAccounts(db: Database, scope: ClientScope) {
  return db
    .select()
    .from(accounts)
    .where(and(ofOffice(scope, accounts.officeId), eq(accounts.clientId, scope.clientId)))
    .orderBy(desc(accounts.isMainAccount), asc(accounts.name));
}

export async function deleteAccount(db: Database, id: string): Promise<void> {
  await db.delete(accounts).where(eq(accounts.id, id));
}

// Link tokens

export async function insertToken(db: Database, values: typeof accountTokens.$inferInsert) {
  await db.insert(accountTokens).values(values);
}

/** Revokes the account's open links of these purposes: a newer link replaces them. */
export async function revokeOpenTokens(
  db: Database,
  accountId: string,
  purposes: TokenPurpose[],
  now: Date,
): Promise<void> {
  for (const purpose of purposes) {
    await db
      .update(accountTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(accountTokens.accountId, accountId),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.usedAt),
          isNull(accountTokens.revokedAt),
        ),
      );
  }
}

export async function findTokenByHash(db: Database, tokenHash: string) {
  const [row] = await db.select().from(accountTokens).where(eq(accountTokens.tokenHash, tokenHash));
  return row;
}

/** Marks a link used, only if it still was open: false when another request used it first. */
export async function markTokenUsed(db: Database, id: string, now: Date): Promise<boolean> {
  const used = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(eq(accountTokens.id, id), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)),
    )
    .returning({ id: accountTokens.id });
  return used.length > 0;
}

export async function findNewestToken(db: Database, accountId: string, purpose: TokenPurpose) {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.accountId, accountId), eq(accountTokens.purpose, purpose)))
    // Issued in the same instant as the links it replaced, the new link is the unrevoked one.
    .orderBy(desc(accountTokens.createdAt), sql`${accountTokens.revokedAt} IS NULL DESC`)
    .limit(1);
  return row;
}

// Sessions

export async function insertSession(db: Database, values: typeof sessions.$inferInsert) {
  const [row] = await db.insert(sessions).values(values).returning();
  if (!row) throw new Error("inserting a session returned no row");
  return row;
}

export async function findLiveSessionByHash(db: Database, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(
      and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt), gt(sessions.expiresAt, now)),
    );
  return row;
}

export async function updateSession(
  db: Database,
  id: string,
  values: Partial<typeof sessions.$inferInsert>,
): Promise<void> {
  await db.update(sessions).set(values).where(eq(sessions.id, id));
}

export async function endSession(db: Database, id: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Ends all of an account's sessions, except `keep` when given. */
export async function endAccountSessions(
  db: Database,
  accountId: string,
  now: Date,
  keep?: string,
): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(sessions.accountId, accountId),
        isNull(sessions.endedAt),
        keep ? ne(sessions.id, keep) : undefined,
      ),
    );
}

export function listLiveSessions(db: Database, accountId: string, now: Date) {
  return db
    .select()
    .from(sessions)
    .where(
      and(eq(sessions.accountId, accountId), isNull(sessions.endedAt), gt(sessions.expiresAt, now)),
    )
    .orderBy(desc(sessions.lastSeenAt));
}
