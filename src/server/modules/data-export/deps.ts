import type { BlobStore } from "#src/server/platform/blobs/blob-store.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { Mailer } from "#src/server/platform/mail/mailer.ts";
import { type AccountsDeps, accountsDeps } from "../accounts/deps.ts";
import { type DocumentsDeps, documentsDeps } from "../documents/deps.ts";

/** What the data export needs: its own sealed store, and the modules whose data it gathers. */
export interface DataExportDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  /** The prepared archives: a sealed store of their own (`data-exports`). */
  archives: BlobStore;
  accounts: AccountsDeps;
  documents: DocumentsDeps;
}

export function dataExportDeps(
  services: Parameters<typeof accountsDeps>[0] &
    Parameters<typeof documentsDeps>[0] & { dataExports: BlobStore },
): DataExportDeps {
  return {
    db: services.database.db,
    clock: services.clock,
    mailer: services.mailer,
    publicUrl: services.config.publicUrl,
    archives: services.dataExports,
    accounts: accountsDeps(services),
    documents: documentsDeps(services),
  };
}
