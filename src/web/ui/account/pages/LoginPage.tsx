import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useSearchParams } from "react-router";
import { accountApi } from "#src/contracts/api/account.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { isLoggedIn, useSession } from "#src/web/ui/api/session.tsx";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { audienceKey, useAccountArea } from "../account-area.tsx";
import { type LoginCredentials, LoginForm } from "../LoginForm.tsx";
import { paths } from "../paths.ts";
import { useLoginStep } from "../use-login-step.ts";
import "../account.css";

interface LoginLocationState {
  from?: string;
  loggedOut?: boolean;
  /** The session ended after a while without activity. */
  sessionEnded?: boolean;
}

/** Step 1 of the login: e-mail address and password. */
export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const [query] = useSearchParams();
  const { session } = useSession();
  const { area, homePath, loginNotice, loginExtra } = useAccountArea();
  const step = useLoginStep(homePath);
  // A logout that leaves the app (the portal's SAML logout after an eHerkenning login) comes
  // back with `?uitgelogd=1` instead of navigation state.
  const loggedOut = state.loggedOut || query.get("uitgelogd") === "1";
  useDocumentTitle(t("account.login.title"));

  if (isLoggedIn(session) && !step.leaving) return <Navigate to={homePath} replace />;

  const onLogin = async ({ email, password }: LoginCredentials) => {
    const outcome = await callApi(accountApi.logIn, { body: { area, email, password } });
    await step.proceed(outcome, state.from);
  };

  return (
    <>
      <Heading level={1}>{t("account.login.title")}</Heading>
      {loggedOut && <Alert type="ok">{t("account.login.loggedOut")}</Alert>}
      {state.sessionEnded && <Alert type="warning">{t("account.login.sessionEnded")}</Alert>}
      {loginNotice}
      <Paragraph>{t(audienceKey(area, "loginIntro"))}</Paragraph>
      <LoginForm
        ids={{ email: "login-email", password: "login-password" }}
        text={{
          email: t("account.fields.email"),
          password: t("account.fields.password"),
          emailMissing: t("account.errors.emailMissing"),
          passwordMissing: t("account.errors.passwordMissing"),
          submit: t("account.login.submit"),
        }}
        emailAutoComplete="email"
        onLogin={onLogin}
      />
      <Paragraph>
        <RouterLink to={paths.forgotPassword}>{t("account.login.forgotPassword")}</RouterLink>
      </Paragraph>
      <Paragraph appearance="small">{t(audienceKey(area, "noAccount"))}</Paragraph>
      {loginExtra}
    </>
  );
}
