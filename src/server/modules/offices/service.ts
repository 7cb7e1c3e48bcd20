import { type CreateOffice, createOfficeSchema, type Office } from "#src/contracts/offices.ts";
import { AppError } from "#src/server/errors.ts";
import {
  type AuditEvent,
  recordAuditEvent,
} from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import {
  findOfficeByEmailDomain,
  findOfficeById,
  insertOffice,
  listOffices,
  type OfficeRow,
  updateOfficeEmail,
} from "./repository.ts";

function toOffice(row: OfficeRow): Office {
  return { id: row.id, name: row.name, debtorNumber: row.debtorNumber, email: row.email };
}

/** Registers an office; its debtor number must be new. */
export async function createOffice(
  db: Database,
  clock: Clock,
  input: CreateOffice,
  actor: AuditEvent["actor"],
): Promise<Office> {
  const values = createOfficeSchema.parse(input);
  return db.transaction(async (tx) => {
    const row = await insertOffice(tx, { ...values, createdAt: clock.now() });
    if (!row) {
      throw new AppError("conflict", [
        {
          path: "debtorNumber",
          code: "taken",
          message: "An office with this debtor number exists",
        },
      ]);
    }
    await recordAuditEvent(tx, clock, {
      actor,
      action: "office.created",
      subject: { type: "office", id: row.id },
      officeId: row.id,
      details: { debtorNumber: row.debtorNumber },
    });
    return toOffice(row);
  });
}

/** The office with this id, if there is one. */
export async function findOffice(db: Database, id: string): Promise<Office | undefined> {
  const row = await findOfficeById(db, id);
  return row && toOffice(row);
}

/** The office with this id, or 404. */
export async function getOffice(db: Database, id: string): Promise<Office> {
  const office = await findOffice(db, id);
  if (!office) throw new AppError("not_found");
  return office;
}

/** The office whose registered address is on this mail domain, if any. */
export async function findOfficeByMailDomain(
  db: Database,
  domain: string,
): Promise<Office | undefined> {
  const row = await findOfficeByEmailDomain(db, domain);
  return row && toOffice(row);
}

export async function allOffices(db: Database): Promise<Office[]> {
  return (await listOffices(db)).map(toOffice);
}

/**
 * Changes the office's registered address, and with it its mail domain (A10): only the member
 * administration does this, never the certificate request itself.
 */
export async function changeOfficeEmail(
  db: Database,
  clock: Clock,
  officeId: string,
  email: string,
  actor: AuditEvent["actor"],
): Promise<void> {
  await db.transaction(async (tx) => {
    const office = await findOfficeById(tx, officeId);
    if (!office) throw new AppError("not_found");
    await updateOfficeEmail(tx, officeId, email);
    await recordAuditEvent(tx, clock, {
      actor,
      action: "office.email-changed",
      subject: { type: "office", id: officeId },
      officeId,
      details: { from: office.email, to: email },
    });
  });
}
