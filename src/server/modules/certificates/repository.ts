import { and, asc, desc, eq, gt, ilike, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { ofOffice } from "#src/server/access/tenant-filters.ts";
import type { OfficeScope } from "#src/server/access/tenant-scope.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { containing } from "#src/server/platform/db/like-pattern.ts";
import { isAnyOf, preparedQuery } from "#src/server/platform/db/prepared-queries.ts";
import { mails } from "#src/server/platform/mail/schema.ts";
import { offices } from "../offices/schema.ts";
import {
  certificateAuthorities,
  certificateRequests,
  expiryReminders,
  ocspResponses,
  officeCertificates,
  reissueDemands,
  revocationLists,
} from "./schema.ts";

export type AuthorityRow = typeof certificateAuthorities.$inferSelect;
export type CertificateRow = typeof officeCertificates.$inferSelect;
export type RequestRow = typeof certificateRequests.$inferSelect;
/** What an OCSP response says of a certificate, and whose it is. */
export type OcspSubject = Pick<
  CertificateRow,
  "id" | "serialNumber" | "authorityId" | "revokedAt" | "revocationReason"
>;

export async function findNewestAuthority(db: Database, role: AuthorityRow["role"]) {
  const [row] = await db
    .select()
    .from(certificateAuthorities)
    .where(eq(certificateAuthorities.role, role))
    .orderBy(desc(certificateAuthorities.createdAt))
    .limit(1);
  return row;
}

export async function insertAuthority(
  db: Database,
  values: typeof certificateAuthorities.$inferInsert,
) {
  const [row] = await db.insert(certificateAuthorities).values(values).returning();
  if (!row) throw new Error("inserting a CA returned no row");
  return row;
}

export async function findRevocationList(db: Database, authorityId: string) {
  const [row] = await db
    .select()
    .from(revocationLists)
    .where(eq(revocationLists.authorityId, authorityId));
  return row;
}

export async function saveRevocationList(
  db: Database,
  values: typeof revocationLists.$inferInsert,
) {
  await db
    .insert(revocationLists)
    .values(values)
    .onConflictDoUpdate({
      target: revocationLists.authorityId,
      set: {
        crlNumber: values.crlNumber,
        thisUpdate: values.thisUpdate,
        nextUpdate: values.nextUpdate,
        der: values.der,
      },
    });
}

/** The revoked certificates an authority signed (for its CRL). */
export function listRevoked(db: Database, authorityId: string) {
  return db
    .select({
      serialNumber: officeCertificates.serialNumber,
      revokedAt: officeCertificates.revokedAt,
      reason: officeCertificates.revocationReason,
    })
    .from(officeCertificates)
    .where(
      and(
        eq(officeCertificates.authorityId, authorityId),
        sql`${officeCertificates.revokedAt} is not null`,
      ),
    )
    .orderBy(asc(officeCertificates.revokedAt));
}

export async function insertCertificate(
  db: Database,
  values: typeof officeCertificates.$inferInsert,
) {
  const [row] = await db.insert(officeCertificates).values(values).returning();
  if (!row) throw new Error("inserting a certificate returned no row");
  return row;
}

/** Serials are kept as lower-case hex without leading zeros, however a source wrote them. */
export function normaliseSerial(hex: string): string {
  return hex.toLowerCase().replace(/^0+(?=.)/, "");
}

export async function findCertificateBySerial(db: Database, serialNumber: string) {
  const [row] = await db
    .select()
    .from(officeCertificates)
    .where(eq(officeCertificates.serialNumber, normaliseSerial(serialNumber)));
  return row;
}

const ocspSubject = {
  id: officeCertificates.id,
  serialNumber: officeCertificates.serialNumber,
  authorityId: officeCertificates.authorityId,
  revokedAt: officeCertificates.revokedAt,
  revocationReason: officeCertificates.revocationReason,
};

/**
 * The certificates with these serials (normalised), as OCSP needs them, each with its
 * pre-signed response if any: what every OCSP request asks, so prepared once, and one query
 * however many certificates a request names.
 */
export function findCertificatesForOcsp(db: Database, serialNumbers: string[]) {
  return certificatesForOcsp(db).execute({ serialNumbers: serialNumbers.map(normaliseSerial) });
}

const certificatesForOcsp = preparedQuery((db) =>
  db
    .select({
      ...ocspSubject,
      stored: {
        authorityId: ocspResponses.authorityId,
        status: ocspResponses.status,
        nextUpdate: ocspResponses.nextUpdate,
        der: ocspResponses.der,
      },
    })
    .from(officeCertificates)
    .leftJoin(ocspResponses, eq(ocspResponses.certificateId, officeCertificates.id))
    .where(isAnyOf(officeCertificates.serialNumber, "serialNumbers"))
    .prepare("certificates_for_ocsp"),
);

/**
 * Stores a certificate's pre-signed response in place of the one before. A "good" one never
 * replaces a "revoked" one: a response signed just before a revocation committed arrives too
 * late to undo it, on any instance (the conflicting row is re-read under its lock).
 */
export async function saveOcspResponse(db: Database, values: typeof ocspResponses.$inferInsert) {
  await db
    .insert(ocspResponses)
    .values(values)
    .onConflictDoUpdate({
      target: ocspResponses.certificateId,
      set: {
        authorityId: values.authorityId,
        status: values.status,
        thisUpdate: values.thisUpdate,
        nextUpdate: values.nextUpdate,
        der: values.der,
      },
      ...(values.status === "good" ? { setWhere: eq(ocspResponses.status, "good") } : {}),
    });
}

/**
 * The authority's unexpired certificates whose pre-signed response is missing, was signed
 * before `renewBefore`, or says otherwise than the certificate row: a page of them by id.
 */
export function listOcspResponsesDue(
  db: Database,
  options: { authorityId: string; now: Date; renewBefore: Date; afterId?: string; limit: number },
): Promise<OcspSubject[]> {
  return db
    .select(ocspSubject)
    .from(officeCertificates)
    .leftJoin(ocspResponses, eq(ocspResponses.certificateId, officeCertificates.id))
    .where(
      and(
        eq(officeCertificates.authorityId, options.authorityId),
        gt(officeCertificates.notAfter, options.now),
        options.afterId ? gt(officeCertificates.id, options.afterId) : undefined,
        or(
          isNull(ocspResponses.certificateId),
          lte(ocspResponses.thisUpdate, options.renewBefore),
          sql`(${officeCertificates.revokedAt} is null) <> (${ocspResponses.status} = 'good')`,
        ),
      ),
    )
    .orderBy(asc(officeCertificates.id))
    .limit(options.limit);
}

export async function findCertificate(db: Database, id: string) {
  const [row] = await db.select().from(officeCertificates).where(eq(officeCertificates.id, id));
  return row;
}

/** The office's certificates, newest first: for the servicedesk (platform staff only). */
export function unscopedListOfficeCertificates(db: Database, officeId: string) {
  return db
    .select()
    .from(officeCertificates)
    .where(eq(officeCertificates.officeId, officeId))
    .orderBy(desc(officeCertificates.createdAt));
}

/**
 * Marks the office's other unrevoked certificates as superseded by a new one, and when asked
 * schedules their revocation (those not scheduled already).
 */
export async function supersedeOthers(
  db: Database,
  officeId: string,
  exceptId: string,
  now: Date,
  revokeAt: Date | null,
): Promise<void> {
  const others = and(
    eq(officeCertificates.officeId, officeId),
    sql`${officeCertificates.id} <> ${exceptId}`,
    isNull(officeCertificates.revokedAt),
  );
  await db
    .update(officeCertificates)
    .set({ supersededAt: now })
    .where(and(others, isNull(officeCertificates.supersededAt)));
  // Every older certificate still in use goes, not only the newest one.
  if (revokeAt) {
    await db
      .update(officeCertificates)
      .set({ revokeAt })
      .where(and(others, isNull(officeCertificates.revokeAt)));
  }
}

export async function markRevoked(
  db: Database,
  id: string,
  now: Date,
  reason: NonNullable<CertificateRow["revocationReason"]>,
): Promise<CertificateRow | undefined> {
  const [row] = await db
    .update(officeCertificates)
    .set({ revokedAt: now, revocationReason: reason })
    .where(and(eq(officeCertificates.id, id), isNull(officeCertificates.revokedAt)))
    .returning();
  return row;
}

/** Certificates whose delayed revocation (after a servicedesk reissue) is due. */
export function listDueRevocations(db: Database, now: Date) {
  return db
    .select({ id: officeCertificates.id })
    .from(officeCertificates)
    .where(and(isNull(officeCertificates.revokedAt), lte(officeCertificates.revokeAt, now)));
}

/**
 * Unrevoked certificates that expire within the window, with their office: by default only
 * the current ones (not replaced), which are the ones to remind.
 */
export function listExpiringCurrent(
  db: Database,
  now: Date,
  until: Date,
  options: { includeReplaced?: boolean } = {},
) {
  return db
    .select({ certificate: officeCertificates, office: offices })
    .from(officeCertificates)
    .innerJoin(offices, eq(offices.id, officeCertificates.officeId))
    .where(
      and(
        isNull(officeCertificates.revokedAt),
        options.includeReplaced ? undefined : isNull(officeCertificates.supersededAt),
        gt(officeCertificates.notAfter, now),
        lte(officeCertificates.notAfter, until),
      ),
    )
    .orderBy(asc(officeCertificates.notAfter));
}

/** Claims one reminder; false when it was sent before (by this or another instance). */
export async function claimReminder(
  db: Database,
  certificateId: string,
  daysBefore: number,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .insert(expiryReminders)
    .values({ certificateId, daysBefore, sentAt: now })
    .onConflictDoNothing()
    .returning({ certificateId: expiryReminders.certificateId });
  return rows.length === 1;
}

export function listReminders(db: Database, certificateIds: string[]) {
  if (certificateIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(expiryReminders)
    .where(sql`${expiryReminders.certificateId} in ${certificateIds}`);
}

/** Offices by name or debtor number, with their newest certificate. */
export function searchOffices(db: Database, text: string | undefined) {
  const pattern = text ? containing(text) : undefined;
  return db
    .select()
    .from(offices)
    .where(
      pattern ? or(ilike(offices.name, pattern), ilike(offices.debtorNumber, pattern)) : undefined,
    )
    .orderBy(asc(offices.name))
    .limit(100);
}

async function newestOpenDemand(db: Database, ofTheOffice: SQL) {
  const [row] = await db
    .select()
    .from(reissueDemands)
    .where(and(ofTheOffice, isNull(reissueDemands.metAt)))
    .orderBy(desc(reissueDemands.demandedAt))
    .limit(1);
  return row;
}

/** The office's newest unmet reissue demand, in the office's own view. */
export function findOpenDemand(db: Database, scope: OfficeScope) {
  return newestOpenDemand(db, ofOffice(scope, reissueDemands.officeId));
}

/**
 * The same for any office: the servicedesk's, whose routes admit platform staff only
 * (`requirePlatformStaff`).
 */
export function unscopedFindOpenDemand(db: Database, officeId: string) {
  return newestOpenDemand(db, eq(reissueDemands.officeId, officeId));
}

export async function insertDemand(db: Database, values: typeof reissueDemands.$inferInsert) {
  await db.insert(reissueDemands).values(values);
}

export async function meetDemands(db: Database, officeId: string, now: Date): Promise<void> {
  await db
    .update(reissueDemands)
    .set({ metAt: now })
    .where(and(eq(reissueDemands.officeId, officeId), isNull(reissueDemands.metAt)));
}

export async function insertRequest(
  db: Database,
  scope: OfficeScope,
  values: Omit<typeof certificateRequests.$inferInsert, "officeId">,
) {
  await db.insert(certificateRequests).values({ ...values, officeId: scope.officeId });
}

/** Locks the office's request row so that two submits of one form take turns. */
export async function lockRequest(db: Database, scope: OfficeScope, tokenHash: string) {
  const [row] = await db
    .select()
    .from(certificateRequests)
    .where(
      and(
        eq(certificateRequests.tokenHash, tokenHash),
        ofOffice(scope, certificateRequests.officeId),
      ),
    )
    .for("update");
  return row;
}

export async function completeRequest(db: Database, id: string, certificateId: string) {
  await db.update(certificateRequests).set({ certificateId }).where(eq(certificateRequests.id, id));
}

/**
 * Mails a receiving server refused for good, to an address on one of the offices' domains (or
 * on this office's): for the servicedesk (platform staff only).
 */
export function unscopedListBouncedMails(db: Database, officeId?: string) {
  return db
    .select({
      to: mails.toAddress,
      subject: mails.subject,
      reason: mails.lastError,
      at: mails.createdAt,
      officeId: offices.id,
      officeName: offices.name,
    })
    .from(mails)
    .leftJoin(
      offices,
      sql`split_part(${mails.toAddress}, '@', 2) = split_part(${offices.email}, '@', 2)`,
    )
    .where(and(eq(mails.status, "failed"), officeId ? eq(offices.id, officeId) : undefined))
    .orderBy(desc(mails.createdAt))
    .limit(200);
}

/** Holds the office's row until the transaction ends. */
export async function lockOffice(db: Database, officeId: string): Promise<void> {
  await db.select({ id: offices.id }).from(offices).where(eq(offices.id, officeId)).for("update");
}

/**
 * Every office's certificates counted by state, and the current ones that expire before
 * `expiringBefore`: one pass over the table for the metrics. Unscoped: platform-wide numbers
 * without any office's data, read for the metrics endpoint, which only the operator's
 * monitoring reaches (its own listener, or the metrics token).
 */
export async function unscopedCountCertificates(db: Database, now: Date, expiringBefore: Date) {
  const c = officeCertificates;
  const unrevoked = sql`${c.revokedAt} IS NULL`;
  const unexpired = sql`${unrevoked} AND ${c.notAfter} > ${now}`;
  const current = sql`${unexpired} AND ${c.supersededAt} IS NULL`;
  const counted = (condition: SQL) =>
    sql<number>`count(*) FILTER (WHERE ${condition})`.mapWith(Number);
  const [row] = await db
    .select({
      revoked: counted(sql`${c.revokedAt} IS NOT NULL`),
      expired: counted(sql`${unrevoked} AND ${c.notAfter} <= ${now}`),
      superseded: counted(sql`${unexpired} AND ${c.supersededAt} IS NOT NULL`),
      valid: counted(current),
      expiring: counted(sql`${current} AND ${c.notAfter} <= ${expiringBefore}`),
    })
    .from(c);
  return row ?? { revoked: 0, expired: 0, superseded: 0, valid: 0, expiring: 0 };
}
