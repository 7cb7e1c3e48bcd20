import path from "node:path";
import type { BlobStore } from "#src/server/platform/blobs/blob-store.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { VirusScanner } from "#src/server/platform/files/virus-scanner.ts";
import type { JobRunner } from "#src/server/platform/jobs/job-runner.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";
import type { Metrics } from "#src/server/platform/metrics/metrics.ts";
import type { SecretBox } from "#src/server/platform/security/secret-box.ts";
import type { SmsSender } from "#src/server/platform/sms/sms-sender.ts";
import { type UploadRefusals, uploadRefusals } from "../documents/upload-refusals.ts";
import { createKvkRegister } from "../kvk-register/create-kvk-register.ts";
import type { KvkRegister } from "../kvk-register/kvk-register.ts";

/** What the eHerkenning services (applications, review, means) need from the platform. */
export interface EherkenningDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  sms: SmsSender;
  /** Seals what is kept at rest (an identity document's number). */
  secrets: SecretBox;
  /** The copies of identity documents. */
  blobs: BlobStore;
  scanner: VirusScanner;
  jobs: JobRunner;
  kvk: KvkRegister;
  /** Base of the links in mails. */
  publicUrl: string;
  /** Where an uploaded ID copy waits until it is checked. */
  uploadDir: string;
  maxFileBytes: number;
  uploadRefusals: UploadRefusals;
  supplierName: string;
  partnerName: string;
  platformOin: string;
  retentionDays: number;
}

/** The eHerkenning services' share of the platform services. */
export function eherkenningDeps(
  services: Pick<
    EherkenningDeps,
    "clock" | "mailer" | "sms" | "secrets" | "blobs" | "scanner" | "jobs"
  > & {
    database: { db: Database };
    metrics: Metrics;
    config: {
      dataDir: string;
      publicUrl: string;
      uploads: { maxFileBytes: number };
      eherkenning: {
        supplierName: string;
        partnerName: string;
        platformOin: string;
        retentionDays: number;
        kvk: { apiKey: string | undefined; apiUrl: string };
      };
    };
  },
): EherkenningDeps {
  const { config } = services;
  return {
    db: services.database.db,
    clock: services.clock,
    mailer: services.mailer,
    sms: services.sms,
    secrets: services.secrets,
    blobs: services.blobs,
    scanner: services.scanner,
    jobs: services.jobs,
    kvk: createKvkRegister(config.eherkenning.kvk),
    publicUrl: config.publicUrl,
    uploadDir: path.join(config.dataDir, "uploads"),
    maxFileBytes: config.uploads.maxFileBytes,
    uploadRefusals: uploadRefusals(services.metrics),
    supplierName: config.eherkenning.supplierName,
    partnerName: config.eherkenning.partnerName,
    platformOin: config.eherkenning.platformOin,
    retentionDays: config.eherkenning.retentionDays,
  };
}
