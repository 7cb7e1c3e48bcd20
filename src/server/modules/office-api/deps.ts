import type { AccountsDeps } from "../accounts/deps.ts";
import { accountsDeps } from "../accounts/deps.ts";
import type { DocumentsDeps } from "../documents/deps.ts";
import { documentsDeps } from "../documents/deps.ts";

/** What the office API needs: the services the back office's routes use, and its own limit. */
export interface OfficeApiDeps {
  documents: DocumentsDeps;
  accounts: AccountsDeps;
  /** Calls per office certificate per minute, on each instance (`OFFICE_API_RATE_LIMIT`). */
  callsPerMinute: number;
}

export function officeApiDeps(
  services: Parameters<typeof documentsDeps>[0] &
    Parameters<typeof accountsDeps>[0] & { config: { officeApi: { callsPerMinute: number } } },
): OfficeApiDeps {
  return {
    documents: documentsDeps(services),
    accounts: accountsDeps(services),
    callsPerMinute: services.config.officeApi.callsPerMinute,
  };
}
