import type { z } from "zod";
import {
  type CertificateEventPage,
  certificateAuditActions,
  type certificateAuditQuerySchema,
} from "#src/contracts/audit-log.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { decodeCursor, pageOf, periodOf, toAuditEntry } from "./audit-entries.ts";
import { unscopedListCertificateEvents } from "./repository.ts";

/**
 * The servicedesk's view of the certificate events (issue 19): issuance, revocation, demanded
 * reissues, revocation lists, bounced mails to offices, office changes and self-service logins,
 * across offices, newest first. The caller checked the servicedesk role.
 */
export async function certificateEventPage(
  db: Database,
  query: z.output<typeof certificateAuditQuerySchema>,
): Promise<CertificateEventPage> {
  const rows = await unscopedListCertificateEvents(db, {
    ...periodOf(query),
    actions: certificateAuditActions,
    officeId: query.officeId,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit, (row) => ({ ...toAuditEntry(row), office: row.office }));
}
