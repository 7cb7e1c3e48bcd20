import { z } from "zod";

const UNIT_MS = { d: 24 * 60 * 60_000, h: 60 * 60_000, m: 60_000 } as const;

/** How far the development clock runs ahead of real time: whole days, hours or minutes. */
export const clockOffsetSchema = z
  .string()
  .regex(/^\d{1,5}[dhm]$/, { error: "a whole number of days, hours or minutes, e.g. 700d" });

export function clockOffsetMs(offset: string): number {
  const unit = offset.slice(-1) as keyof typeof UNIT_MS;
  return Number(offset.slice(0, -1)) * UNIT_MS[unit];
}

/** The offset in the largest unit that fits it whole, e.g. `700d`. */
export function formatClockOffset(offsetMs: number): string {
  for (const [unit, ms] of Object.entries(UNIT_MS)) {
    if (offsetMs % ms === 0) return `${offsetMs / ms}${unit}`;
  }
  return `${offsetMs}ms`;
}

export const moveDevClockSchema = z.object({ offset: clockOffsetSchema });

export const devClockSchema = z.object({
  now: z.iso.datetime(),
  offsetMs: z.number().int().min(0),
});

export type DevClock = z.infer<typeof devClockSchema>;
