import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import { accountKindOfArea, type LoginArea, type SessionState } from "#src/contracts/accounts.ts";
import { fetchSession } from "./api-client.ts";

export interface SessionContextValue {
  /** Undefined while the first answer is on its way. */
  session?: SessionState;
  /** True when the session could not be fetched at all. */
  failed: boolean;
  /** Fetches the session again, e.g. after each login step; resolves with the new state. */
  refresh: () => Promise<SessionState | undefined>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/**
 * A session of another area's kind of account (the browser keeps one session for all areas,
 * e.g. an eHerkenning holder's from the IdP's login page) is no login here: this area's pages
 * see nobody logged in, and its login replaces that session.
 */
export function sessionOfArea(session: SessionState, area: LoginArea): SessionState {
  if (!session.account || session.account.kind === accountKindOfArea[area]) return session;
  return { csrfToken: session.csrfToken };
}

/** Holds who is logged in to the area for the pages below it. */
export function SessionProvider({ area, children }: { area: LoginArea; children: ReactNode }) {
  const [session, setSession] = useState<SessionState>();
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const next = sessionOfArea(await fetchSession(), area);
      setSession(next);
      setFailed(false);
      return next;
    } catch {
      setFailed(true);
      return undefined;
    }
  }, [area]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ session, failed, refresh }), [session, failed, refresh]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession needs a SessionProvider");
  return value;
}

/** Logged in completely: password and, when set up, the second step. */
export function isLoggedIn(session: SessionState | undefined): boolean {
  return Boolean(session?.account) && session?.stage === "complete";
}
