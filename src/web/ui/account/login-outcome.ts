import type { LoginOutcome } from "#src/contracts/accounts.ts";
import { paths } from "./paths.ts";

/**
 * Where a login step leads: the second step, setting one up (staff must have one), or in.
 * The first login opens "Mijn gegevens"; otherwise the page asked for, or the area's home.
 */
export function nextPath(outcome: LoginOutcome, homePath: string, from?: string): string {
  if (outcome.next === "second-factor") return paths.secondFactor;
  if (outcome.next === "set-up-second-factor") return paths.setUpSecondFactor;
  if (outcome.firstLogin) return paths.myDetails;
  return from ?? homePath;
}

/** Navigation state that tells "Mijn gegevens" it is opened for the first time. */
export function nextState(outcome: LoginOutcome): { firstLogin: boolean } {
  return { firstLogin: outcome.firstLogin };
}

/** Staff and platform accounts must set up a second step before anything else. */
export function mustSetUpSecondFactor(account: { kind: string; twoFactorMethod: string }): boolean {
  return account.kind !== "client" && account.twoFactorMethod === "none";
}
