import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { clients } from "../accounts/schema.ts";
import { offices } from "../offices/schema.ts";
import {
  portalEherkenningLinks,
  portalSamlRequests,
  portalSamlSessions,
  portalSpKeys,
} from "./schema.ts";

/**
 * The portal SP's tables. A request and a pending link are reached only by the hash of a token
 * in the browser that made them, an approval only by the hash of the mailed token; what they
 * show of a company is what the person proved with eHerkenning.
 */

export type LinkRow = typeof portalEherkenningLinks.$inferSelect;

export async function findSpKey(db: Database) {
  const [row] = await db
    .select()
    .from(portalSpKeys)
    .where(eq(portalSpKeys.purpose, "signing-and-encryption"));
  return row;
}

export async function insertSpKeyUnlessPresent(
  db: Database,
  values: typeof portalSpKeys.$inferInsert,
): Promise<void> {
  await db
    .insert(portalSpKeys)
    .values(values)
    .onConflictDoNothing({ target: portalSpKeys.purpose });
}

export async function insertSamlRequest(
  db: Database,
  values: typeof portalSamlRequests.$inferInsert,
): Promise<void> {
  await db.insert(portalSamlRequests).values(values);
}

export async function deleteExpiredSamlRequests(db: Database, now: Date): Promise<void> {
  await db.delete(portalSamlRequests).where(lt(portalSamlRequests.expiresAt, now));
}

/**
 * Marks the browser's open request answered, once: a second Response to it (a replay) finds
 * nothing. Returns the request with its office and the level it demanded.
 */
export async function consumeSamlRequest(
  db: Database,
  input: { requestId: string; browserTokenHash: string; now: Date },
) {
  const [row] = await db
    .update(portalSamlRequests)
    .set({ consumedAt: input.now })
    .where(
      and(
        eq(portalSamlRequests.requestId, input.requestId),
        eq(portalSamlRequests.browserTokenHash, input.browserTokenHash),
        isNull(portalSamlRequests.consumedAt),
        gt(portalSamlRequests.expiresAt, input.now),
      ),
    )
    .returning();
  return row;
}

/** The link of this eHerkenning (IdP and pseudonym) for this client, approved or not. */
export async function findLink(
  db: Database,
  key: { idpEntityId: string; pseudonym: string; clientId: string },
): Promise<LinkRow | undefined> {
  const [row] = await db
    .select()
    .from(portalEherkenningLinks)
    .where(
      and(
        eq(portalEherkenningLinks.idpEntityId, key.idpEntityId),
        eq(portalEherkenningLinks.pseudonym, key.pseudonym),
        eq(portalEherkenningLinks.clientId, key.clientId),
      ),
    );
  return row;
}

export async function findLinkById(db: Database, id: string): Promise<LinkRow | undefined> {
  const [row] = await db
    .select()
    .from(portalEherkenningLinks)
    .where(eq(portalEherkenningLinks.id, id));
  return row;
}

export async function insertLink(
  db: Database,
  values: typeof portalEherkenningLinks.$inferInsert,
): Promise<LinkRow> {
  const [row] = await db.insert(portalEherkenningLinks).values(values).returning();
  if (!row) throw new Error("inserting an eHerkenning link returned no row");
  return row;
}

export async function updateLink(
  db: Database,
  id: string,
  values: Partial<typeof portalEherkenningLinks.$inferInsert>,
): Promise<LinkRow | undefined> {
  const [row] = await db
    .update(portalEherkenningLinks)
    .set(values)
    .where(eq(portalEherkenningLinks.id, id))
    .returning();
  return row;
}

/** A link with the names its pages show: the office's and the company's. */
const linkWithNames = {
  link: portalEherkenningLinks,
  officeName: offices.name,
  companyName: clients.name,
};

/** The not yet approved link this browser came with, while its browser token lives. */
export async function findPendingLinkOfBrowser(db: Database, browserTokenHash: string, now: Date) {
  const [row] = await db
    .select(linkWithNames)
    .from(portalEherkenningLinks)
    .innerJoin(offices, eq(offices.id, portalEherkenningLinks.officeId))
    .innerJoin(clients, eq(clients.id, portalEherkenningLinks.clientId))
    .where(
      and(
        eq(portalEherkenningLinks.browserTokenHash, browserTokenHash),
        gt(portalEherkenningLinks.browserExpiresAt, now),
        isNull(portalEherkenningLinks.approvedAt),
      ),
    );
  return row;
}

/** The link a mailed approval token belongs to; `lock` holds it until the approval commits. */
export async function findLinkByApprovalToken(
  db: Database,
  approvalTokenHash: string,
  lock = false,
) {
  const query = db
    .select(linkWithNames)
    .from(portalEherkenningLinks)
    .innerJoin(offices, eq(offices.id, portalEherkenningLinks.officeId))
    .innerJoin(clients, eq(clients.id, portalEherkenningLinks.clientId))
    .where(eq(portalEherkenningLinks.approvalTokenHash, approvalTokenHash));
  const [row] = await (lock ? query.for("update", { of: portalEherkenningLinks }) : query);
  return row;
}

/** Requests never approved whose browser and approval windows have both passed. */
export async function deleteStaleLinkRequests(db: Database, now: Date): Promise<void> {
  await db
    .delete(portalEherkenningLinks)
    .where(
      and(
        isNull(portalEherkenningLinks.approvedAt),
        lt(portalEherkenningLinks.browserExpiresAt, now),
        or(
          isNull(portalEherkenningLinks.approvalExpiresAt),
          lt(portalEherkenningLinks.approvalExpiresAt, now),
        ),
      ),
    );
}

export async function insertSamlSession(
  db: Database,
  values: typeof portalSamlSessions.$inferInsert,
): Promise<void> {
  await db.insert(portalSamlSessions).values(values);
}

export async function findSamlSession(db: Database, sessionId: string) {
  const [row] = await db
    .select()
    .from(portalSamlSessions)
    .where(eq(portalSamlSessions.sessionId, sessionId));
  return row;
}

/** The live portal sessions an IdP's LogoutRequest names, by its NameID. */
export async function findSamlSessionsByNameId(db: Database, idpEntityId: string, nameId: string) {
  return db
    .select()
    .from(portalSamlSessions)
    .where(
      and(eq(portalSamlSessions.idpEntityId, idpEntityId), eq(portalSamlSessions.nameId, nameId)),
    );
}
