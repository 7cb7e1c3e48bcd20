import { useState } from "react";
import { useNavigate } from "react-router";
import type { LoginOutcome } from "#src/contracts/accounts.ts";
import { useSession } from "../api/session.tsx";
import { nextPath, nextState } from "./login-outcome.ts";

/**
 * Leads on after a login step: the session is fetched again, then the next page opens (see
 * `nextPath`). While `leaving`, the step's page must not send a logged-in user home itself: the
 * router's navigation is a transition, so the page renders the fresh session before it commits,
 * and its own redirect home would win over the page asked for.
 */
export function useLoginStep(homePath: string) {
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [leaving, setLeaving] = useState(false);
  const proceed = async (outcome: LoginOutcome, from?: string) => {
    setLeaving(true);
    await refresh();
    navigate(nextPath(outcome, homePath, from), {
      replace: true,
      state: nextState(outcome, from),
    });
  };
  return { leaving, proceed };
}
