import type { Organisation } from "#src/contracts/certificates.ts";
import type { Config } from "#src/server/config.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";
import type { SecretBox } from "#src/server/platform/security/secret-box.ts";
import type { SmsSender } from "#src/server/platform/sms/sms-sender.ts";
import type { AuthorityStore } from "./authority.ts";

/** What the certificate services need from the platform. */
export interface CertificatesDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  sms: SmsSender;
  secrets: SecretBox;
  authorities: AuthorityStore;
  organisation: Organisation;
  settings: Config["certificates"];
  /** Where CRLs and OCSP are reached (PUBLIC_URL) and where the self-service is (mTLS). */
  urls: { public: string; selfService: string };
}

/** The certificate services' share of the platform services. */
export function certificatesDeps(
  services: Pick<CertificatesDeps, "clock" | "mailer" | "sms" | "secrets" | "authorities"> & {
    database: { db: Database };
    config: Pick<Config, "publicUrl" | "certificates" | "organisation" | "mtls">;
  },
): CertificatesDeps {
  return {
    db: services.database.db,
    clock: services.clock,
    mailer: services.mailer,
    sms: services.sms,
    secrets: services.secrets,
    authorities: services.authorities,
    organisation: services.config.organisation,
    settings: services.config.certificates,
    urls: { public: services.config.publicUrl, selfService: services.config.mtls.publicUrl },
  };
}
