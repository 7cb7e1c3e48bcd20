import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { accountApi } from "#src/contracts/api/account.ts";
import { portalEherkenningApi } from "#src/contracts/api/portal-eherkenning.ts";
import { callApi, errorMessage, forgetCsrfToken } from "../api/api-client.ts";
import { isLoggedIn, useSession } from "../api/session.tsx";
import { Alert } from "../components/Alert.tsx";
import { Button } from "../components/Button.tsx";
import { Paragraph } from "../components/Paragraph.tsx";
import { IdleWarning } from "./IdleWarning.tsx";
import { mustSetUpSecondFactor } from "./login-outcome.ts";
import { paths } from "./paths.ts";
import "./account.css";

/**
 * The logged-in pages: only for a complete login, with the "Uitloggen" button and the area's
 * menu on top. Staff without a second step are sent to set one up first. After an eHerkenning
 * login, logging out also ends the IdP's session.
 */
export function LoggedInLayout({ menu }: { menu?: ReactNode }) {
  const { t } = useTranslation();
  const { session, failed, refresh } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [logoutError, setLogoutError] = useState<string>();
  // While logging out, the page leaves by itself, with a notice for the login page.
  const [loggingOut, setLoggingOut] = useState(false);
  // Set when the session ran out for lack of activity, so the login page can say so.
  const [idleEnded, setIdleEnded] = useState(false);

  if (failed) return <Alert type="error">{t("account.errors.session")}</Alert>;
  if (!session) return <Paragraph>{t("account.loading")}</Paragraph>;
  if (!isLoggedIn(session)) {
    if (loggingOut) return null;
    const state = idleEnded ? { sessionEnded: true } : { from: location.pathname };
    return <Navigate to={paths.login} replace state={state} />;
  }
  const settingUp = session.account && mustSetUpSecondFactor(session.account);
  if (settingUp && location.pathname !== paths.setUpSecondFactor)
    return <Navigate to={paths.setUpSecondFactor} replace />;

  const logOut = async () => {
    setLogoutError(undefined);
    setLoggingOut(true);
    try {
      if (session.signOn === "eherkenning") {
        // The IdP's session ends too: the browser goes there, and comes back to the login page.
        const { redirectTo } = await callApi(portalEherkenningApi.logOut);
        window.location.assign(redirectTo);
        return;
      }
      await callApi(accountApi.logOut);
      forgetCsrfToken();
      await refresh();
      navigate(paths.login, { replace: true, state: { loggedOut: true } });
    } catch (error) {
      setLoggingOut(false);
      setLogoutError(errorMessage(error, t("account.errors.general")));
    }
  };

  return (
    <>
      <nav className="poort-account-bar" aria-label={t("account.accountBar.label")}>
        <p className="utrecht-paragraph poort-account-bar__who">
          {t("account.accountBar.loggedInAs", { name: session.account?.name ?? "" })}
        </p>
        <Button appearance="secondary-action" onClick={() => void logOut()}>
          {t("account.accountBar.logout")}
        </Button>
      </nav>
      {!settingUp && menu}
      {logoutError && <Alert type="error">{logoutError}</Alert>}
      <IdleWarning onEnded={setIdleEnded} />
      <Outlet />
    </>
  );
}
