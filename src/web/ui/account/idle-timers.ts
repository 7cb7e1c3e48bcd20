import type { SessionState } from "#src/contracts/accounts.ts";

/** How long before the idle timeout the warning appears. */
export const warnBeforeMs = 2 * 60 * 1000;

/**
 * When, by this browser's clock, the session ends for lack of activity: the moment the answer
 * came plus the seconds the server said were left. Not the server's `idleExpiresAt` against
 * this browser's clock, which may be minutes off and would warn and end the session early.
 */
export function idleDeadline(
  session: SessionState | undefined,
  answeredAt: number,
): number | undefined {
  const secondsLeft = session?.idleSecondsLeft;
  return secondsLeft === undefined ? undefined : answeredAt + secondsLeft * 1000;
}

/** How long from `now` until the warning shows and until the session is over. */
export function idleTimers(deadline: number, now: number): { warnInMs: number; endInMs: number } {
  const left = deadline - now;
  return { warnInMs: Math.max(0, left - warnBeforeMs), endInMs: Math.max(0, left) };
}
