import { clockOffsetMs, type DevClock, formatClockOffset } from "#src/contracts/dev-clock.ts";
import { AppError } from "#src/server/errors.ts";
import type { OffsetClock } from "#src/server/platform/clock.ts";

export function readDevClock(clock: OffsetClock): DevClock {
  return { now: clock.now().toISOString(), offsetMs: clock.offsetMs };
}

/** Sets how far Poort's clock runs ahead of real time; it never goes back. */
export function moveDevClock(clock: OffsetClock, offset: string): DevClock {
  if (!clock.moveAheadTo(clockOffsetMs(offset))) {
    throw new AppError("validation_failed", [
      {
        path: "offset",
        code: "clock_moves_only_ahead",
        message: `The clock runs ${formatClockOffset(clock.offsetMs)} ahead already and moves only ahead; restart Poort to return to real time.`,
      },
    ]);
  }
  return readDevClock(clock);
}
