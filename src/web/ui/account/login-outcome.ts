import type { LoginOutcome } from "#src/contracts/accounts.ts";
import { paths } from "./paths.ts";

/**
 * Where a login step leads: the second step, setting one up (staff must have one), or in.
 * The page asked for comes first (a mailed link, such as an eHerkenning link's approval, must
 * not be lost); otherwise the first login opens "Mijn gegevens", and every later one the home.
 */
export function nextPath(outcome: LoginOutcome, homePath: string, from?: string): string {
  if (outcome.next === "second-factor") return paths.secondFactor;
  if (outcome.next === "set-up-second-factor") return paths.setUpSecondFactor;
  if (from) return from;
  return outcome.firstLogin ? paths.myDetails : homePath;
}

/** The navigation state a login step hands the page it leads to. */
export interface LoginStepState {
  /** Tells "Mijn gegevens" it is opened for the first time. */
  firstLogin: boolean;
  /** Tells the second step the page asked for, so that a mailed link still opens after it. */
  from?: string;
}

/** The state for the page `nextPath` leads to; only the second step is told where to go on. */
export function nextState(outcome: LoginOutcome, from?: string): LoginStepState {
  if (outcome.next === "second-factor" && from) return { firstLogin: outcome.firstLogin, from };
  return { firstLogin: outcome.firstLogin };
}

/** Staff and platform accounts must set up a second step before anything else. */
export function mustSetUpSecondFactor(account: { kind: string; twoFactorMethod: string }): boolean {
  return account.kind !== "client" && account.twoFactorMethod === "none";
}
