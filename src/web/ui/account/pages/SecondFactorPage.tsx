import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { accountApi } from "#src/contracts/api/account.ts";
import { ApiError, callApi } from "#src/web/ui/api/api-client.ts";
import { isLoggedIn, useSession } from "#src/web/ui/api/session.tsx";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { ButtonGroup, TextField } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { useAccountArea } from "../account-area.tsx";
import { nextPath, nextState } from "../login-outcome.ts";
import { paths } from "../paths.ts";
import "../account.css";

/** Step 2 of the login: the code by SMS or from the app, or a recovery code. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, refresh } = useSession();
  const { homePath } = useAccountArea();
  const submit = useSubmit();
  const resend = useSubmit();
  const [code, setCode] = useState("");
  const [useRecovery, setUseRecovery] = useState(false);
  const [resent, setResent] = useState(false);
  const [missing, setMissing] = useState(false);
  useDocumentTitle(t("account.secondFactor.title"));

  if (!session) return <Paragraph>{t("account.loading")}</Paragraph>;
  if (isLoggedIn(session)) return <Navigate to={homePath} replace />;
  if (!session.account || session.stage !== "second-factor")
    return <Navigate to={paths.login} replace />;

  const appMethod = session.account.twoFactorMethod === "totp" ? "totp" : "sms";
  const method = useRecovery ? "recovery" : appMethod;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!code.trim());
    if (!code.trim()) {
      submit.setError(new ApiError(0, "missing", t("account.errors.fillIn")));
      return;
    }
    await submit.run(async () => {
      const outcome = await callApi(accountApi.verifySecondFactor, {
        body: { method, code: code.trim() },
      });
      await refresh();
      navigate(nextPath(outcome, homePath), { replace: true, state: nextState(outcome) });
    });
  };

  const onResend = async () => {
    setResent(false);
    const ok = await resend.run(async () => {
      await callApi(accountApi.resendLoginCode);
    });
    setResent(ok);
  };

  return (
    <>
      <Heading level={1}>{t("account.secondFactor.title")}</Heading>
      <Paragraph>{t(`account.secondFactor.intro.${method}`)}</Paragraph>
      {resent && <Alert type="ok">{t("account.secondFactor.resent")}</Alert>}
      <ErrorSummary>{submit.error?.message ?? resend.error?.message}</ErrorSummary>
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="second-factor-code"
          label={t(useRecovery ? "account.fields.recoveryCode" : "account.fields.code")}
          autoComplete="one-time-code"
          inputMode={useRecovery ? "text" : "numeric"}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={missing ? t("account.errors.codeMissing") : undefined}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t("account.secondFactor.submit")}
          </Button>
          {method === "sms" && (
            <Button disabled={resend.busy} onClick={() => void onResend()}>
              {t("account.secondFactor.resend")}
            </Button>
          )}
        </ButtonGroup>
      </form>
      <Paragraph>
        <Button
          appearance="subtle"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setCode("");
            setMissing(false);
          }}
        >
          {t(useRecovery ? "account.secondFactor.useApp" : "account.secondFactor.useRecovery")}
        </Button>
      </Paragraph>
    </>
  );
}
