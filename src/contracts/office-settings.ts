import { z } from "zod";

/** How long a closed dossier may stay in the client portal, in months (ADR 0023). */
export const RETENTION_MONTHS = { min: 3, max: 120, default: 12 } as const;

export const retentionMonthsSchema = z
  .number()
  .int()
  .min(RETENTION_MONTHS.min)
  .max(RETENTION_MONTHS.max);

/** The office's settings under "Instellingen": every staff member reads them, admins change them. */
export const officeSettingsSchema = z.object({
  /** Months after its completion or cancellation that a dossier leaves the client portal. */
  retentionMonths: retentionMonthsSchema,
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

export const setOfficeSettingsSchema = z.object({ retentionMonths: retentionMonthsSchema });
