import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LoginOutcome } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import { ApiError, callApi } from "../api/api-client.ts";
import { useSubmit } from "../api/use-submit.ts";
import { Alert } from "../components/Alert.tsx";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ButtonGroup, TextField } from "../components/FormField.tsx";
import { Paragraph } from "../components/Paragraph.tsx";

interface SecondFactorFormProps {
  /** The second step the account has set up; a recovery code can always stand in for it. */
  appMethod: "sms" | "totp";
  /** Called once the code is accepted; what it throws is shown above the form. */
  onVerified: (outcome: LoginOutcome) => Promise<void>;
}

/**
 * The second step of a login: the code by SMS or from the app, or a recovery code, with
 * "send again" for SMS. Shared by the account areas' login and the eHerkenning IdP's login,
 * which only differ in where the accepted code leads.
 */
export function SecondFactorForm({ appMethod, onVerified }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const resend = useSubmit();
  const [code, setCode] = useState("");
  const [useRecovery, setUseRecovery] = useState(false);
  const [resent, setResent] = useState(false);
  const [missing, setMissing] = useState(false);
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
      await onVerified(outcome);
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
