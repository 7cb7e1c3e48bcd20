import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { loginOutcomeSchema } from "../../../../contracts/accounts.ts";
import { ApiError, apiRequest } from "../../api/api-client.ts";
import { isLoggedIn, useSession } from "../../api/session.tsx";
import { useSubmit } from "../../api/use-submit.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { TextField } from "../../components/FormField.tsx";
import { Heading } from "../../components/Heading.tsx";
import { RouterLink } from "../../components/Link.tsx";
import { Paragraph } from "../../components/Paragraph.tsx";
import { useDocumentTitle } from "../../use-document-title.ts";
import { audienceKey, useAccountArea } from "../account-area.tsx";
import { nextPath, nextState } from "../login-outcome.ts";
import { paths } from "../paths.ts";
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
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const { session, refresh } = useSession();
  const { area, homePath } = useAccountArea();
  const submit = useSubmit();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  useDocumentTitle(t("account.login.title"));

  if (isLoggedIn(session)) return <Navigate to={homePath} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { email: !email.trim(), password: !password };
    setMissing(nowMissing);
    if (nowMissing.email || nowMissing.password) {
      submit.setError(new ApiError(0, "missing", t("account.errors.fillIn")));
      return;
    }
    await submit.run(async () => {
      const outcome = loginOutcomeSchema.parse(
        await apiRequest("POST", "/api/auth/login", {
          body: { area, email: email.trim(), password },
        }),
      );
      await refresh();
      navigate(nextPath(outcome, homePath, state.from), {
        replace: true,
        state: nextState(outcome),
      });
    });
  };

  return (
    <>
      <Heading level={1}>{t("account.login.title")}</Heading>
      {state.loggedOut && <Alert type="ok">{t("account.login.loggedOut")}</Alert>}
      {state.sessionEnded && <Alert type="warning">{t("account.login.sessionEnded")}</Alert>}
      <Paragraph>{t(audienceKey(area, "loginIntro"))}</Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="login-email"
          label={t("account.fields.email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={missing.email ? t("account.errors.emailMissing") : undefined}
        />
        <TextField
          id="login-password"
          label={t("account.fields.password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={missing.password ? t("account.errors.passwordMissing") : undefined}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("account.login.submit")}
          </Button>
        </div>
      </form>
      <Paragraph>
        <RouterLink to={paths.forgotPassword}>{t("account.login.forgotPassword")}</RouterLink>
      </Paragraph>
      <Paragraph appearance="small">{t(audienceKey(area, "noAccount"))}</Paragraph>
    </>
  );
}
