import path from "node:path";
import type { BlobStore } from "#src/server/platform/blobs/blob-store.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { VirusScanner } from "#src/server/platform/files/virus-scanner.ts";
import type { Metrics } from "#src/server/platform/metrics/metrics.ts";
import { type UploadRefusals, uploadRefusals } from "./upload-refusals.ts";

/** What the document services need from the platform. */
export interface DocumentsDeps {
  db: Database;
  clock: Clock;
  blobs: BlobStore;
  scanner: VirusScanner;
  /** Where uploads wait on local disk until they are complete and checked. */
  uploadDir: string;
  limits: { maxFileBytes: number; maxFilesPerDossier: number };
  uploadRefusals: UploadRefusals;
}

/** The document services' share of the platform services. */
export function documentsDeps(
  services: Pick<DocumentsDeps, "clock" | "blobs" | "scanner"> & {
    database: { db: Database };
    config: { dataDir: string; uploads: DocumentsDeps["limits"] };
    metrics: Metrics;
  },
): DocumentsDeps {
  return {
    db: services.database.db,
    clock: services.clock,
    blobs: services.blobs,
    scanner: services.scanner,
    uploadDir: path.join(services.config.dataDir, "uploads"),
    limits: services.config.uploads,
    uploadRefusals: uploadRefusals(services.metrics),
  };
}
