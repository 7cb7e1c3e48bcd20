import type { z } from "zod";
import type { expiringListSchema } from "#src/contracts/certificates.ts";
import { EXPIRY_WINDOW_DAYS } from "./certificate-state.ts";
import type { CertificatesDeps } from "./deps.ts";
import { listExpiringCurrent, listReminders } from "./repository.ts";

const DAY_MS = 24 * 60 * 60_000;

/**
 * The servicedesk's expiry overview: every unrevoked certificate that expires in the next 60
 * days, with the reminders its office got and whether it has a newer certificate already.
 */
export async function expiringOverview(
  deps: Pick<CertificatesDeps, "db" | "clock">,
): Promise<z.infer<typeof expiringListSchema>> {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + EXPIRY_WINDOW_DAYS * DAY_MS);
  const expiring = await listExpiringCurrent(deps.db, now, until, { includeReplaced: true });
  const reminders = await listReminders(
    deps.db,
    expiring.map(({ certificate }) => certificate.id),
  );
  return {
    certificates: expiring.map(({ certificate, office }) => ({
      officeId: office.id,
      officeName: office.name,
      debtorNumber: office.debtorNumber,
      serialNumber: certificate.serialNumber,
      notAfter: certificate.notAfter.toISOString(),
      remindersSent: reminders
        .filter((reminder) => reminder.certificateId === certificate.id)
        .map((reminder) => reminder.daysBefore),
      replaced: certificate.supersededAt !== null,
    })),
  };
}
