import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { loginOutcomeSchema } from "../../../contracts/accounts.ts";
import { ApiError, apiRequest } from "../../ui/api/api-client.ts";
import { isLoggedIn, useSession } from "../../ui/api/session.tsx";
import { useSubmit } from "../../ui/api/use-submit.ts";
import { Alert } from "../../ui/components/Alert.tsx";
import { Button } from "../../ui/components/Button.tsx";
import { ErrorSummary } from "../../ui/components/ErrorSummary.tsx";
import { TextField } from "../../ui/components/FormField.tsx";
import { Heading } from "../../ui/components/Heading.tsx";
import { RouterLink } from "../../ui/components/Link.tsx";
import { Paragraph } from "../../ui/components/Paragraph.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { nextPath, nextState } from "../login-outcome.ts";
import { paths } from "../paths.ts";
import "../portal.css";

interface LoginLocationState {
  from?: string;
  loggedOut?: boolean;
}

/** Step 1 of the login: e-mail address and password. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const { session, refresh } = useSession();
  const submit = useSubmit();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  useDocumentTitle(t("portal.login.title"));

  if (isLoggedIn(session)) return <Navigate to={paths.myDetails} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { email: !email.trim(), password: !password };
    setMissing(nowMissing);
    if (nowMissing.email || nowMissing.password) {
      submit.setError(new ApiError(0, "missing", t("portal.errors.fillIn")));
      return;
    }
    await submit.run(async () => {
      const outcome = loginOutcomeSchema.parse(
        await apiRequest("POST", "/api/auth/login", {
          body: { area: "portal", email: email.trim(), password },
        }),
      );
      await refresh();
      navigate(nextPath(outcome, state.from), { replace: true, state: nextState(outcome) });
    });
  };

  return (
    <>
      <Heading level={1}>{t("portal.login.title")}</Heading>
      {state.loggedOut && <Alert type="ok">{t("portal.login.loggedOut")}</Alert>}
      <Paragraph>{t("portal.login.intro")}</Paragraph>
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="login-email"
          label={t("portal.fields.email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={missing.email ? t("portal.errors.emailMissing") : undefined}
        />
        <TextField
          id="login-password"
          label={t("portal.fields.password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={missing.password ? t("portal.errors.passwordMissing") : undefined}
        />
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("portal.login.submit")}
          </Button>
        </div>
      </form>
      <Paragraph>
        <RouterLink to={paths.forgotPassword}>{t("portal.login.forgotPassword")}</RouterLink>
      </Paragraph>
      <Paragraph appearance="small">{t("portal.login.noAccount")}</Paragraph>
    </>
  );
}
