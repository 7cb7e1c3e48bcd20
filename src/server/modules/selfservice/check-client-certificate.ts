import type { ErrorCode } from "#src/server/errors.ts";
import type { CertificatesDeps } from "#src/server/modules/certificates/deps.ts";
import { verifyOfficeCertificate } from "#src/server/modules/certificates/verify-office-certificate.ts";
import { findOffice } from "#src/server/modules/offices/service.ts";
import { type OfficeActor, officeActorOf } from "./office-actor.ts";

export type ClientCertificateCheck =
  | { kind: "valid"; actor: OfficeActor }
  | { kind: "refused"; code: ErrorCode };

/**
 * Decides about a presented client certificate ourselves rather than in the TLS handshake, so
 * that a wrong certificate gets a page that explains, not a dropped connection: it must be one
 * of our office certificates in force (see `verifyOfficeCertificate`), of an office we know.
 */
export async function checkClientCertificate(
  deps: Pick<CertificatesDeps, "db" | "clock" | "authorities">,
  der: Buffer | undefined,
): Promise<ClientCertificateCheck> {
  if (!der) return { kind: "refused", code: "certificate_missing" };
  const verdict = await verifyOfficeCertificate(deps, der);
  if (verdict.kind === "refused") return verdict;
  const office = await findOffice(deps.db, verdict.certificate.officeId);
  if (!office) return { kind: "refused", code: "certificate_foreign" };
  const { serialNumber, notAfter } = verdict.certificate;
  return { kind: "valid", actor: officeActorOf(office, { serialNumber, notAfter }) };
}
