import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import type { SecretBox } from "#src/server/platform/security/secret-box.ts";

/** What the office events and their webhooks need from the platform. */
export interface OfficeEventsDeps {
  db: Database;
  clock: Clock;
  /** Seals the webhook secrets at rest. */
  secrets: SecretBox;
  /**
   * Webhook endpoints may be plain http: in development and tests only, for a receiver on the
   * developer's own machine; anywhere else the events and their signatures would travel open.
   */
  allowHttpEndpoints: boolean;
}

export function officeEventsDeps(services: {
  database: { db: Database };
  clock: Clock;
  secrets: SecretBox;
  config: { env: "development" | "production" | "test" };
}): OfficeEventsDeps {
  return {
    db: services.database.db,
    clock: services.clock,
    secrets: services.secrets,
    allowHttpEndpoints: services.config.env !== "production",
  };
}
