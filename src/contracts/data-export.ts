import { z } from "zod";

/**
 * A client's data export (GDPR right of access, issue 19; ADR 0024): everything Poort holds
 * about the login, prepared by a job into one ZIP archive, downloadable for a week.
 */
export const dataExportStateSchema = z.enum([
  "requested",
  "preparing",
  "ready",
  "failed",
  "expired",
]);
export type DataExportState = z.infer<typeof dataExportStateSchema>;

export const dataExportSchema = z.object({
  id: z.uuid(),
  state: dataExportStateSchema,
  requestedAt: z.iso.datetime(),
  readyAt: z.iso.datetime().nullable(),
  /** Until when the archive can be downloaded (ready), or when it was deleted (expired). */
  expiresAt: z.iso.datetime().nullable(),
  /** The archive's size in bytes, once ready. */
  size: z.number().int().nullable(),
});
export type DataExport = z.infer<typeof dataExportSchema>;

/** The login's newest export, if any, and how many more it may request today. */
export const dataExportOverviewSchema = z.object({
  latest: dataExportSchema.nullable(),
  requestsLeftToday: z.number().int(),
});
export type DataExportOverview = z.infer<typeof dataExportOverviewSchema>;
