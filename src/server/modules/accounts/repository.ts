import { and, asc, count, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { foundIn, ofOffice } from "#src/server/access/tenant-filters.ts";
import type { ClientScope, InScope, OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { preparedQuery } from "#src/server/platform/db/prepared-queries.ts";
import { offices } from "../offices/schema.ts";
import {
  accounts,
  accountTokens,
  clientMemberships,
  clients,
  OFFICE_SOFTWARE_ROLE,
  sessions,
} from "./schema.ts";

export type AccountRow = typeof accounts.$inferSelect;
export type MembershipRow = typeof clientMemberships.$inferSelect;
export type AccountKind = AccountRow["kind"];
export type TokenPurpose = (typeof accountTokens.$inferSelect)["purpose"];
export type SessionRow = typeof sessions.$inferSelect;
export type ClientRow = typeof clients.$inferSelect;

export async function insertClient(db: Database, values: typeof clients.$inferInsert) {
  const [row] = await db.insert(clients).values(values).returning();
  if (!row) throw new Error("inserting a client returned no row");
  return row;
}

/** A client of the office; another office's ids find nothing. */
export async function findOfficeClient(
  db: Database,
  scope: OfficeScope,
  clientId: string,
): Promise<InScope<ClientRow> | undefined> {
  const rows = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), ofOffice(scope, clients.officeId)));
  return foundIn(rows)[0];
}

/** Whether another client of the office has this KvK number. */
export async function isKvkNumberTaken(
  db: Database,
  scope: OfficeScope,
  kvkNumber: string,
  exceptClientId?: string,
): Promise<boolean> {
  const [clash] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(
      and(
        ofOffice(scope, clients.officeId),
        eq(clients.kvkNumber, kvkNumber),
        exceptClientId ? ne(clients.id, exceptClientId) : undefined,
      ),
    )
    .limit(1);
  return clash !== undefined;
}

export async function updateClientKvkNumber(
  db: Database,
  client: InScope<{ id: string }>,
  kvkNumber: string | null,
): Promise<void> {
  await db.update(clients).set({ kvkNumber }).where(eq(clients.id, client.id));
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

/**
 * The account with what its mails and summary name: the office's name and the client's kind.
 * Staff: their office. A client login: the office of the membership given, or, without one, of
 * its only membership (a login of several offices names none).
 */
export async function findAccountWithContext(db: Database, id: string, membershipId?: string) {
  const account = await findAccountById(db, id);
  if (!account) return undefined;
  if (account.kind !== "client") {
    const [office] = account.officeId
      ? await db
          .select({ name: offices.name })
          .from(offices)
          .where(eq(offices.id, account.officeId))
      : [];
    return { account, officeName: office?.name ?? null, clientKind: null };
  }
  const memberships = await db
    .select({ officeName: offices.name, clientKind: clients.kind })
    .from(clientMemberships)
    .innerJoin(offices, eq(offices.id, clientMemberships.officeId))
    .innerJoin(clients, eq(clients.id, clientMemberships.clientId))
    .where(
      and(
        eq(clientMemberships.accountId, id),
        membershipId ? eq(clientMemberships.id, membershipId) : undefined,
      ),
    )
    .limit(2);
  const [only] = memberships.length === 1 ? memberships : [];
  return { account, officeName: only?.officeName ?? null, clientKind: only?.clientKind ?? null };
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

/** The staff accounts of one office. */
/** Staff who are people: not the office's practice software, which no one manages. */
const isPerson = sql`${accounts.role} IS DISTINCT FROM ${OFFICE_SOFTWARE_ROLE}`;

export function listOfficeStaffAccounts(db: Database, scope: OfficeScope) {
  return db
    .select()
    .from(accounts)
    .where(and(ofOffice(scope, accounts.officeId), eq(accounts.kind, "staff"), isPerson))
    .orderBy(asc(accounts.name));
}

/** A staff account of the office; another office's ids find nothing. */
export async function findOfficeStaffAccount(db: Database, scope: OfficeScope, accountId: string) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.id, accountId),
        ofOffice(scope, accounts.officeId),
        eq(accounts.kind, "staff"),
        isPerson,
      ),
    );
  return row;
}

export async function deleteAccount(db: Database, id: string): Promise<void> {
  await db.delete(accounts).where(eq(accounts.id, id));
}

// Client memberships: which office's client a login acts for (ADR 0011)

/** A membership with its login: what the office's and the company's lists show. */
export interface MembershipWithAccount {
  membership: MembershipRow;
  account: AccountRow;
}

const membershipWithAccount = { membership: clientMemberships, account: accounts };

/**
 * The client login with the address: made (invited) when there is none, else the existing one,
 * unchanged. One statement either way, so that an invitation does the same work whether or not
 * the address has a login (ADR 0011); the no-op update also locks the row against a concurrent
 * invitation of the same address.
 */
export async function upsertClientLogin(
  db: Database,
  values: typeof accounts.$inferInsert & { kind: "client" },
): Promise<AccountRow> {
  const [row] = await db
    .insert(accounts)
    .values(values)
    .onConflictDoUpdate({
      target: [accounts.kind, accounts.email],
      set: { email: sql`excluded.email` },
    })
    .returning();
  if (!row) throw new Error("the client login upsert returned no row");
  return row;
}

/**
 * A membership with its login, by id alone: for the job that mails about a membership, which
 * the invitation that enqueued it found in the office's (or the company's) scope.
 */
export async function unscopedFindMembership(
  db: Database,
  membershipId: string,
): Promise<MembershipWithAccount | undefined> {
  const [row] = await db
    .select(membershipWithAccount)
    .from(clientMemberships)
    .innerJoin(accounts, eq(accounts.id, clientMemberships.accountId))
    .where(eq(clientMemberships.id, membershipId));
  return row;
}

/** Inserts a membership; undefined when the login already acts for this client. */
export async function insertMembership(
  db: Database,
  values: typeof clientMemberships.$inferInsert,
): Promise<MembershipRow | undefined> {
  const [row] = await db
    .insert(clientMemberships)
    .values(values)
    .onConflictDoNothing({ target: [clientMemberships.accountId, clientMemberships.clientId] })
    .returning();
  return row;
}

/** A membership of the office with its login and the client it acts for. */
export interface OfficeClientMembership extends MembershipWithAccount {
  client: ClientRow;
}

/**
 * The office's client logins, one row per membership, with the client each acts for: only
 * ever the office's own.
 */
export function listOfficeMemberships(
  db: Database,
  scope: OfficeScope,
): Promise<OfficeClientMembership[]> {
  return db
    .select({ ...membershipWithAccount, client: clients })
    .from(clientMemberships)
    .innerJoin(accounts, eq(accounts.id, clientMemberships.accountId))
    .innerJoin(clients, eq(clients.id, clientMemberships.clientId))
    .where(ofOffice(scope, clientMemberships.officeId))
    .orderBy(asc(clientMemberships.name), asc(clientMemberships.createdAt));
}

/** A membership of the office; another office's ids find nothing. */
export async function findOfficeMembership(
  db: Database,
  scope: OfficeScope,
  membershipId: string,
): Promise<MembershipWithAccount | undefined> {
  const [row] = await db
    .select(membershipWithAccount)
    .from(clientMemberships)
    .innerJoin(accounts, eq(accounts.id, clientMemberships.accountId))
    .where(
      and(eq(clientMemberships.id, membershipId), ofOffice(scope, clientMemberships.officeId)),
    );
  return row;
}

/**
 * Whether the client login with this address is already a client account of the office (the
 * office's own knowledge). One query whether or not the address has a login anywhere, so that
 * an invitation does the same work either way (ADR 0011).
 */
export async function isOfficeMemberByEmail(
  db: Database,
  scope: OfficeScope,
  email: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: clientMemberships.id })
    .from(clientMemberships)
    .innerJoin(accounts, eq(accounts.id, clientMemberships.accountId))
    .where(
      and(
        eq(accounts.kind, "client"),
        eq(accounts.email, email),
        ofOffice(scope, clientMemberships.officeId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The memberships of the scope's client: a company's main account and its extra accounts. */
export function listClientMemberships(
  db: Database,
  scope: ClientScope,
): Promise<MembershipWithAccount[]> {
  return db
    .select(membershipWithAccount)
    .from(clientMemberships)
    .innerJoin(accounts, eq(accounts.id, clientMemberships.accountId))
    .where(
      and(
        ofOffice(scope, clientMemberships.officeId),
        eq(clientMemberships.clientId, scope.clientId),
      ),
    )
    .orderBy(desc(clientMemberships.isMainAccount), asc(clientMemberships.name));
}

/** A membership of the scope's client; another client's ids find nothing. */
export async function findClientMembership(
  db: Database,
  scope: ClientScope,
  membershipId: string,
): Promise<MembershipWithAccount | undefined> {
  const [row] = await db
    .select(membershipWithAccount)
    .from(clientMemberships)
    .innerJoin(accounts, eq(accounts.id, clientMemberships.accountId))
    .where(
      and(
        eq(clientMemberships.id, membershipId),
        ofOffice(scope, clientMemberships.officeId),
        eq(clientMemberships.clientId, scope.clientId),
      ),
    );
  return row;
}

const membershipChoice = {
  membership: clientMemberships,
  officeName: offices.name,
  clientName: clients.name,
  clientKind: clients.kind,
};

/** What a login's own memberships are, with office and client, for the choice of office. */
export function listAccountMemberships(db: Database, accountId: string) {
  return db
    .select(membershipChoice)
    .from(clientMemberships)
    .innerJoin(offices, eq(offices.id, clientMemberships.officeId))
    .innerJoin(clients, eq(clients.id, clientMemberships.clientId))
    .where(eq(clientMemberships.accountId, accountId))
    .orderBy(asc(offices.name), asc(clients.name));
}

/** One of the login's own memberships; another login's ids find nothing. */
export async function findAccountMembership(db: Database, accountId: string, membershipId: string) {
  const [row] = await db
    .select(membershipChoice)
    .from(clientMemberships)
    .innerJoin(offices, eq(offices.id, clientMemberships.officeId))
    .innerJoin(clients, eq(clients.id, clientMemberships.clientId))
    .where(and(eq(clientMemberships.id, membershipId), eq(clientMemberships.accountId, accountId)));
  return row;
}

export async function countAccountMemberships(db: Database, accountId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(clientMemberships)
    .where(eq(clientMemberships.accountId, accountId));
  return row?.total ?? 0;
}

/** Sets the given columns; keys whose value is undefined stay as they are. */
export async function updateMembership(
  db: Database,
  id: string,
  values: Partial<Pick<MembershipRow, "invitedAt" | "revokedAt">>,
): Promise<void> {
  const changes = Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(changes).length === 0) return;
  await db.update(clientMemberships).set(changes).where(eq(clientMemberships.id, id));
}

/**
 * The first time the person acts for the membership; later times change nothing. Answers the
 * membership when this was its first time.
 */
export async function markMembershipJoined(
  db: Database,
  id: string,
  at: Date,
): Promise<{ officeId: string; clientId: string } | undefined> {
  const [joined] = await db
    .update(clientMemberships)
    .set({ joinedAt: at })
    .where(and(eq(clientMemberships.id, id), isNull(clientMemberships.joinedAt)))
    .returning({ officeId: clientMemberships.officeId, clientId: clientMemberships.clientId });
  return joined;
}

export async function deleteMembership(db: Database, id: string): Promise<void> {
  await db.delete(clientMemberships).where(eq(clientMemberships.id, id));
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

/**
 * The live session of a token's hash with its account and the membership it acts for (ADR
 * 0011): what every API request asks first, so it is one round trip, and prepared. The
 * membership is joined with the session's own account: one of another login is never found.
 */
export async function findLiveSessionContext(db: Database, tokenHash: string, now: Date) {
  const [row] = await sessionContextQuery(db).execute({ tokenHash, now: now.toISOString() });
  if (!row) return undefined;
  const { session, account, membership, officeName, clientName, clientKind } = row;
  return {
    session,
    account,
    membership:
      membership && officeName !== null && clientName !== null && clientKind !== null
        ? { membership, officeName, clientName, clientKind }
        : undefined,
  };
}

const sessionContextQuery = preparedQuery((db) =>
  db
    .select({ session: sessions, account: accounts, ...membershipChoice })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(
      clientMemberships,
      and(
        eq(clientMemberships.id, sessions.clientMembershipId),
        eq(clientMemberships.accountId, sessions.accountId),
      ),
    )
    .leftJoin(offices, eq(offices.id, clientMemberships.officeId))
    .leftJoin(clients, eq(clients.id, clientMemberships.clientId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder("tokenHash")),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql.placeholder("now")),
      ),
    )
    .prepare("live_session_context"),
);

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

/**
 * The look-ups of a company login with eHerkenning (ADR 0017). They are unscoped: no session
 * exists yet. Who checked access is the portal's SAML service provider, which verified the IdP's
 * signed assertion naming this KvK number for this office's portal service.
 */

/** The office's company client with this KvK number. */
export async function unscopedFindCompanyByKvk(db: Database, officeId: string, kvkNumber: string) {
  const [row] = await db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(
      and(
        eq(clients.officeId, officeId),
        eq(clients.kind, "company"),
        eq(clients.kvkNumber, kvkNumber),
      ),
    );
  return row;
}

/** The client's open membership of the main account, or of the login with this address. */
export async function unscopedFindOpenMembership(
  db: Database,
  clientId: string,
  which: { main: true } | { email: string },
): Promise<MembershipWithAccount | undefined> {
  const [row] = await db
    .select(membershipWithAccount)
    .from(clientMemberships)
    .innerJoin(accounts, eq(accounts.id, clientMemberships.accountId))
    .where(
      and(
        eq(clientMemberships.clientId, clientId),
        isNull(clientMemberships.revokedAt),
        "main" in which
          ? eq(clientMemberships.isMainAccount, true)
          : eq(accounts.email, which.email),
      ),
    );
  return row;
}

/**
 * The office's practice-software account (issue 16), made on first use: the same row for two
 * requests at once, by the unique address of the office's software.
 */
export async function upsertOfficeSoftwareAccount(
  db: Database,
  values: { officeId: string; email: string; name: string; createdAt: Date },
): Promise<AccountRow> {
  const [row] = await db
    .insert(accounts)
    .values({ ...values, kind: "staff", role: OFFICE_SOFTWARE_ROLE, status: "active" })
    .onConflictDoUpdate({
      target: [accounts.kind, accounts.email],
      set: { email: sql`excluded.email` },
    })
    .returning();
  if (!row) throw new Error("the office software account upsert returned no row");
  return row;
}
