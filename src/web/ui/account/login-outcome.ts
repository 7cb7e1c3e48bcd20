import type { LoginOutcome } from "../../contracts/accounts.ts";
import { paths } from "./paths.ts";

/** Where a login step leads: the second step, or in. The first login opens "Mijn gegevens". */
export function nextPath(outcome: LoginOutcome, from?: string): string {
  if (outcome.next === "second-factor") return paths.secondFactor;
  if (outcome.firstLogin || outcome.next === "set-up-second-factor") return paths.myDetails;
  return from ?? paths.myDetails;
}

/** Navigation state that tells "Mijn gegevens" it is opened for the first time. */
export function nextState(outcome: LoginOutcome): { firstLogin: boolean } {
  return { firstLogin: outcome.firstLogin };
}
