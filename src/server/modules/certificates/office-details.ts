import type { z } from "zod";
import type { OfficeDetail, officeListSchema } from "#src/contracts/certificates.ts";
import type { Office } from "#src/contracts/offices.ts";
import { getOffice } from "#src/server/modules/offices/service.ts";
import { certificateState, toCertificateSummary } from "./certificate-state.ts";
import type { CertificatesDeps } from "./deps.ts";
import {
  type CertificateRow,
  searchOffices,
  unscopedFindOpenDemand,
  unscopedListBouncedMails,
  unscopedListOfficeCertificates,
} from "./repository.ts";

type OfficeList = z.infer<typeof officeListSchema>;
type OfficeListItem = OfficeList["offices"][number];

/** The office as the servicedesk lists it: with the state of its newest certificate. */
function withNewestCertificate(
  office: Office,
  certificates: CertificateRow[],
  now: Date,
): OfficeListItem {
  const [newest] = certificates;
  return {
    id: office.id,
    name: office.name,
    debtorNumber: office.debtorNumber,
    email: office.email,
    certificateState: newest ? certificateState(newest, now) : null,
    certificateNotAfter: newest?.notAfter.toISOString() ?? null,
  };
}

/**
 * The servicedesk's office search, by name or debtor number. Across offices: for the
 * servicedesk's routes, which admit platform staff only.
 */
export async function searchOfficesWithCertificates(
  deps: Pick<CertificatesDeps, "db" | "clock">,
  text: string | undefined,
): Promise<OfficeList> {
  const now = deps.clock.now();
  const offices = await searchOffices(deps.db, text);
  return {
    offices: await Promise.all(
      offices.map(async (office) =>
        withNewestCertificate(
          office,
          await unscopedListOfficeCertificates(deps.db, office.id),
          now,
        ),
      ),
    ),
  };
}

/**
 * An office as the servicedesk sees it (A8–A11): its certificates, an open reissue demand and
 * the mails to its domain that bounced. For the servicedesk's routes (platform staff only).
 */
export async function officeDetail(
  deps: Pick<CertificatesDeps, "db" | "clock">,
  officeId: string,
): Promise<OfficeDetail> {
  const office = await getOffice(deps.db, officeId);
  const now = deps.clock.now();
  const [certificates, demand, bounces] = await Promise.all([
    unscopedListOfficeCertificates(deps.db, officeId),
    unscopedFindOpenDemand(deps.db, officeId),
    unscopedListBouncedMails(deps.db, officeId),
  ]);
  return {
    ...withNewestCertificate(office, certificates, now),
    certificates: certificates.map((certificate) => toCertificateSummary(certificate, now)),
    openReissueDemand: demand
      ? { reason: demand.reason, demandedAt: demand.demandedAt.toISOString() }
      : null,
    bounces: bounces.map((bounce) => ({
      to: bounce.to,
      subject: bounce.subject,
      at: bounce.at.toISOString(),
    })),
  };
}
