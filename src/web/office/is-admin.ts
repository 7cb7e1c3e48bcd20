import type { SessionState } from "#src/contracts/accounts.ts";

/** Only the office's admins manage its staff. */
export function isOfficeAdmin(session: SessionState | undefined): boolean {
  return session?.account?.role === "admin";
}
