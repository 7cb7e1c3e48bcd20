import { Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "#src/web/ui/api/session.tsx";
import { portalPaths } from "../paths.ts";

/** Where the choice of office returns to: the page asked for, with its navigation state. */
export interface OfficeChoiceState {
  from?: string;
  fromState?: unknown;
}

/**
 * The portal's pages act for one office's client: a login of several offices chooses one first
 * (ADR 0011), and comes back to the page it asked for.
 */
export function OfficeChoiceGate() {
  const { session } = useSession();
  const location = useLocation();
  if (session?.officeChoice?.needed) {
    const state: OfficeChoiceState = {
      from: `${location.pathname}${location.search}`,
      fromState: location.state,
    };
    return <Navigate to={portalPaths.chooseOffice} replace state={state} />;
  }
  return <Outlet />;
}
