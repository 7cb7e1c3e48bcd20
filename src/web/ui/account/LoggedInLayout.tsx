import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { apiRequest, errorMessage, forgetCsrfToken } from "../ui/api/api-client.ts";
import { isLoggedIn, useSession } from "../ui/api/session.tsx";
import { Alert } from "../ui/components/Alert.tsx";
import { Button } from "../ui/components/Button.tsx";
import { Paragraph } from "../ui/components/Paragraph.tsx";
import { paths } from "./paths.ts";
import "./portal.css";

/** The logged-in pages: only for a complete login, with the "Uitloggen" button on top. */
export function LoggedInLayout() {
  const { t } = useTranslation();
  const { session, failed, refresh } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [logoutError, setLogoutError] = useState<string>();
  // While logging out, the page leaves by itself, with a notice for the login page.
  const [loggingOut, setLoggingOut] = useState(false);

  if (failed) return <Alert type="error">{t("portal.errors.session")}</Alert>;
  if (!session) return <Paragraph>{t("portal.loading")}</Paragraph>;
  if (!isLoggedIn(session)) {
    if (loggingOut) return null;
    return <Navigate to={paths.login} replace state={{ from: location.pathname }} />;
  }

  const logOut = async () => {
    setLogoutError(undefined);
    setLoggingOut(true);
    try {
      await apiRequest("POST", "/api/auth/logout");
      forgetCsrfToken();
      await refresh();
      navigate(paths.login, { replace: true, state: { loggedOut: true } });
    } catch (error) {
      setLoggingOut(false);
      setLogoutError(errorMessage(error, t("portal.errors.general")));
    }
  };

  return (
    <>
      <nav className="poort-account-bar" aria-label={t("portal.accountBar.label")}>
        <p className="utrecht-paragraph poort-account-bar__who">
          {t("portal.accountBar.loggedInAs", { name: session.account?.name ?? "" })}
        </p>
        <Button appearance="secondary-action" onClick={() => void logOut()}>
          {t("portal.accountBar.logout")}
        </Button>
      </nav>
      {logoutError && <Alert type="error">{logoutError}</Alert>}
      <Outlet />
    </>
  );
}
